package io.alertforge.gotemplate;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The functions this subset supports, with the arity of their Go signatures. */
enum Builtin {
  EQ("eq", 1, true),
  NE("ne", 2, false),
  LT("lt", 2, false),
  LE("le", 2, false),
  GT("gt", 2, false),
  GE("ge", 2, false),
  AND("and", 1, true),
  OR("or", 1, true),
  NOT("not", 1, false),
  LEN("len", 1, false),
  INDEX("index", 1, true),
  PRINT("print", 0, true),
  PRINTF("printf", 1, true);

  static final String AVAILABLE =
      Arrays.stream(values()).map(Builtin::goName).collect(Collectors.joining(", "));

  private static final Map<String, Builtin> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Builtin::goName, Function.identity()));

  private final String goName;
  private final int fixedArgs;
  private final boolean variadic;

  Builtin(String goName, int fixedArgs, boolean variadic) {
    this.goName = goName;
    this.fixedArgs = fixedArgs;
    this.variadic = variadic;
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
}
