package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loops and template calls stay bounded in time and stack: each execution walks at most {@link
 * Executor#MAX_STEPS} nodes and iterations, and nests blocks and calls at most {@link
 * Executor#MAX_EXEC_DEPTH} deep, each an error at the node that went over.
 */
class LimitsTest {

  private static TemplateExecutionException failure(String template, Map<String, String> params)
      throws TemplateSyntaxException {
    GoTemplate parsed = GoTemplate.parse(template);
    TemplateExecutionException e =
        catchThrowableOfType(() -> parsed.execute(params), TemplateExecutionException.class);
    assertThat(e).as("execution error for %s", template).isNotNull();
    return e;
  }

  private static Map<String, String> params(int count) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      params.put("k" + i, "v");
    }
    return params;
  }

  @Test
  void nestedRangesOverTheParamsStopAtTheStepBudget() throws TemplateException {
    String nested = "{{ range $ }}".repeat(4) + "{{ end }}".repeat(4);
    // 10^4 iterations are fine; 40^4 are not.
    assertThat(GoTemplate.parse(nested).execute(params(10))).isEmpty();
    TemplateExecutionException e = failure(nested, params(40));
    assertThat(e.detail()).isEqualTo("execution took more than 1000000 steps");
  }

  @Test
  void aRangeOverAHugeIntegerStopsAtTheStepBudget() throws TemplateSyntaxException {
    TemplateExecutionException e = failure("{{ range 100000000000 }}{{ end }}", Map.of());
    assertThat(e.detail()).isEqualTo("execution took more than 1000000 steps");
  }

  @Test
  void exponentialTemplateCallsStopAtTheStepBudget() throws TemplateSyntaxException {
    // Each call makes two calls with a string one shorter: 2^30 calls.
    String doubling =
        "{{ define \"a\" }}{{ if . }}{{ template \"a\" (slice . 1) }}"
            + "{{ template \"a\" (slice . 1) }}{{ end }}{{ end }}{{ template \"a\" .s }}";
    TemplateExecutionException e = failure(doubling, Map.of("s", "x".repeat(30)));
    assertThat(e.detail()).isEqualTo("execution took more than 1000000 steps");
  }

  @Test
  void recursionStopsAtTheTemplateDepth() throws TemplateSyntaxException {
    String template = "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}";
    TemplateExecutionException e = failure(template, Map.of());
    assertThat(e.detail()).isEqualTo("exceeded maximum template depth (100)");
    assertThat(e.offset()).isEqualTo(template.indexOf("\"r\" . }}{{ end"));
  }

  @Test
  void deepBlocksInDeepCallsStopAtTheExecutionDepth() throws TemplateSyntaxException {
    int blocks = GoTemplate.MAX_DEPTH - 1;
    String body =
        "{{ if true }}".repeat(blocks) + "{{ template \"r\" . }}" + "{{ end }}".repeat(blocks);
    String template = "{{ define \"r\" }}" + body + "{{ end }}{{ template \"r\" . }}";
    TemplateExecutionException e = failure(template, Map.of());
    assertThat(e.detail())
        .isEqualTo(
            "exceeded maximum depth of 1000 blocks, parentheses and template calls one inside"
                + " another");
  }

  @Test
  void textModePrintsNewConstructsVerbatim() throws TemplateException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("b", "x > 1");
    params.put("a", "it's");
    String template =
        "{{ define \"kv\" }}{{ .k }}={{ .v }}{{ end }}"
            + "{{ range $k, $v := . }}{{ template \"kv\" (dict $k $v) }};{{ end }}";
    // No dict in Go's builtins: the engine refuses it as Go does.
    TemplateSyntaxException syntax =
        catchThrowableOfType(() -> GoTemplate.parse(template), TemplateSyntaxException.class);
    assertThat(syntax.detail()).isEqualTo("function \"dict\" not defined");
    GoTemplate ranged = GoTemplate.parse("{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}");
    assertThat(ranged.execute(params)).isEqualTo("a=it's;b=x > 1;");
    assertThat(ranged.executeAsHtml(params)).isEqualTo("a=it&#39;s;b=x &gt; 1;");
  }
}
