package io.alertforge.gotemplate;

/**
 * Number constants as Go templates read them: an int ({@link Long}) when the text is an integer in
 * Go syntax (decimal, 0x, 0o, 0b, legacy octal, '_' separators), otherwise a float ({@link Double})
 * when it has a '.', exponent or hex mantissa.
 */
final class GoNumbers {

  private GoNumbers() {}

  static Object parse(String text) throws InvalidNumber {
    if (text.endsWith("i")) {
      throw new InvalidNumber("complex numbers are not supported: " + text);
    }
    IntegerText integer = parseInteger(text);
    if (integer != null && !integer.overflow) {
      if (integer.negative) {
        if (integer.magnitude >= 0 || integer.magnitude == Long.MIN_VALUE) {
          return -integer.magnitude;
        }
      } else if (integer.magnitude >= 0) {
        return integer.magnitude;
      } else {
        // A valid uint64 that int cannot hold: Go parses it and rejects it when executing.
        return new Overflow(text);
      }
    }
    Double f = parseFloat(text);
    if (f == null) {
      throw new InvalidNumber("illegal number syntax: " + GoStrings.quote(text, false));
    }
    if (!containsAny(text, ".eEpP")) {
      throw new InvalidNumber("integer overflow: " + GoStrings.quote(text, false));
    }
    return f;
  }

  /** An integer constant that is a uint64 but no int: "N overflows int" wherever it is used. */
  record Overflow(String text) {}

  /**
   * The value of a character constant such as {@code 'a'} or {@code '\\n'}, an int as in Go: the
   * code point, or the byte of a {@code \\x} or octal escape.
   */
  static long charConstant(String text) throws InvalidNumber {
    String body = text.substring(1);
    if (body.isEmpty() || body.charAt(0) == '\'') {
      throw new InvalidNumber("invalid syntax");
    }
    int value;
    int end;
    if (body.charAt(0) != '\\') {
      value = body.codePointAt(0);
      end = Character.charCount(value);
    } else if (body.length() < 2) {
      throw new InvalidNumber("invalid syntax");
    } else {
      char c = body.charAt(1);
      end = 2;
      switch (c) {
        case 'a' -> value = 7;
        case 'b' -> value = '\b';
        case 'f' -> value = '\f';
        case 'n' -> value = '\n';
        case 'r' -> value = '\r';
        case 't' -> value = '\t';
        case 'v' -> value = 11;
        case '\\', '\'' -> value = c;
        case 'x', 'u', 'U' -> {
          int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
          end = 2 + digits;
          value = hexValue(body, 2, end);
          if (value < 0
              || (c != 'x' && (value > 0x10FFFF || (value >= 0xD800 && value < 0xE000)))) {
            throw new InvalidNumber("invalid syntax");
          }
        }
        default -> {
          if (c < '0' || c > '7') {
            throw new InvalidNumber("invalid syntax");
          }
          end = 4;
          value = 0;
          for (int i = 1; i < 4; i++) {
            char d = i < body.length() ? body.charAt(i) : 'x';
            if (d < '0' || d > '7') {
              throw new InvalidNumber("invalid syntax");
            }
            value = value * 8 + (d - '0');
          }
          if (value > 255) {
            throw new InvalidNumber("invalid syntax");
          }
        }
      }
    }
    if (!body.substring(Math.min(end, body.length())).equals("'")) {
      throw new InvalidNumber("malformed character constant: " + text);
    }
    return value;
  }

  private static int hexValue(String s, int from, int to) {
    if (to > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** An integer's sign and unsigned 64-bit magnitude, as strconv.ParseInt with base 0 reads it. */
  private record IntegerText(boolean negative, long magnitude, boolean overflow) {}

  private static IntegerText parseInteger(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return null;
    }
    int base = 10;
    if (s.charAt(0) == '0') {
      char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
      base = prefix == 'b' ? 2 : prefix == 'o' ? 8 : prefix == 'x' ? 16 : 8;
      s = s.substring(base == 8 && prefix != 'o' ? 1 : 2);
    }
    boolean underscores = false;
    boolean overflow = false;
    long magnitude = 0;
    long cutoff = Long.divideUnsigned(-1L, base);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
        continue;
      }
      int digit = Character.digit(c, 36);
      if (digit < 0 || digit >= base || c > 'z') {
        return null;
      }
      if (Long.compareUnsigned(magnitude, cutoff) > 0) {
        overflow = true;
      }
      long next = magnitude * base + digit;
      if (Long.compareUnsigned(next, magnitude * base) < 0) {
        overflow = true;
      }
      magnitude = next;
    }
    if (underscores && !underscoreOk(text)) {
      return null;
    }
    return new IntegerText(negative, magnitude, overflow);
  }

  private static Double parseFloat(String text) {
    if (text.indexOf('_') >= 0) {
      if (!underscoreOk(text)) {
        return null;
      }
      text = text.replace("_", "");
    }
    try {
      double f = Double.parseDouble(text);
      return Double.isInfinite(f) ? null : f;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** strconv's rule: each '_' must sit between digits, or between a base prefix and a digit. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
      i = 2;
      saw = '0';
      hex = Character.toLowerCase(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static final class InvalidNumber extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidNumber(String message) {
      super(message, null, false, false);
    }
  }
}
