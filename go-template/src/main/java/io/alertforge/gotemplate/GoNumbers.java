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
        // A valid uint64 that int cannot hold; Go rejects it when executing, we reject it up front.
        throw new InvalidNumber(text + " overflows int");
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
