package io.alertforge.compiler.lint.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.alertforge.compiler.lint.RuleTests;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotATemplateRuleTest {

  /** A WavefrontAlert whose spec is {@code spec} (YAML, indented two spaces). */
  private static String alert(String spec) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata: {name: disk, namespace: ns}
        spec:
          alertType: CLASSIC
          condition: ts(disk) > 1
          displayExpression: ts(disk)
          severity: warn
          minutes: 1
          resolveAfterMinutes: 1
        """
        + spec;
  }

  private static final String MESSAGE =
      " warning [template/not-a-template] '{{' in a standalone WavefrontAlert (no exportedParams)"
          + " is sent to Wavefront literally; make it a template with exportedParams, or remove the"
          + " braces";

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "braces in alertName, at the first brace",
            alert("  alertName: disk {{ .app }}\n"),
            List.of("a.yaml:11:19:" + MESSAGE)),
        arguments(
            "every field and tag with braces, each once",
            alert(
                """
                  alertName: "{{ .app }}"
                  description: "a {{ b }} {{ c }}"
                  tags: [ok, "x{{y}}"]
                """),
            List.of(
                "a.yaml:11:15:" + MESSAGE, "a.yaml:12:19:" + MESSAGE, "a.yaml:13:16:" + MESSAGE)),
        arguments("no braces", alert("  alertName: disk\n  tags: [a, b]\n"), List.of()),
        arguments("a lone brace", alert("  alertName: \"disk { app }\"\n"), List.of()),
        arguments(
            "a template: its braces are templates",
            alert("  alertName: disk {{ .app }}\n  exportedParams: [app]\n"),
            List.of()),
        arguments(
            "an alert that breaks its schema reports that only",
            alert("  alertName: disk {{ .app }}\n  minutes: 0\n").replace("  minutes: 1\n", ""),
            List.of()),
        arguments(
            "alertType THRESHOLD, which does not render",
            alert("  alertName: disk {{ .app }}\n").replace("CLASSIC", "THRESHOLD"),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsBracesInStandaloneAlerts(String name, String yaml, List<String> expected) {
    assertThat(RuleTests.findings(new NotATemplateRule(), Map.of("a.yaml", yaml)))
        .containsExactlyElementsOf(expected);
  }
}
