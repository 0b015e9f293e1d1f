package io.alertforge.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The builtin functions other than {@code and} and {@code or}, which the executor evaluates lazily.
 * Each follows Go's text/template/funcs.go, including its error messages.
 */
final class Builtins {

  /** Go's basic kinds for comparison; maps and missing values have none. */
  private enum Kind {
    INVALID,
    BOOL,
    INT,
    UINT,
    FLOAT,
    STRING
  }

  private Builtins() {}

  /**
   * Calls {@code builtin} on evaluated arguments: {@link NoValue} for a missing value in a {@code
   * reflect.Value} parameter, null in an {@code any} one; printf's format is known to be a string.
   */
  static Object call(Builtin builtin, List<Object> args, int limit) throws CallError {
    return switch (builtin) {
      case EQ -> eq(args.get(0), args.subList(1, args.size()));
      case NE -> !eq(args.get(0), args.subList(1, 2));
      case LT -> lt(args.get(0), args.get(1));
      case LE -> le(args.get(0), args.get(1));
      case GT -> !le(args.get(0), args.get(1));
      case GE -> !lt(args.get(0), args.get(1));
      case NOT -> !Values.isTrue(args.get(0));
      case LEN -> length(args.get(0));
      case INDEX -> index(args.get(0), args.subList(1, args.size()));
      case SLICE -> slice(args.get(0), args.subList(1, args.size()));
      case CALL -> call(args.get(0));
      case PRINT -> GoFormat.sprint(args, limit);
      case PRINTF -> GoFormat.sprintf((String) args.get(0), args.subList(1, args.size()), limit);
      case PRINTLN -> GoFormat.sprintln(args, limit);
      case HTML -> htmlEscape(evalArgs(args, limit));
      case JS -> jsEscape(evalArgs(args, limit));
      case URLQUERY -> queryEscape(evalArgs(args, limit));
      case AND, OR ->
          throw new IllegalArgumentException(builtin + " is evaluated lazily by the executor");
    };
  }

  /**
   * text/template's evalArgs, which html, js and urlquery apply to their operands: a single string
   * as it is, otherwise fmt.Sprint with a missing value printed as "&lt;no value&gt;".
   */
  private static String evalArgs(List<Object> args, int limit) throws CallError {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>(args.size());
    for (Object arg : args) {
      printable.add(arg == null ? "<no value>" : arg);
    }
    return GoFormat.sprint(printable, limit);
  }

  /** text/template's HTMLEscapeString. */
  static String htmlEscape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement =
          switch (c) {
            case '\0' -> "\uFFFD";
            case '"' -> "&#34;";
            case '\'' -> "&#39;";
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> null;
          };
      sb = appendEscaped(sb, s, i, c, replacement);
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * html/template's escaper for HTML text, which it appends to every action there: a single string
   * as it is, otherwise fmt.Sprint of the value (a missing one is nothing), then {@code "&'+<>} and
   * NUL replaced.
   */
  static String htmlTextEscape(Object value, int limit) throws CallError {
    String s =
        value instanceof String str
            ? str
            : value == null ? "" : GoFormat.sprint(List.of(value), limit);
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement =
          switch (c) {
            case '\0' -> "\uFFFD";
            case '"' -> "&#34;";
            case '&' -> "&amp;";
            case '\'' -> "&#39;";
            case '+' -> "&#43;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> null;
          };
      sb = appendEscaped(sb, s, i, c, replacement);
    }
    return sb == null ? s : sb.toString();
  }

  /** Appends c or its replacement, starting the copy only at the first replacement. */
  private static StringBuilder appendEscaped(
      StringBuilder sb, String s, int i, char c, String replacement) {
    if (replacement == null) {
      if (sb != null) {
        sb.append(c);
      }
      return sb;
    }
    if (sb == null) {
      sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    }
    return sb.append(replacement);
  }

  /** text/template's JSEscapeString. */
  static String jsEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        default -> {
          if (c < ' ') {
            sb.append(String.format("\\u%04X", c));
          } else if (c < 0x80 || GoStrings.isPrint(c)) {
            sb.appendCodePoint(c);
          } else {
            sb.append(String.format("\\u%04X", c));
          }
        }
      }
    }
    return sb.toString();
  }

  /** net/url's QueryEscape, over the UTF-8 bytes. */
  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : GoStrings.utf8Bytes(s)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 15));
      }
    }
    return sb.toString();
  }

  private static final String UPPER_HEX = "0123456789ABCDEF";

  /** Only a function can be called, and template data holds none. */
  private static Object call(Object fn) throws CallError {
    if (fn == NoValue.INSTANCE) {
      throw new CallError("call of nil");
    }
    throw new CallError("non-function of type " + Values.goType(fn));
  }

  /** {@code slice s i j}: s[i:j] in UTF-8 bytes; only strings can be sliced here. */
  private static Object slice(Object item, List<Object> indexes) throws CallError {
    if (item == NoValue.INSTANCE) {
      throw new CallError("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new CallError("too many slice indexes: " + indexes.size());
    }
    if (!(item instanceof String s)) {
      throw new CallError("can't slice item of type " + Values.goType(item));
    }
    if (indexes.size() == 3) {
      throw new CallError("cannot 3-index slice a string");
    }
    byte[] bytes = GoStrings.utf8Bytes(s);
    int[] idx = {0, bytes.length};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = indexArg(indexes.get(i), bytes.length);
    }
    if (idx[0] > idx[1]) {
      throw new CallError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    return new String(bytes, idx[0], idx[1] - idx[0], java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Kind kind(Object value) {
    if (value instanceof Boolean) {
      return Kind.BOOL;
    }
    if (value instanceof Long) {
      return Kind.INT;
    }
    if (value instanceof GoByte) {
      return Kind.UINT;
    }
    if (value instanceof Double) {
      return Kind.FLOAT;
    }
    if (value instanceof String) {
      return Kind.STRING;
    }
    return Kind.INVALID;
  }

  /** arg1 == any of others. */
  private static boolean eq(Object arg1, List<Object> others) throws CallError {
    if (others.isEmpty()) {
      throw new CallError("missing argument for comparison");
    }
    Kind k1 = kind(arg1);
    for (Object arg : others) {
      Kind k2 = kind(arg);
      boolean truth;
      if (k1 != k2) {
        // Integers compare across signedness; anything else compares only with a missing value.
        if (k1 == Kind.INT && k2 == Kind.UINT) {
          truth = (Long) arg1 == ((GoByte) arg).value();
        } else if (k1 == Kind.UINT && k2 == Kind.INT) {
          truth = ((GoByte) arg1).value() == (Long) arg;
        } else if (arg1 != NoValue.INSTANCE && arg != NoValue.INSTANCE) {
          throw new CallError("incompatible types for comparison");
        } else {
          truth = false;
        }
      } else {
        truth =
            switch (k1) {
              case BOOL, STRING -> arg1.equals(arg);
              case INT -> ((Long) arg1).longValue() == (Long) arg;
              case UINT -> ((GoByte) arg1).value() == ((GoByte) arg).value();
              case FLOAT -> (Double) arg1 == ((Double) arg).doubleValue();
              case INVALID -> {
                if (arg1 instanceof Map && arg instanceof Map) {
                  throw new CallError(
                      "non-comparable type "
                          + GoFormat.sprintf("%s", List.of(arg), Integer.MAX_VALUE)
                          + ": "
                          + Values.goType(arg));
                }
                yield arg1 == arg;
              }
            };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static boolean lt(Object arg1, Object arg2) throws CallError {
    Kind k1 = kind(arg1);
    Kind k2 = kind(arg2);
    if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
      throw new CallError("invalid type for comparison");
    }
    if (k1 != k2) {
      if (k1 == Kind.INT && k2 == Kind.UINT) {
        return (Long) arg1 < ((GoByte) arg2).value();
      }
      if (k1 == Kind.UINT && k2 == Kind.INT) {
        return ((GoByte) arg1).value() < (Long) arg2;
      }
      throw new CallError("incompatible types for comparison");
    }
    return switch (k1) {
      case INT -> (Long) arg1 < (Long) arg2;
      case UINT -> ((GoByte) arg1).value() < ((GoByte) arg2).value();
      case FLOAT -> (Double) arg1 < (Double) arg2;
      case STRING -> GoStrings.compare((String) arg1, (String) arg2) < 0;
      default -> throw new CallError("invalid type for comparison");
    };
  }

  private static boolean le(Object arg1, Object arg2) throws CallError {
    return lt(arg1, arg2) || eq(arg1, List.of(arg2));
  }

  /** Strings measure in UTF-8 bytes, as in Go. */
  private static long length(Object item) throws CallError {
    if (item instanceof String s) {
      return GoStrings.utf8Length(s);
    }
    if (item instanceof Map<?, ?> m) {
      return m.size();
    }
    if (item == NoValue.INSTANCE) {
      throw new CallError("reflect: call of reflect.Value.Type on zero Value");
    }
    throw new CallError("len of type " + Values.goType(item));
  }

  /**
   * {@code index x 1 2} is x[1][2]: map look-ups by string key (missing gives ""), string bytes by
   * int.
   */
  private static Object index(Object item, List<Object> indexes) throws CallError {
    if (item == NoValue.INSTANCE) {
      throw new CallError("index of untyped nil");
    }
    for (Object index : indexes) {
      if (item instanceof String s) {
        byte[] bytes = GoStrings.utf8Bytes(s);
        int x = indexArg(index, bytes.length);
        if (x == bytes.length) {
          throw new CallError("reflect: string index out of range");
        }
        item = new GoByte(bytes[x] & 0xFF);
      } else if (item instanceof Map<?, ?> map) {
        if (index == NoValue.INSTANCE) {
          throw new CallError("value is nil; should be of type string");
        }
        if (!(index instanceof String)) {
          throw new CallError("value has type " + Values.goType(index) + "; should be string");
        }
        Object value = map.get(index);
        item = value == null ? "" : value;
      } else {
        throw new CallError("can't index item of type " + Values.goType(item));
      }
    }
    return item;
  }

  private static int indexArg(Object index, int cap) throws CallError {
    long x;
    if (index instanceof Long l) {
      x = l;
    } else if (index instanceof GoByte b) {
      x = b.value();
    } else if (index == NoValue.INSTANCE) {
      throw new CallError("cannot index slice/array with nil");
    } else {
      throw new CallError("cannot index slice/array with type " + Values.goType(index));
    }
    if (x < 0 || x > cap) {
      throw new CallError("index out of range: " + x);
    }
    return (int) x;
  }
}
