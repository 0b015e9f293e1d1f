package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Static analysis of the root params a template references. */
class ParamReferencesTest {

  static ParamReferences references(String template) throws TemplateSyntaxException {
    return GoTemplate.parse(template).references();
  }

  /** Keys in order of first mention, each at the offset of that mention. */
  private static Map<String, Integer> at(String template, String... keysAndMentions) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (int i = 0; i < keysAndMentions.length; i += 2) {
      int offset = template.indexOf(keysAndMentions[i + 1]);
      assertThat(offset).as("mention %s", keysAndMentions[i + 1]).isNotNegative();
      expected.put(keysAndMentions[i], offset);
    }
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void staticReferences(String template, List<String> keysAndMentions)
      throws TemplateSyntaxException {
    ParamReferences references = references(template);
    assertThat(references.keys())
        .containsExactlyEntriesOf(at(template, keysAndMentions.toArray(String[]::new)));
    assertThat(references.dynamic()).isFalse();
  }

  static Stream<Arguments> staticReferences() {
    return Stream.of(
        arguments("no actions at all", List.of()),
        arguments(
            "ts(cpu, env={{ .env }}) > {{ $.threshold }}",
            List.of("env", ".env", "threshold", ".threshold")),
        arguments("{{ .cluster.name }}", List.of("cluster", ".cluster")),
        arguments("{{ .a }}{{ .b }}{{ .a }}", List.of("a", ".a", "b", ".b")),
        arguments("{{ index . \"k1\" }} {{ index $ `k2` }}", List.of("k1", "\"k1\"", "k2", "`k2`")),
        arguments("{{ index . \"k\" 0 }}", List.of("k", "\"k\"")),
        arguments("{{ (index .).k }}", List.of("k", ".k")),
        arguments(
            "{{ if .a }}{{ if .b }}{{ .c }}{{ end }}{{ end }}",
            List.of("a", ".a", "b", ".b", "c", ".c")),
        arguments("{{ if false }}{{ .never }}{{ end }}", List.of("never", ".never")),
        arguments(
            "{{ with .x }}{{ .notAParam }}{{ $.root }}{{ end }}",
            List.of("x", ".x", "root", ".root")),
        arguments(
            "{{ with .x }}{{ .y }}{{ else }}{{ .z }}{{ end }}", List.of("x", ".x", "z", ".z")),
        arguments(
            "{{ with .x }}{{ else with .y }}{{ .field }}{{ else }}{{ .z }}{{ end }}",
            List.of("x", ".x", "y", ".y", "z", ".z")),
        arguments("{{ with . }}{{ .k }}{{ end }}", List.of("k", ".k")),
        arguments("{{ with $ }}{{ with . }}{{ .k }}{{ end }}{{ end }}", List.of("k", ".k")),
        arguments("{{ with (or .x .) }}{{ .k }}{{ end }}", List.of("x", ".x", "k", ".k")),
        arguments("{{ if . }}{{ not $ }}{{ end }}", List.of()),
        arguments(
            "{{ printf \"%s-%d\" .name (len .other) | printf \"%q\" }}",
            List.of("name", ".name", "other", ".other")),
        arguments("{{ eq .env \"prod\" | not }}", List.of("env", ".env")),
        arguments("{{ with .s }}{{ index . \"k\" }}{{ end }}", List.of("s", ".s")),
        arguments("line one\n  {{- .second }}", List.of("second", ".second")),
        // range, variables and templates
        arguments(
            "{{ range .items }}{{ .notAParam }}{{ $.app }}{{ end }}",
            List.of("items", ".items", "app", ".app")),
        arguments(
            "{{ range $i, $e := .items }}{{ $e.x }}{{ else }}{{ .empty }}{{ end }}",
            List.of("items", ".items", "empty", ".empty")),
        arguments("{{ $m := . }}{{ $m.team }}", List.of("team", ".team")),
        arguments("{{ $m := .a }}{{ $m.notAParam }}", List.of("a", ".a")),
        arguments("{{ with $x := . }}{{ $x.k }}{{ end }}", List.of("k", ".k")),
        arguments(
            "{{ $x := \"s\" }}{{ range .l }}{{ $x.k }}{{ $x = $ }}{{ end }}",
            List.of("l", ".l", "k", ".k")),
        arguments(
            "{{ define \"t\" }}{{ .env }}{{ end }}{{ template \"t\" . }}", List.of("env", ".env")),
        arguments(
            "{{ define \"t\" }}{{ .notAParam }}{{ $.neither }}{{ end }}{{ template \"t\" .app }}",
            List.of("app", ".app")),
        arguments(
            "{{ define \"t\" }}{{ $.viaDollar }}{{ end }}{{ template \"t\" $ }}",
            List.of("viaDollar", ".viaDollar")),
        arguments("{{ define \"uncalled\" }}{{ .never }}{{ end }}", List.of()),
        arguments(
            "{{ define \"r\" }}{{ .k }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}",
            List.of("k", ".k")),
        arguments("{{ block \"b\" . }}{{ .inBlock }}{{ end }}", List.of("inBlock", ".inBlock")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{{ index . .key }}",
        "{{ \"k\" | index . }}",
        "{{ index $ (print \"k\") }}",
        "{{ . }}",
        "{{ $ }}",
        "{{ print . }}",
        "{{ printf \"%v\" $ }}",
        "{{ len . }}",
        "{{ . | len }}",
        "{{ eq . .x }}",
        "{{ with . }}{{ . }}{{ end }}",
        "{{ and . .x }}",
        "{{ with .x }}{{ $ }}{{ end }}",
        "{{ range . }}{{ end }}",
        "{{ range $k, $v := $ }}{{ $k }}{{ end }}",
        "{{ $m := . }}{{ len $m }}",
        "{{ $k := \"a\" }}{{ index . $k }}",
        "{{ define \"t\" }}{{ . }}{{ end }}{{ template \"t\" . }}",
        "{{ html . }}",
        "{{ range . | and . }}{{ end }}",
      })
  void theWholeMapFlowingSomewhereIsDynamic(String template) throws TemplateSyntaxException {
    assertThat(references(template).dynamic()).isTrue();
  }

  @Test
  void dynamicTemplatesStillListTheirStaticKeys() throws TemplateSyntaxException {
    ParamReferences references = references("{{ .a }} {{ index . .b }}");
    assertThat(references.keys()).containsOnlyKeys("a", "b");
    assertThat(references.dynamic()).isTrue();
  }

  @Test
  void offsetsAreCharOffsetsInTheTemplateText() throws TemplateSyntaxException {
    String template = "h\u00e9llo \ud83d\ude00\n{{ .x }}";
    assertThat(references(template).keys()).containsEntry("x", 12);
  }

  @Test
  void referencesAreImmutableValues() throws TemplateSyntaxException {
    ParamReferences references = references("{{ .a }}");
    assertThatThrownBy(() -> references.keys().put("b", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(references).isEqualTo(references("{{.a}}".replace("{{", "{{ ")));
    assertThat(references).hasToString("ParamReferences{a=3}");
  }
}
