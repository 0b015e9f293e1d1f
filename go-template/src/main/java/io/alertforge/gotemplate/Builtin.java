package io.alertforge.gotemplate;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Go's builtin template functions, with the arity of their Go signatures and the kind of their
 * parameters.
 */
enum Builtin {
  AND("and", 1, true, false),
  CALL("call", 1, true, false),
  HTML("html", 0, true, true),
  INDEX("index", 1, true, false),
  SLICE("slice", 1, true, false),
  JS("js", 0, true, true),
  LEN("len", 1, false, false),
  NOT("not", 1, false, false),
  OR("or", 1, true, false),
  PRINT("print", 0, true, true),
  PRINTF("printf", 1, true, true),
  PRINTLN("println", 0, true, true),
  URLQUERY("urlquery", 0, true, true),
  EQ("eq", 1, true, false),
  GE("ge", 2, false, false),
  GT("gt", 2, false, false),
  LE("le", 2, false, false),
  LT("lt", 2, false, false),
  NE("ne", 2, false, false);

  private static final Map<String, Builtin> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Builtin::goName, Function.identity()));

  private final String goName;
  private final int fixedArgs;
  private final boolean variadic;
  private final boolean interfaceArgs;

  Builtin(String goName, int fixedArgs, boolean variadic, boolean interfaceArgs) {
    this.goName = goName;
    this.fixedArgs = fixedArgs;
    this.variadic = variadic;
    this.interfaceArgs = interfaceArgs;
  }

  static Builtin named(String name) {
    return BY_NAME.get(name);
  }

  String goName() {
    return goName;
  }

  int fixedArgs() {
    return fixedArgs;
  }

  boolean variadic() {
    return variadic;
  }

  /**
   * Whether the Go parameters are {@code any} (in which a missing value or {@code nil} is a nil
   * interface, Java's null) rather than {@code reflect.Value} (in which it stays {@link NoValue});
   * printf's format is a {@code string}, which the executor checks itself.
   */
  boolean interfaceArgs() {
    return interfaceArgs;
  }
}
