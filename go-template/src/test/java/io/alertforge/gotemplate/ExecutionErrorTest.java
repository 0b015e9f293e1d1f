package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors while executing, with Go's messages (the part after Go's "executing ... at &lt;...&gt;: ")
 * and the position of the operand or function that failed.
 */
class ExecutionErrorTest {

  private static final Map<String, String> PARAMS = Map.of("env", "prod", "n", "5");

  static TemplateExecutionException executionError(String template, Map<String, String> params)
      throws TemplateSyntaxException {
    GoTemplate parsed = GoTemplate.parse(template);
    TemplateExecutionException e =
        catchThrowableOfType(() -> parsed.execute(params), TemplateExecutionException.class);
    assertThat(e).as("execution error for %s", template).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0} -> {1}:{2} {3}")
  @MethodSource
  void errors(String template, int line, int column, String detail) throws TemplateSyntaxException {
    TemplateExecutionException e = executionError(template, PARAMS);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.getMessage()).isEqualTo(detail);
    assertThat(e.line()).as("line").isEqualTo(line);
    assertThat(e.column()).as("column").isEqualTo(column);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        // fields
        arguments("{{ .env.x }}", 1, 8, "can't evaluate field x in type string"),
        // Go names a chain by its first field after the variable or parenthesis
        arguments("{{ $.env.a.b }}", 1, 5, "can't evaluate field a in type string"),
        arguments("{{ (.env).x }}", 1, 5, "can't evaluate field x in type string"),
        arguments(
            "{{ with .env }}{{ .x }}{{ end }}", 1, 19, "can't evaluate field x in type string"),
        arguments("{{ with 5 }}{{ .x }}{{ end }}", 1, 16, "can't evaluate field x in type int"),
        arguments("{{ .env 1 }}", 1, 4, "env is not a method but has arguments"),
        arguments("{{ 1 | .env }}", 1, 8, "env is not a method but has arguments"),
        arguments("{{ \"x\" 1 }}", 1, 4, "can't give argument to non-function \"x\""),
        arguments("{{ 1 | $ }}", 1, 8, "can't give argument to non-function $"),
        arguments("{{ . 1 }}", 1, 4, "can't give argument to non-function ."),
        arguments("{{ (len .env) 1 }}", 1, 4, "can't give argument to non-function len .env"),
        // argument counts
        arguments("{{ eq }}", 1, 4, "wrong number of args for eq: want at least 1 got 0"),
        arguments("{{ ne 1 2 3 }}", 1, 4, "wrong number of args for ne: want 2 got 3"),
        arguments("{{ .env | not 1 }}", 1, 11, "wrong number of args for not: want 1 got 2"),
        arguments("{{ printf }}", 1, 4, "wrong number of args for printf: want at least 1 got 0"),
        arguments("{{ and }}", 1, 4, "wrong number of args for and: want at least 1 got 0"),
        arguments("{{ len }}", 1, 4, "wrong number of args for len: want 1 got 0"),
        // comparisons
        arguments("{{ eq 1 }}", 1, 4, "error calling eq: missing argument for comparison"),
        arguments("{{ eq .env 1 }}", 1, 4, "error calling eq: incompatible types for comparison"),
        arguments("{{ eq .n 5 }}", 1, 4, "error calling eq: incompatible types for comparison"),
        arguments("{{ eq 1 1.0 }}", 1, 4, "error calling eq: incompatible types for comparison"),
        arguments("{{ lt true false }}", 1, 4, "error calling lt: invalid type for comparison"),
        arguments("{{ gt .missing 1 }}", 1, 4, "error calling gt: invalid type for comparison"),
        arguments("{{ le . 1 }}", 1, 4, "error calling le: invalid type for comparison"),
        arguments("{{ ge \"1\" 1 }}", 1, 4, "error calling ge: incompatible types for comparison"),
        arguments(
            "{{ eq . . }}",
            1,
            4,
            "error calling eq: non-comparable type map[env:prod n:5]: map[string]string"),
        // len and index
        arguments("{{ len 3 }}", 1, 4, "error calling len: len of type int"),
        arguments(
            "{{ len .missing }}",
            1,
            4,
            "error calling len: reflect: call of reflect.Value.Type on zero Value"),
        arguments(
            "{{ index .env 4 }}", 1, 4, "error calling index: reflect: string index out of range"),
        arguments("{{ index .env 5 }}", 1, 4, "error calling index: index out of range: 5"),
        arguments("{{ index .env -1 }}", 1, 4, "error calling index: index out of range: -1"),
        arguments(
            "{{ index .env 1.5 }}",
            1,
            4,
            "error calling index: cannot index slice/array with type float64"),
        arguments(
            "{{ index .env .missing }}",
            1,
            4,
            "error calling index: cannot index slice/array with nil"),
        arguments(
            "{{ index . 1 }}", 1, 4, "error calling index: value has type int; should be string"),
        arguments(
            "{{ index . .missing }}",
            1,
            4,
            "error calling index: value is nil; should be of type string"),
        arguments("{{ index .missing 0 }}", 1, 4, "error calling index: index of untyped nil"),
        arguments(
            "{{ index .env 0 0 }}", 1, 4, "error calling index: can't index item of type uint8"),
        // printf's format
        arguments("{{ printf 1 }}", 1, 11, "expected string; found 1"),
        arguments("{{ printf .missing }}", 1, 11, "invalid value; expected string"),
        arguments(
            "{{ printf . }}",
            1,
            11,
            "wrong type for value; expected string; got map[string]string"),
        arguments("{{ 1 | printf }}", 1, 8, "wrong type for value; expected string; got int"),
        arguments(
            "{{ printf \"%p\" . }}",
            1,
            4,
            "error calling printf: %p is not supported: it prints the memory address of the params map"),
        // position of the failing action among others
        arguments(
            "ok {{ .env }}\n  {{ if eq .env 1 }}x{{ end }}",
            2,
            9,
            "error calling eq: incompatible types for comparison"));
  }

  @Test
  void andAndOrStopBeforeAnOperandThatWouldFail() throws TemplateException {
    assertThat(GoTemplate.parse("{{ and 0 (len 3) }}|{{ or 1 (len 3) }}").execute(PARAMS))
        .isEqualTo("0|1");
    TemplateExecutionException e = executionError("{{ and 1 (len 3) }}", PARAMS);
    assertThat(e.detail()).isEqualTo("error calling len: len of type int");
    assertThat(e.column()).isEqualTo(11);
  }

  @Test
  void outputIsCappedAtOneMebibyte() throws TemplateSyntaxException {
    TemplateExecutionException e =
        executionError("{{ printf \"%1000000s\" \"\" }}{{ printf \"%100000s\" \"\" }}", PARAMS);
    assertThat(e.detail()).isEqualTo("output exceeds 1048576 characters");
    // Go names the action by its pipeline's first token.
    assertThat(e.column()).isEqualTo(31);
  }

  @Test
  void aLongParamRepeatedIsCappedToo() throws TemplateSyntaxException {
    String big = "x".repeat(600_000);
    TemplateExecutionException e = executionError("{{ .big }}{{ .big }}", Map.of("big", big));
    assertThat(e.detail()).isEqualTo("output exceeds 1048576 characters");
    assertThat(e.offset()).isEqualTo(13);
  }

  @Test
  void onePrintOrPrintfResultIsCapped() throws TemplateSyntaxException {
    TemplateExecutionException e =
        executionError("{{ len (printf \"%1000000s%1000000s\" \"\" \"\") }}", PARAMS);
    assertThat(e.detail())
        .isEqualTo("error calling printf: the result is longer than 1048576 characters");
  }

  @Test
  void textBuiltOnlyForArgumentsIsCappedInTotal() throws TemplateSyntaxException {
    String action = "{{ len (printf \"%1000000s\" \"\") }}";
    TemplateExecutionException e = executionError(action.repeat(17), PARAMS);
    assertThat(e.detail())
        .isEqualTo("functions built more than 16777216 characters of strings in one execution");
    assertThat(e.offset()).isEqualTo(16 * action.length() + 8);
  }
}
