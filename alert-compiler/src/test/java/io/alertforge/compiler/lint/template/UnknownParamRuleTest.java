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

class UnknownParamRuleTest {

  /** Template cpu of payments: exports app, uses app, threshold (defaulted) and team (neither). */
  private static final String CPU =
      """
      apiVersion: alertmanager.keikoproj.io/v1alpha1
      kind: WavefrontAlert
      metadata: {name: cpu, namespace: payments}
      spec:
        alertType: CLASSIC
        alertName: "{{ .app }} cpu high"
        condition: ts(cpu, app="{{ .app }}") > {{ .threshold }}
        displayExpression: ts(cpu)
        severity: warn
        target: "{{ .team }}@example.com"
        minutes: 5
        resolveAfterMinutes: 5
        exportedParams: [app]
        exportedParamsDefaultValues: {threshold: "80"}
      """;

  private static String config(String spec) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata: {name: a, namespace: payments}
        spec:
        """
        + spec;
  }

  private static Map<String, String> repository(String template, String config) {
    return Map.of("templates/cpu.yaml", template, "apps/a.yaml", config);
  }

  private static final String WARNING = " warning [template/unknown-param] ";

  private static String team(String position, String didYouMean) {
    return position
        + WARNING
        + "template cpu uses param 'team' (at templates/cpu.yaml:10:15), but no source supplies it"
        + " for this entry, and keikoproj would render it as an empty string; add it to params or"
        + " globalParams, or give the template a default"
        + didYouMean;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "a param no source supplies, at the entry",
            repository(CPU, config("  alerts:\n    cpu: {params: {app: a}}\n")),
            List.of(team("apps/a.yaml:6:5:", ""))),
        arguments(
            "with a did-you-mean over every source's params",
            repository(
                CPU, config("  globalParams: {taem: x}\n  alerts:\n    cpu: {params: {app: a}}\n")),
            List.of(team("apps/a.yaml:7:5:", " (did you mean 'taem'?)"))),
        arguments(
            "supplied by the entry's params",
            repository(CPU, config("  alerts:\n    cpu: {params: {app: a, team: ops}}\n")),
            List.of()),
        arguments(
            "supplied by the globalParams",
            repository(
                CPU,
                config("  globalParams: {team: ops}\n  alerts:\n    cpu: {params: {app: a}}\n")),
            List.of()),
        arguments(
            "supplied by a default of the template",
            repository(
                CPU.replace("{threshold: \"80\"}", "{threshold: \"80\", team: ops}"),
                config("  alerts:\n    cpu: {params: {app: a}}\n")),
            List.of()),
        arguments(
            "an exported param that is not supplied is template/missing-param's, not this rule's",
            repository(
                CPU.replace("[app]", "[app, team]"),
                config("  alerts:\n    cpu: {params: {app: a}}\n")),
            List.of()),
        arguments(
            "a misspelt params: hides which params the entry has: not judged",
            repository(CPU, config("  alerts:\n    cpu: {parmas: {app: a}}\n")),
            List.of()),
        arguments(
            "one finding per entry that lacks it, each at its own entry",
            Map.of(
                "templates/cpu.yaml",
                CPU,
                "apps/a.yaml",
                config("  alerts:\n    cpu: {params: {app: a}}\n"),
                "apps/b.yaml",
                config("  alerts:\n    cpu: {params: {app: b, team: ops}}\n")
                    .replace("name: a,", "name: b,"),
                "apps/c.yaml",
                config("  alerts:\n    cpu: {params: {app: c}}\n").replace("name: a,", "name: c,")),
            List.of(team("apps/a.yaml:6:5:", ""), team("apps/c.yaml:6:5:", ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsParamsNoSourceSupplies(
      String name, Map<String, String> files, List<String> expected) {
    assertThat(RuleTests.findings(new UnknownParamRule(), files))
        .containsExactlyElementsOf(expected);
  }
}
