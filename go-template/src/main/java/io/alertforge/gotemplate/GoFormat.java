package io.alertforge.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt.Sprint and fmt.Sprintf for the values a template can hold, ported from Go's fmt/print.go
 * and fmt/format.go so that widths, flags and the {@code %!verb(type=value)} error forms come out
 * exactly.
 *
 * <p>{@code null} stands for a nil interface, which is what a missing value becomes when passed to
 * print or printf. One instance formats one call.
 */
final class GoFormat {

  private static final String LOWER_DIGITS = "0123456789abcdefx";
  private static final String UPPER_DIGITS = "0123456789ABCDEFX";
  private static final int MAX_WIDTH = 1_000_000;

  private final StringBuilder buf = new StringBuilder();
  private final int limit;
  private String firstMark;

  // fmt's flags, cleared for each verb
  private boolean widPresent;
  private boolean precPresent;
  private boolean minus;
  private boolean plus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private boolean sharpV;
  private int wid;
  private int prec;

  // Printf's scanning state
  private int argNum;
  private int pos;
  private boolean reordered;
  private boolean goodArgNum;

  private GoFormat(int limit) {
    this.limit = limit;
  }

  /** fmt.Sprint: operands in their default format, spaced where neither side is a string. */
  static String sprint(List<Object> args, int limit) throws CallError {
    GoFormat p = new GoFormat(limit);
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        p.buf.append(' ');
      }
      p.printArg(arg, 'v');
      p.checkLimit();
      prevString = isString;
    }
    return p.buf.toString();
  }

  /** What an action prints for a value: fmt.Fprint of that one value. */
  /** fmt.Sprintln: operands always separated by a space, then a newline. */
  static String sprintln(List<Object> args, int limit) throws CallError {
    GoFormat p = new GoFormat(limit);
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.buf.append(' ');
      }
      p.printArg(args.get(i), 'v');
      p.checkLimit();
    }
    p.buf.append('\n');
    p.checkLimit();
    return p.buf.toString();
  }

  static void appendValue(StringBuilder out, Object value, int limit) throws CallError {
    if (value instanceof String s) {
      out.append(s);
    } else if (value instanceof Long || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof GoByte b) {
      out.append(b.value());
    } else {
      out.append(sprint(List.of(value), limit));
    }
  }

  static String sprintf(String format, List<Object> args, int limit) throws CallError {
    return printf(format, args, limit).text();
  }

  /**
   * What printf made: its text, and the first of fmt's error marks in it ({@code %!(NOVERB)},
   * {@code %!d(string=x)}, {@code %!(EXTRA ...)}, ...), or null when the format fit its arguments.
   * The mark is the one this call wrote, so a value that holds {@code %!} itself is none.
   */
  record Printed(String text, String firstMark) {}

  static Printed printf(String format, List<Object> args, int limit) throws CallError {
    GoFormat p = new GoFormat(limit);
    p.doPrintf(format, args);
    return new Printed(p.buf.toString(), p.firstMark);
  }

  /** Keeps the mark written from {@code start} to the end of the text if it is the first. */
  private void noted(int start, StringBuilder written) {
    if (firstMark == null) {
      firstMark = written.substring(start);
    }
  }

  private void checkLimit() throws CallError {
    if (buf.length() > limit) {
      throw new CallError("the result is longer than " + limit + " characters");
    }
  }

  private void doPrintf(String format, List<Object> args) throws CallError {
    int end = format.length();
    argNum = 0;
    boolean afterIndex;
    reordered = false;
    formatLoop:
    for (pos = 0; pos < end; ) {
      goodArgNum = true;
      int lasti = pos;
      while (pos < end && format.charAt(pos) != '%') {
        pos++;
      }
      if (pos > lasti) {
        buf.append(format, lasti, pos);
      }
      checkLimit();
      if (pos >= end) {
        break;
      }
      pos++;
      clearFlags();
      simpleFormat:
      for (; pos < end; pos++) {
        char c = format.charAt(pos);
        switch (c) {
          case '#' -> sharp = true;
          case '0' -> zero = !minus; // only pad with zeros on the left
          case '+' -> plus = true;
          case '-' -> {
            minus = true;
            zero = false;
          }
          case ' ' -> space = true;
          default -> {
            // Go's fast path for a lower-case verb right after the flags.
            if ('a' <= c && c <= 'z' && argNum < args.size()) {
              if (c == 'v') {
                moveFlagsForV();
              }
              printArg(args.get(argNum), c);
              argNum++;
              pos++;
              continue formatLoop;
            }
            break simpleFormat;
          }
        }
      }
      afterIndex = argNumber(format, args.size());
      if (pos < end && format.charAt(pos) == '*') {
        pos++;
        Integer width = intFromArg(args);
        widPresent = width != null;
        wid = widPresent ? width : 0;
        if (!widPresent) {
          noted(buf.length(), buf.append("%!(BADWIDTH)"));
        }
        if (wid < 0) {
          wid = -wid;
          minus = true;
          zero = false;
        }
        afterIndex = false;
      } else {
        int[] number = parseNumber(format, pos, end);
        wid = number[0];
        widPresent = number[1] != 0;
        pos = number[2];
        if (afterIndex && widPresent) {
          goodArgNum = false;
        }
      }
      if (pos + 1 < end && format.charAt(pos) == '.') {
        pos++;
        if (afterIndex) {
          goodArgNum = false;
        }
        afterIndex = argNumber(format, args.size());
        if (pos < end && format.charAt(pos) == '*') {
          pos++;
          Integer precision = intFromArg(args);
          precPresent = precision != null;
          prec = precPresent ? precision : 0;
          if (prec < 0) {
            prec = 0;
            precPresent = false;
          }
          if (!precPresent) {
            noted(buf.length(), buf.append("%!(BADPREC)"));
          }
          afterIndex = false;
        } else {
          int[] number = parseNumber(format, pos, end);
          prec = number[0];
          precPresent = true;
          pos = number[2];
        }
      }
      if (!afterIndex) {
        afterIndex = argNumber(format, args.size());
      }
      if (pos >= end) {
        noted(buf.length(), buf.append("%!(NOVERB)"));
        break;
      }
      int verb = format.codePointAt(pos);
      pos += Character.charCount(verb);
      if (verb == '%') {
        buf.append('%'); // absorbs no operand and ignores width and precision
      } else if (!goodArgNum) {
        noted(buf.length(), buf.append("%!").appendCodePoint(verb).append("(BADINDEX)"));
      } else if (argNum >= args.size()) {
        noted(buf.length(), buf.append("%!").appendCodePoint(verb).append("(MISSING)"));
      } else {
        if (verb == 'v') {
          moveFlagsForV();
        }
        printArg(args.get(argNum), verb);
        argNum++;
      }
      checkLimit();
    }
    if (!reordered && argNum < args.size()) {
      clearFlags();
      int extra = buf.length();
      buf.append("%!(EXTRA ");
      for (int i = argNum; i < args.size(); i++) {
        if (i > argNum) {
          buf.append(", ");
        }
        Object arg = args.get(i);
        if (arg == null) {
          buf.append("<nil>");
        } else {
          buf.append(Values.goType(arg)).append('=');
          printArg(arg, 'v');
        }
      }
      noted(extra, buf.append(')'));
      checkLimit();
    }
  }

  /** %#v and %+v are flagless formats of their own rather than '#' or '+' applied to %v. */
  private void moveFlagsForV() {
    sharpV = sharp;
    sharp = false;
    plusV = plus;
    plus = false;
  }

  /** An explicit argument index such as "[2]"; returns whether one was read. */
  private boolean argNumber(String format, int numArgs) {
    if (pos >= format.length() || format.charAt(pos) != '[') {
      return false;
    }
    reordered = true;
    int close = format.indexOf(']', pos + 1);
    if (format.length() - pos < 3 || close < 0) {
      pos += 1;
      goodArgNum = false;
      return false;
    }
    int[] number = parseNumber(format, pos + 1, close);
    int next = close + 1;
    if (number[1] == 0 || number[2] != close) {
      pos = next;
      goodArgNum = false;
      return false;
    }
    int index = number[0] - 1;
    pos = next;
    if (index >= 0 && index < numArgs) {
      argNum = index;
    } else {
      goodArgNum = false;
    }
    return true;
  }

  /** A width or precision taken from an int argument, or null when that argument is unusable. */
  private Integer intFromArg(List<Object> args) {
    if (argNum >= args.size()) {
      return null;
    }
    Object arg = args.get(argNum++);
    long n;
    if (arg instanceof Long l) {
      n = l;
    } else if (arg instanceof GoByte b) {
      n = b.value();
    } else {
      return null;
    }
    return tooLarge(n) ? null : (int) n;
  }

  private static boolean tooLarge(long x) {
    return x > MAX_WIDTH || x < -MAX_WIDTH;
  }

  /**
   * {value, 1 if a number was present, index after it}; an absurdly long number consumes the rest.
   */
  private static int[] parseNumber(String s, int start, int end) {
    if (start >= end) {
      return new int[] {0, 0, end};
    }
    int num = 0;
    boolean isNum = false;
    int i = start;
    for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      if (tooLarge(num)) {
        return new int[] {0, 0, end};
      }
      num = num * 10 + (s.charAt(i) - '0');
      isNum = true;
    }
    return new int[] {num, isNum ? 1 : 0, i};
  }

  private void clearFlags() {
    widPresent = false;
    precPresent = false;
    minus = false;
    plus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    wid = 0;
    prec = 0;
  }

  private void printArg(Object arg, int verb) throws CallError {
    if (arg == null) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb, null);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(Values.goType(arg));
      return;
    }
    if (verb == 'p') {
      if (arg instanceof Map) {
        throw new CallError("%p is not supported: it prints the memory address of the params map");
      }
      badVerb(verb, arg);
      return;
    }
    printValue(arg, verb, 0);
  }

  private void printValue(Object value, int verb, int depth) throws CallError {
    if (value instanceof Boolean b) {
      if (verb == 't' || verb == 'v') {
        padString(b ? "true" : "false");
      } else {
        badVerb(verb, value);
      }
    } else if (value instanceof Long l) {
      fmtInteger(l, true, verb, value);
    } else if (value instanceof GoByte b) {
      fmtInteger(b.value(), false, verb, value);
    } else if (value instanceof Double d) {
      fmtFloat(d, verb);
    } else if (value instanceof String s) {
      fmtString(s, verb);
    } else {
      @SuppressWarnings("unchecked")
      Map<String, String> map = (Map<String, String>) value;
      printMap(map, verb, depth);
    }
  }

  private void printMap(Map<String, String> map, int verb, int depth) throws CallError {
    buf.append(sharpV ? "map[string]string{" : "map[");
    List<String> keys = new ArrayList<>(map.keySet());
    keys.sort(GoStrings.UTF8_ORDER);
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      String key = keys.get(i);
      printValue(key, verb, depth + 1);
      buf.append(':');
      String value = map.get(key);
      printValue(value == null ? "" : value, verb, depth + 1);
      checkLimit();
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void badVerb(int verb, Object value) throws CallError {
    int start = buf.length();
    buf.append("%!").appendCodePoint(verb).append('(');
    if (value == null) {
      buf.append("<nil>");
    } else {
      buf.append(Values.goType(value)).append('=');
      printValue(value, 'v', 0);
    }
    noted(start, buf.append(')'));
  }

  private void fmtInteger(long v, boolean isSigned, int verb, Object value) throws CallError {
    switch (verb) {
      case 'v' -> {
        if (sharpV && !isSigned) {
          boolean oldSharp = sharp;
          sharp = true;
          formatInteger(v, 16, false, 'v', LOWER_DIGITS);
          sharp = oldSharp;
        } else {
          formatInteger(v, 10, isSigned, verb, LOWER_DIGITS);
        }
      }
      case 'd' -> formatInteger(v, 10, isSigned, verb, LOWER_DIGITS);
      case 'b' -> formatInteger(v, 2, isSigned, verb, LOWER_DIGITS);
      case 'o', 'O' -> formatInteger(v, 8, isSigned, verb, LOWER_DIGITS);
      case 'x' -> formatInteger(v, 16, isSigned, verb, LOWER_DIGITS);
      case 'X' -> formatInteger(v, 16, isSigned, verb, UPPER_DIGITS);
      case 'c' -> {
        boolean valid = Long.compareUnsigned(v, Character.MAX_CODE_POINT) <= 0;
        padString(new String(Character.toChars(valid ? GoStrings.validRune((int) v) : 0xFFFD)));
      }
      case 'q' -> padString(GoStrings.quoteRune(v, plus));
      case 'U' -> fmtUnicode(v);
      default -> badVerb(verb, value);
    }
  }

  /** {@code v} holds the bits of a uint64, or of an int64 when {@code isSigned}. */
  private void formatInteger(long u, int base, boolean isSigned, int verb, String digits) {
    boolean negative = isSigned && u < 0;
    if (negative) {
      u = -u;
    }
    char[] out = new char[Math.max(68, 8 + wid + prec)];
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && u == 0) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--; // leave room for the sign
      }
    }
    int i = out.length;
    switch (base) {
      case 10 -> {
        while (Long.compareUnsigned(u, 10) >= 0) {
          long next = Long.divideUnsigned(u, 10);
          out[--i] = (char) ('0' + (u - next * 10));
          u = next;
        }
      }
      case 16 -> {
        while (Long.compareUnsigned(u, 16) >= 0) {
          out[--i] = digits.charAt((int) (u & 0xF));
          u >>>= 4;
        }
      }
      case 8 -> {
        while (Long.compareUnsigned(u, 8) >= 0) {
          out[--i] = (char) ('0' + (u & 7));
          u >>>= 3;
        }
      }
      default -> {
        while (Long.compareUnsigned(u, 2) >= 0) {
          out[--i] = (char) ('0' + (u & 1));
          u >>>= 1;
        }
      }
    }
    out[--i] = digits.charAt((int) u);
    while (i > 0 && precision > out.length - i) {
      out[--i] = '0';
    }
    if (sharp) {
      if (base == 2) {
        out[--i] = 'b';
        out[--i] = '0';
      } else if (base == 8 && out[i] != '0') {
        out[--i] = '0';
      } else if (base == 16) {
        out[--i] = digits.charAt(16);
        out[--i] = '0';
      }
    }
    if (verb == 'O') {
      out[--i] = 'o';
      out[--i] = '0';
    }
    if (negative) {
      out[--i] = '-';
    } else if (plus) {
      out[--i] = '+';
    } else if (space) {
      out[--i] = ' ';
    }
    boolean oldZero = zero;
    zero = false;
    padString(new String(out, i, out.length - i));
    zero = oldZero;
  }

  private void fmtUnicode(long u) {
    StringBuilder sb = new StringBuilder("U+");
    String hex = Long.toHexString(u).toUpperCase();
    int precision = precPresent && prec > 4 ? prec : 4;
    for (int n = hex.length(); n < precision; n++) {
      sb.append('0');
    }
    sb.append(hex);
    if (sharp
        && Long.compareUnsigned(u, Character.MAX_CODE_POINT) <= 0
        && GoStrings.isPrint((int) u)) {
      sb.append(" '").appendCodePoint((int) u).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    padString(sb.toString());
    zero = oldZero;
  }

  private void fmtFloat(double v, int verb) throws CallError {
    switch (verb) {
      case 'v' -> formatFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> formatFloat(v, (char) verb, -1);
      case 'f', 'e', 'E' -> formatFloat(v, (char) verb, 6);
      case 'F' -> formatFloat(v, 'f', 6);
      default -> badVerb(verb, v);
    }
  }

  private void formatFloat(double v, char verb, int defaultPrecision) {
    int precision = precPresent ? prec : defaultPrecision;
    String formatted = GoFloat.format(v, verb, precision);
    // Work with an explicit sign in front, as Go does, and drop it again if not wanted.
    StringBuilder num = new StringBuilder(formatted.length() + 8);
    if (formatted.charAt(0) == '-' || formatted.charAt(0) == '+') {
      num.append(formatted);
    } else {
      num.append('+').append(formatted);
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num.deleteCharAt(0);
      }
      padString(num.toString());
      zero = oldZero;
      return;
    }
    if (sharp && verb != 'b') {
      applySharp(num, verb, precision);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && widPresent && wid > num.length()) {
        buf.append(num.charAt(0));
        writePadding(wid - num.length());
        buf.append(num, 1, num.length());
        return;
      }
      padString(num.toString());
      return;
    }
    padString(num.substring(1));
  }

  /** '#' keeps the decimal point and, for %g, %x and %v, the trailing zeros up to the precision. */
  private static void applySharp(StringBuilder num, char verb, int precision) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = precision == -1 ? 6 : precision;
    }
    String tail = "";
    boolean hasDecimalPoint = false;
    boolean sawNonzeroDigit = false;
    for (int i = 1; i < num.length(); i++) {
      char c = num.charAt(i);
      if (c == '.') {
        hasDecimalPoint = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substring(i);
        num.setLength(i);
        break;
      } else {
        if (c != '0') {
          sawNonzeroDigit = true;
        }
        if (sawNonzeroDigit) {
          digits--;
        }
      }
    }
    if (!hasDecimalPoint) {
      // Leading digit 0 should contribute once to digits.
      if (num.length() == 2 && num.charAt(1) == '0') {
        digits--;
      }
      num.append('.');
    }
    while (digits > 0) {
      num.append('0');
      digits--;
    }
    num.append(tail);
  }

  private void fmtString(String s, int verb) throws CallError {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(s);
        } else {
          fmtS(s);
        }
      }
      case 's' -> fmtS(s);
      case 'x' -> fmtSx(s, LOWER_DIGITS);
      case 'X' -> fmtSx(s, UPPER_DIGITS);
      case 'q' -> fmtQ(s);
      default -> badVerb(verb, s);
    }
  }

  private void fmtS(String s) {
    padString(truncate(s));
  }

  /** The precision, for strings, is a count of runes. */
  private String truncate(String s) {
    if (precPresent && s.codePointCount(0, s.length()) > prec) {
      return s.substring(0, s.offsetByCodePoints(0, prec));
    }
    return s;
  }

  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && GoStrings.canBackquote(s)) {
      padString("`" + s + "`");
    } else {
      padString(GoStrings.quote(s, plus));
    }
  }

  /**
   * Hex of the UTF-8 bytes: ' ' separates bytes and '#' adds 0x, to each byte when both are given.
   */
  private void fmtSx(String s, String digits) {
    byte[] bytes = GoStrings.utf8Bytes(s);
    int length = precPresent && prec < bytes.length ? prec : bytes.length;
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = bytes[i] & 0xFF;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  /** Pads to the width, which counts runes, with spaces or (flag '0') zeros. */
  private void padString(String s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (!minus) {
      writePadding(width);
      buf.append(s);
    } else {
      buf.append(s);
      writePadding(width);
    }
  }

  private void writePadding(int n) {
    char pad = zero ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      buf.append(pad);
    }
  }
}
