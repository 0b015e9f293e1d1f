package io.alertforge.controller.logging;

import java.util.function.IntPredicate;

/**
 * Escapes what would let a value (an alert name, a Wavefront answer, a commit message, a flag) end
 * its line in a log or a start-up error and forge the next one: control characters and the Unicode
 * line separators.
 */
public final class LogEscaping {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogEscaping() {}

  /**
   * For text lines: control characters (C0, DEL, C1, so also NEL), U+2028 and U+2029 become {@code
   * \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, and a backslash becomes two, so an
   * escape in the output always stands for the character it names.
   */
  public static String text(String s) {
    return escape(s, c -> c == '\\' || isControl(c) || isLineSeparator(c));
  }

  /**
   * For JSON lines: what logback's JsonEncoder leaves as it is (it escapes the C0 controls, quotes,
   * backslashes and slashes): DEL, the C1 controls, U+2028 and U+2029. JSON allows them raw, but a
   * reader that breaks lines at them would show a forged line.
   */
  static String json(String s) {
    return escape(s, c -> (c >= 0x7f && c <= 0x9f) || isLineSeparator(c));
  }

  private static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  private static boolean isLineSeparator(int c) {
    return c == 0x2028 || c == 0x2029;
  }

  private static String escape(String s, IntPredicate escaped) {
    if (s == null || s.chars().noneMatch(escaped)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped.test(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default ->
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
