package io.alertforge.gotemplate;

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
   * Calls {@code builtin} on evaluated arguments. For print and printf, missing values have already
   * become {@code null} (Go's nil interface) and printf's format is known to be a string.
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
      case PRINT -> GoFormat.sprint(args, limit);
      case PRINTF -> GoFormat.sprintf((String) args.get(0), args.subList(1, args.size()), limit);
      case AND, OR ->
          throw new IllegalArgumentException(builtin + " is evaluated lazily by the executor");
    };
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
