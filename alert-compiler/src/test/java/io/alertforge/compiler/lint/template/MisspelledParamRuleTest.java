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

class MisspelledParamRuleTest {

  /** Template cpu-high of payments: uses and exports app, threshold and team. */
  private static final String CPU =
      """
      apiVersion: alertmanager.keikoproj.io/v1alpha1
      kind: WavefrontAlert
      metadata: {name: cpu-high, namespace: payments}
      spec:
        alertType: CLASSIC
        alertName: "{{ .app }} cpu high"
        condition: ts(cpu, app="{{ .app }}") > {{ .threshold }}
        displayExpression: ts(cpu, team="{{ .team }}")
        severity: warn
        minutes: 5
        resolveAfterMinutes: 5
        exportedParams: [app, threshold, team]
        exportedParamsDefaultValues: {threshold: "80", team: ops}
      """;

  /** An AlertsConfig of payments whose spec is {@code spec} (YAML, indented two spaces). */
  private static String config(String spec) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata: {name: web, namespace: payments}
        spec:
        """
        + spec;
  }

  private static Map<String, String> repository(String template, String config) {
    return Map.of("templates/cpu.yaml", template, "apps/web.yaml", config);
  }

  private static Map<String, String> entryParams(String params) {
    return repository(CPU, config("  alerts:\n    cpu-high:\n      params: {" + params + "}\n"));
  }

  private static final String ERROR = " error [template/misspelled-param] ";

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "one letter dropped, at the param's key, with what it meant",
            entryParams("app: web, treshold: \"90\""),
            List.of(
                "apps/web.yaml:7:26:"
                    + ERROR
                    + "param 'treshold' is not exported by template 'cpu-high'; did you mean"
                    + " 'threshold'?")),
        arguments(
            "two edits in a long name",
            entryParams("app: web, tresholt: \"90\""),
            List.of(
                "apps/web.yaml:7:26:"
                    + ERROR
                    + "param 'tresholt' is not exported by template 'cpu-high'; did you mean"
                    + " 'threshold'?")),
        arguments(
            "only the case differs, however short the name",
            entryParams("APP: web"),
            List.of(
                "apps/web.yaml:7:16:"
                    + ERROR
                    + "param 'APP' is not exported by template 'cpu-high'; did you mean 'app'?")),
        arguments(
            "two neighbours swapped is one edit: near in a four-letter name",
            entryParams("app: web, taem: payments"),
            List.of(
                "apps/web.yaml:7:26:"
                    + ERROR
                    + "param 'taem' is not exported by template 'cpu-high'; did you mean 'team'?")),
        arguments(
            "a globalParam near a name some template of the AlertsConfig exports",
            repository(
                CPU,
                config(
                    "  globalParams: {app: web, thresold: \"1\"}\n  alerts:\n    cpu-high: {}\n")),
            List.of(
                "apps/web.yaml:5:28:"
                    + ERROR
                    + "global param 'thresold' is not exported by any template of AlertsConfig"
                    + " 'web'; did you mean 'threshold'?")),
        arguments(
            "not near: one edit is half of a three-letter name, three edits are too many",
            entryParams("app: web, ap: x, trsholt: \"90\", region: eu"),
            List.of()),
        arguments(
            "the near name is supplied too: a leftover, not a misspelling",
            entryParams("app: web, threshold: \"90\", treshold: \"95\""),
            List.of()),
        arguments(
            "a template whose keys cannot be listed may use any param",
            repository(
                CPU.replace("ts(cpu, team=", "ts({{ index . .app }}, team="),
                config("  alerts:\n    cpu-high: {params: {app: web, treshold: \"90\"}}\n")),
            List.of()),
        arguments(
            "a template with a field that does not parse is not judged",
            repository(
                CPU.replace("{{ .app }} cpu high", "{{ .app | upper }} cpu high"),
                config("  alerts:\n    cpu-high: {params: {app: web, treshold: \"90\"}}\n")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsNearMisses(String name, Map<String, String> files, List<String> expected) {
    assertThat(RuleTests.findings(new MisspelledParamRule(), files))
        .containsExactlyElementsOf(expected);
  }
}
