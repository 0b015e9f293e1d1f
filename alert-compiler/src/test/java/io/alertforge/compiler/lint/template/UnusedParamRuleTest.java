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

class UnusedParamRuleTest {

  /** Template cpu of payments: uses app and threshold, exports app and threshold. */
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
        minutes: 5
        resolveAfterMinutes: 5
        exportedParams: [app, threshold]
        exportedParamsDefaultValues: {threshold: "80"}
      """;

  /** An AlertsConfig of payments whose spec is {@code spec} (YAML, indented two spaces). */
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

  private static final String WARNING = " warning [template/unused-param] ";

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "an entry's param the template does not use; a near miss is template/misspelled-param's",
            repository(
                CPU,
                config("  alerts:\n    cpu: {params: {app: a, treshold: \"90\", owner: x}}\n")),
            List.of(
                "apps/a.yaml:6:44:"
                    + WARNING
                    + "param 'owner' is not used by template cpu; remove it or check its spelling")),
        arguments(
            "a globalParam no template of the AlertsConfig uses; a near miss is not this rule's",
            repository(
                CPU,
                config(
                    "  globalParams: {app: a, thresold: \"1\", region: eu}\n"
                        + "  alerts:\n    cpu: {}\n")),
            List.of(
                "apps/a.yaml:5:41:"
                    + WARNING
                    + "global param 'region' is not used by any template of AlertsConfig a;"
                    + " remove it or check its spelling")),
        arguments(
            "an exported param and a default that no field uses, at the template",
            repository(
                CPU.replace("[app, threshold]", "[app, threshold, region]")
                    .replace("{threshold: \"80\"}", "{threshold: \"80\", stale: \"1\"}"),
                config("  alerts:\n    cpu: {params: {app: a, region: eu}}\n")),
            List.of(
                "templates/cpu.yaml:12:36:"
                    + WARNING
                    + "exported param 'region' is never used by template cpu; use it in a field as"
                    + " {{ .region }} or remove it from exportedParams",
                "templates/cpu.yaml:13:50:"
                    + WARNING
                    + "default for param 'stale' is never used by template cpu; remove it")),
        arguments(
            "an entry that does not render (a param is missing) still has its params checked",
            repository(CPU, config("  alerts:\n    cpu: {params: {ap: a}}\n")),
            List.of(
                "apps/a.yaml:6:20:"
                    + WARNING
                    + "param 'ap' is not used by template cpu (did you mean 'app'?); remove it or"
                    + " check its spelling")),
        arguments(
            "a template whose keys cannot be listed may use any param",
            repository(
                CPU.replace(
                        "displayExpression: ts(cpu)", "displayExpression: ts({{ index . .app }})")
                    .replace("{threshold: \"80\"}", "{threshold: \"80\", stale: \"1\"}"),
                config(
                    "  globalParams: {app: a, region: eu}\n"
                        + "  alerts:\n    cpu: {params: {x: y}}\n")),
            List.of()),
        arguments(
            "globalParams are not checked when an entry names no template",
            repository(
                CPU,
                config(
                    "  globalParams: {app: a, region: eu}\n  alerts:\n    cpu: {}\n    cpx: {}\n")),
            List.of()),
        arguments(
            "a template with a syntax error is not checked",
            repository(
                CPU.replace("{{ .app }} cpu high", "{{ .app | upper }} cpu high"),
                config("  globalParams: {region: eu}\n  alerts:\n    cpu: {params: {x: y}}\n")),
            List.of()),
        arguments(
            "every param used",
            repository(CPU, config("  globalParams: {app: a}\n  alerts:\n    cpu: {}\n")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsParamsNothingUses(String name, Map<String, String> files, List<String> expected) {
    assertThat(RuleTests.findings(new UnusedParamRule(), files))
        .containsExactlyElementsOf(expected);
  }
}
