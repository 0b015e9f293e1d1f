package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Execution of each supported construct. Every expected value here is what Go 1.19's text/template
 * printed for the same template and params, except that a missing param prints as "" instead of
 * "&lt;no value&gt;" (see {@link GoTemplate}).
 */
class GoTemplateExecutionTest {

  static final Map<String, String> PARAMS =
      Map.of(
          "cluster", "prod-east",
          "env", "prod",
          "threshold", "80",
          "ratio", "0.75",
          "empty", "",
          "name", "h\u00e9llo",
          "flag", "true",
          "markup", "<b class=\"x\">&'</b>");

  static String render(String template) throws TemplateException {
    return GoTemplate.parse(template).execute(PARAMS);
  }

  /** Text is copied and params are inserted verbatim: no HTML escaping. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void text(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** A missing param prints as nothing, but stays Go's invalid value elsewhere: it is not "". */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void missing(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /**
   * Dot is the params map at the top level and the value of {{with}} inside one; $ is always the
   * map.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void dot(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** "{{- " and " -}}" trim all adjacent ASCII white space; "{{-3}}" is the number -3. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void trim(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** Comments print nothing and can trim like actions. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void comments(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /**
   * if/else if/else and with/else, with Go truth: false, 0, "", an empty map and a missing value
   * are false.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void conditionals(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** Constants in Go syntax, printed as Go prints them. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void literals(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /**
   * eq takes 2+ operands; strings compare by UTF-8 bytes; a string byte (uint8) compares with ints.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void comparisons(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** and/or return the deciding operand and evaluate no further. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void logic(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** len counts UTF-8 bytes; index reads map keys and string bytes. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void lenAndIndex(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** print is fmt.Sprint: a space between operands when neither is a string. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void print(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  /** A piped value is the last argument of the next command. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void pipelines(String template, String expected) throws TemplateException {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void literalTextIsReturnedAsIs() throws TemplateException {
    GoTemplate template = GoTemplate.parse("ts(cpu) > 80 and {not an action}");
    assertThat(template.isLiteral()).isTrue();
    assertThat(template.execute(PARAMS)).isSameAs(template.text());
    assertThat(template.references().keys()).isEmpty();
  }

  @Test
  void aTemplateWithOnlyCommentsIsNotLiteralButConstant() throws TemplateException {
    GoTemplate template = GoTemplate.parse("a {{- /* why */ -}} b");
    assertThat(template.isLiteral()).isFalse();
    assertThat(template.execute(Map.of())).isEqualTo("ab");
  }

  @Test
  void aNullParamsMapIsEmptyAndANullValueIsMissing() throws TemplateException {
    Map<String, String> params = new HashMap<>();
    params.put("k", null);
    GoTemplate template = GoTemplate.parse("[{{ .k }}|{{ eq .k \"\" }}|{{ len . }}]");
    assertThat(template.execute(null)).isEqualTo("[|false|0]");
    assertThat(template.execute(params)).isEqualTo("[|false|1]");
  }

  @Test
  void aLongElseIfChainNeitherNestsNorOverflows() throws TemplateException {
    StringBuilder text = new StringBuilder("{{ if eq .env \"0\" }}0");
    for (int i = 1; i < 5_000; i++) {
      text.append("{{ else if eq .env \"").append(i).append("\" }}").append(i);
    }
    GoTemplate template = GoTemplate.parse(text.append("{{ else }}none{{ end }}").toString());
    assertThat(template.execute(Map.of("env", "4321"))).isEqualTo("4321");
    assertThat(template.execute(Map.of("env", "x"))).isEqualTo("none");
  }

  @Test
  void oneParsedTemplateServesManyThreadsAndInstances() throws TemplateException {
    GoTemplate template =
        GoTemplate.parse("{{ .i }}:{{ printf \"%03d\" (len .i) }}{{ if eq .i \"7\" }}!{{ end }}");
    List<String> outputs =
        IntStream.range(0, 20_000)
            .parallel()
            .mapToObj(
                i -> {
                  try {
                    return template.execute(Map.of("i", Integer.toString(i)));
                  } catch (TemplateExecutionException e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    assertThat(outputs.get(7)).isEqualTo("7:001!");
    assertThat(outputs.get(12_345)).isEqualTo("12345:005");
    assertThat(outputs).hasSize(20_000).doesNotHaveDuplicates();
  }

  @Test
  void insideWithDotIsTheValueSoItsFieldsAreAnError() throws TemplateException {
    GoTemplate template = GoTemplate.parse("{{ with .env }}{{ .cluster }}{{ end }}");
    assertThatThrownBy(() -> template.execute(PARAMS))
        .isInstanceOf(TemplateExecutionException.class)
        .hasMessage("can't evaluate field cluster in type string");
  }

  static Stream<Arguments> text() {
    return Stream.of(
        arguments("plain text, no actions", "plain text, no actions"),
        arguments("", ""),
        arguments("cpu > {{ .threshold }}", "cpu > 80"),
        arguments("{{.cluster}}/{{.env}}", "prod-east/prod"),
        arguments("{{ $.cluster }}", "prod-east"),
        arguments("{{ .markup }}", "<b class=\"x\">&'</b>"),
        arguments("{{.name}}", "héllo"),
        arguments("line1\n{{ .env }}\nline3", "line1\nprod\nline3"));
  }

  static Stream<Arguments> missing() {
    return Stream.of(
        arguments("[{{ .missing }}]", "[]"),
        arguments("[{{ .missing.deeper }}]", "[]"),
        arguments("[{{ $.missing }}]", "[]"),
        arguments("{{ eq .missing \"\" }}", "false"),
        arguments("{{ print .missing }}", "<nil>"),
        arguments(
            "{{ printf \"%s|%v|%d\" .missing .missing .missing }}", "%!s(<nil>)|<nil>|%!d(<nil>)"),
        arguments("{{ if .missing }}yes{{ else }}no{{ end }}", "no"),
        arguments("{{ with .missing }}yes{{ else }}no{{ end }}", "no"),
        arguments("[{{ index . \"missing\" }}]", "[]"),
        arguments("{{ eq .missing .missing }}", "true"),
        arguments("{{ not .missing }}", "true"),
        arguments("[{{ and .env .missing }}]", "[]"),
        arguments("{{ or .missing \"fallback\" }}", "fallback"));
  }

  static Stream<Arguments> dot() {
    return Stream.of(
        arguments(
            "{{ . }}",
            "map[cluster:prod-east empty: env:prod flag:true markup:<b class=\"x\">&'</b> name:héllo ratio:0.75 threshold:80]"),
        arguments(
            "{{ $ }}",
            "map[cluster:prod-east empty: env:prod flag:true markup:<b class=\"x\">&'</b> name:héllo ratio:0.75 threshold:80]"),
        arguments("{{ with .env }}{{ . }}{{ end }}", "prod"),
        arguments("{{ with .env }}{{ $.cluster }}{{ end }}", "prod-east"),
        arguments("{{ with . }}{{ .env }}{{ end }}", "prod"),
        arguments("{{ with $ }}{{ .threshold }}{{ end }}", "80"));
  }

  static Stream<Arguments> trim() {
    return Stream.of(
        arguments("a  {{- .env -}}  b", "aprodb"),
        arguments("a  {{- .env }}  b", "aprod  b"),
        arguments("a  {{ .env -}}  b", "a  prodb"),
        arguments("a \t\r\n{{- .env -}}\n\t b", "aprodb"),
        arguments("{{-3}}", "-3"),
        arguments("{{- 3}}", "3"),
        arguments("{{3 -}} x", "3x"),
        arguments("x {{- 3 -}} y", "x3y"),
        arguments("{{ if .env -}}\n  on\n{{- end }}", "on"),
        arguments("a {{- \"\" -}}\n\n b", "ab"));
  }

  static Stream<Arguments> comments() {
    return Stream.of(
        arguments("a {{/* note */}} b", "a  b"),
        arguments("a {{- /* note */ -}} b", "ab"),
        arguments("a {{/* multi\nline */}}b", "a b"),
        arguments("{{/* only a comment */}}", ""),
        arguments("a {{/* {{ .env }} */}} b", "a  b"),
        arguments("a\n{{- /* x */}}\nb", "a\nb"));
  }

  static Stream<Arguments> conditionals() {
    return Stream.of(
        arguments("{{ if .env }}on{{ end }}", "on"),
        arguments("{{ if .empty }}on{{ end }}", ""),
        arguments("{{ if .empty }}a{{ else }}b{{ end }}", "b"),
        arguments(
            "{{ if eq .env \"dev\" }}d{{ else if eq .env \"prod\" }}p{{ else }}o{{ end }}", "p"),
        arguments("{{ if .empty }}1{{ else if .missing }}2{{ else }}3{{ end }}", "3"),
        arguments("{{ if .env }}{{ if .cluster }}both{{ end }}{{ end }}", "both"),
        arguments(
            "{{ if 0 }}a{{ else if 0.0 }}b{{ else if \"\" }}c{{ else if false }}d{{ else if . }}e{{ end }}",
            "e"),
        arguments(
            "{{ if 1 }}int{{ end }}{{ if 0.5 }}float{{ end }}{{ if true }}bool{{ end }}",
            "intfloatbool"),
        arguments("{{ with .env }}[{{ . }}]{{ end }}", "[prod]"),
        arguments("{{ with .empty }}[{{ . }}]{{ else }}none{{ end }}", "none"),
        arguments("{{ with 42 }}{{ . }}{{ end }}", "42"),
        arguments("{{ with .cluster }}{{ with . }}{{ len . }}{{ end }}{{ end }}", "9"));
  }

  static Stream<Arguments> literals() {
    return Stream.of(
        arguments("{{ \"tab\\there\" }}", "tab\there"),
        arguments("{{ \"q\\\"uote\\\\\" }}", "q\"uote\\"),
        arguments("{{ \"\\x41\\101\\u00e9\\U0001F600\" }}", "AAé\ud83d\ude00"),
        arguments("{{ \"\\xc3\\xa9\" }}", "é"),
        arguments("{{ `raw \\n {{ }}` }}", "raw \\n {{ }}"),
        arguments("{{ `a\r\nb` }}", "a\nb"),
        arguments("{{ 42 }}", "42"),
        arguments("{{ -7 }}", "-7"),
        arguments("{{ 0x1F }}", "31"),
        arguments("{{ 0o17 }}", "15"),
        arguments("{{ 017 }}", "15"),
        arguments("{{ 0b101 }}", "5"),
        arguments("{{ 1_000_000 }}", "1000000"),
        arguments("{{ 3.5 }}", "3.5"),
        arguments("{{ 1e3 }}", "1000"),
        arguments("{{ .5 }}", "0.5"),
        arguments("{{ 1. }}", "1"),
        arguments("{{ 0x1p-2 }}", "0.25"),
        arguments("{{ 1e21 }}", "1e+21"),
        arguments("{{ 1e-7 }}", "1e-07"),
        arguments("{{ true }} {{ false }}", "true false"),
        arguments("{{ 9223372036854775807 }}", "9223372036854775807"),
        arguments("{{ -9223372036854775808 }}", "-9223372036854775808"));
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        arguments("{{ eq .env \"prod\" }}", "true"),
        arguments("{{ eq .env \"dev\" \"qa\" \"prod\" }}", "true"),
        arguments("{{ eq .env \"dev\" \"qa\" }}", "false"),
        arguments("{{ eq 1 1 }}", "true"),
        arguments("{{ eq 1.5 1.5 }}", "true"),
        arguments("{{ eq true false }}", "false"),
        arguments("{{ ne .env \"prod\" }}", "false"),
        arguments("{{ ne 1 2 }}", "true"),
        arguments("{{ lt 1 2 }}", "true"),
        arguments("{{ lt 2 1 }}", "false"),
        arguments("{{ lt \"a\" \"b\" }}", "true"),
        arguments("{{ lt 1.5 1.25 }}", "false"),
        arguments("{{ le 2 2 }}", "true"),
        arguments("{{ le 3 2 }}", "false"),
        arguments("{{ gt .threshold \"100\" }}", "true"),
        arguments("{{ gt 3 2 }}", "true"),
        arguments("{{ ge 2 2 }}", "true"),
        arguments("{{ ge 1 2 }}", "false"),
        arguments("{{ lt \"é\" \"z\" }}", "false"),
        arguments("{{ eq (index .env 0) 112 }}", "true"),
        arguments("{{ lt -1 (index .env 0) }}", "true"));
  }

  static Stream<Arguments> logic() {
    return Stream.of(
        arguments("{{ and 1 \"x\" true }}", "true"),
        arguments("{{ and 1 0 \"x\" }}", "0"),
        arguments("{{ or 0 \"\" \"x\" 1 }}", "x"),
        arguments("{{ or 0 \"\" }}", ""),
        arguments("{{ and false (len 3) }}", "false"),
        arguments("{{ or true (index 1 2) }}", "true"),
        arguments("{{ not true }}", "false"),
        arguments("{{ not \"\" }}", "true"),
        arguments("{{ not . }}", "false"),
        arguments("{{ 0 | and 1 }}", "0"),
        arguments("{{ 0 | or \"\" }}", "0"),
        arguments("{{ and .env .cluster }}", "prod-east"),
        arguments("{{ or .empty .cluster }}", "prod-east"));
  }

  static Stream<Arguments> lenAndIndex() {
    return Stream.of(
        arguments("{{ len .name }}", "6"),
        arguments("{{ len \"\" }}", "0"),
        arguments("{{ len . }}", "8"),
        arguments("{{ len \"\\U0001F600\" }}", "4"),
        arguments("{{ index . \"env\" }}", "prod"),
        arguments("{{ index $ `cluster` }}", "prod-east"),
        arguments("{{ index .env 0 }}", "112"),
        arguments("{{ index .name 1 }}", "195"),
        arguments("{{ index . \"env\" 1 }}", "114"),
        arguments("{{ index .env }}", "prod"),
        arguments("{{ printf \"%c\" (index .env 0) }}", "p"),
        arguments(
            "{{ index . }}",
            "map[cluster:prod-east empty: env:prod flag:true markup:<b class=\"x\">&'</b> name:héllo ratio:0.75 threshold:80]"));
  }

  static Stream<Arguments> print() {
    return Stream.of(
        arguments("{{ print }}", ""),
        arguments("{{ print 1 2 }}", "1 2"),
        arguments("{{ print \"a\" 1 2 \"b\" }}", "a1 2b"),
        arguments("{{ print \"a\" \"b\" }}", "ab"),
        arguments("{{ print 1 \"a\" 2 }}", "1a2"),
        arguments("{{ print true false }}", "true false"),
        arguments("{{ print 1.5 2.0 }}", "1.5 2"),
        arguments(
            "{{ print 1e6 1e21 0.000001 0.0001 123456789.0 }}",
            "1e+06 1e+21 1e-06 0.0001 1.23456789e+08"),
        arguments("{{ print .env .threshold }}", "prod80"),
        arguments("{{ print .missing 1 }}", "<nil> 1"),
        arguments(
            "{{ print . }}",
            "map[cluster:prod-east empty: env:prod flag:true markup:<b class=\"x\">&'</b> name:héllo ratio:0.75 threshold:80]"),
        arguments("{{ print (index .env 0) }}", "112"));
  }

  static Stream<Arguments> pipelines() {
    return Stream.of(
        arguments("{{ .env | printf \"%s!\" }}", "prod!"),
        arguments("{{ .cluster | len }}", "9"),
        arguments("{{ \"a\" | printf \"%s%s\" \"b\" }}", "ba"),
        arguments("{{ .env | eq \"prod\" }}", "true"),
        arguments("{{ .env | printf \"%q\" | len }}", "6"),
        arguments("{{ (len .cluster) }}", "9"),
        arguments("{{ printf \"%d-%s\" (len .cluster) (print .env) }}", "9-prod"),
        arguments("{{ (.env) }}", "prod"),
        arguments("{{ .env | }}", "prod"),
        arguments("{{ 3 | printf \"%d%d\" 1 }}", "13"),
        arguments("{{ not (eq .env \"prod\") }}", "false"),
        arguments("{{ print (print (print .env)) }}", "prod"));
  }
}
