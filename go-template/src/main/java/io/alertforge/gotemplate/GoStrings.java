package io.alertforge.gotemplate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Go's view of strings, which are UTF-8 bytes: lengths, byte indexing, ordering, and strconv's
 * quoting.
 *
 * <p>Java strings can hold unpaired surrogates that UTF-8 cannot; they are treated as U+FFFD, which
 * is what Go would see after a lossy conversion.
 */
final class GoStrings {

  /**
   * Byte-wise UTF-8 order, which is code point order; {@link String#compareTo} orders by UTF-16
   * unit.
   */
  static final Comparator<String> UTF8_ORDER = GoStrings::compare;

  private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

  private GoStrings() {}

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static byte[] utf8Bytes(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      appendUtf8(out, Character.isSurrogate((char) c) && c <= 0xFFFF ? 0xFFFD : c);
    }
    return out.toByteArray();
  }

  private static void appendUtf8(ByteArrayOutputStream out, int c) {
    if (c < 0x80) {
      out.write(c);
    } else if (c < 0x800) {
      out.write(0xC0 | c >> 6);
      out.write(0x80 | c & 0x3F);
    } else if (c < 0x10000) {
      out.write(0xE0 | c >> 12);
      out.write(0x80 | c >> 6 & 0x3F);
      out.write(0x80 | c & 0x3F);
    } else {
      out.write(0xF0 | c >> 18);
      out.write(0x80 | c >> 12 & 0x3F);
      out.write(0x80 | c >> 6 & 0x3F);
      out.write(0x80 | c & 0x3F);
    }
  }

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int c) {
    if (c < 0x80) {
      return c >= 0x20 && c < 0x7F;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** fmt's {@code %#U}: "U+0041 'A'", without the quoted form when the rune is not printable. */
  static String describeRune(int c) {
    String hex = String.format("U+%04X", c);
    return isPrint(c) ? hex + " '" + new String(Character.toChars(c)) + "'" : hex;
  }

  /** strconv.Quote, or strconv.QuoteToASCII when {@code asciiOnly}. */
  static String quote(String s, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      appendEscapedRune(sb, validRune(c), '"', asciiOnly);
    }
    return sb.append('"').toString();
  }

  /** strconv.QuoteRune / QuoteRuneToASCII; invalid runes become U+FFFD as in Go. */
  static String quoteRune(long c, boolean asciiOnly) {
    int r = c < 0 || c > Character.MAX_CODE_POINT ? 0xFFFD : validRune((int) c);
    StringBuilder sb = new StringBuilder(8).append('\'');
    appendEscapedRune(sb, r, '\'', asciiOnly);
    return sb.append('\'').toString();
  }

  static int validRune(int c) {
    return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c;
  }

  private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      sb.append('\\').append((char) r);
      return;
    }
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      sb.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          sb.append("\\x").append(LOWER_HEX[r >> 4]).append(LOWER_HEX[r & 0xF]);
        } else if (r < 0x10000) {
          appendHex(sb.append("\\u"), r, 4);
        } else {
          appendHex(sb.append("\\U"), r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder sb, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(LOWER_HEX[value >> shift & 0xF]);
    }
  }

  /** strconv.CanBackquote: whether {@code s} can be written as a raw string unchanged. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if ((c < ' ' && c != '\t')
          || c == '`'
          || c == 0x7F
          || c == 0xFEFF
          || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of a Go string literal as the lexer delimited it ({@code "..."} or a raw {@code
   * `...`}).
   *
   * <p>Escapes are decoded to UTF-8 bytes first, as Go does, so {@code "\xc3\xa9"} is "é"; a
   * literal whose bytes are not valid UTF-8 cannot be a Java string and is rejected.
   */
  static String unquote(String literal) throws InvalidLiteral {
    String body = literal.substring(1, literal.length() - 1);
    if (literal.charAt(0) == '`') {
      // As in Go, carriage returns inside raw strings are discarded.
      return body.indexOf('\r') < 0 ? body : body.replace("\r", "");
    }
    if (body.indexOf('\\') < 0) {
      return body;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      if (c != '\\') {
        appendUtf8(bytes, validRune(c));
        i += Character.charCount(c);
        continue;
      }
      int escape = i + 1;
      i = unescape(body, escape, bytes);
      if (i < 0) {
        throw new InvalidLiteral(escape, "invalid syntax");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidLiteral(0, "quoted string escapes do not form valid UTF-8");
    }
  }

  /**
   * Decodes the escape whose letter is at {@code at}; returns the index after it, or -1 if invalid.
   */
  private static int unescape(String s, int at, ByteArrayOutputStream bytes) {
    char c = s.charAt(at);
    switch (c) {
      case 'a' -> bytes.write(0x07);
      case 'b' -> bytes.write('\b');
      case 'f' -> bytes.write('\f');
      case 'n' -> bytes.write('\n');
      case 'r' -> bytes.write('\r');
      case 't' -> bytes.write('\t');
      case 'v' -> bytes.write(0x0B);
      case '\\', '"' -> bytes.write(c);
      case 'x', 'u', 'U' -> {
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (at + 1 + digits > s.length()) {
          return -1;
        }
        long value = 0;
        for (int j = at + 1; j <= at + digits; j++) {
          int d = Character.digit(s.charAt(j), 16);
          if (d < 0 || s.charAt(j) > 'f') {
            return -1;
          }
          value = value << 4 | d;
        }
        if (c == 'x') {
          bytes.write((int) value);
        } else if (value > Character.MAX_CODE_POINT
            || (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE)) {
          return -1;
        } else {
          appendUtf8(bytes, (int) value);
        }
        return at + 1 + digits;
      }
      default -> {
        if (c < '0' || c > '7' || at + 3 > s.length()) {
          return -1;
        }
        int value = 0;
        for (int j = at; j < at + 3; j++) {
          int d = s.charAt(j) - '0';
          if (d < 0 || d > 7) {
            return -1;
          }
          value = value << 3 | d;
        }
        if (value > 255) {
          return -1;
        }
        bytes.write(value);
        return at + 3;
      }
    }
    return at + 1;
  }

  /**
   * A string literal that Go's strconv.Unquote rejects; {@code index} is where, within the literal.
   */
  static final class InvalidLiteral extends Exception {

    private static final long serialVersionUID = 1L;

    final int index;

    InvalidLiteral(int index, String message) {
      super(message, null, false, false);
      this.index = index;
    }
  }
}
