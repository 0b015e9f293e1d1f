package io.alertforge.compiler.lint.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.alertforge.compiler.lint.RuleTests;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateNameRuleTest {

  /** Template cpu of payments, whose instances are all named {@code alertName}. */
  private static String template(String alertName) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata: {name: cpu, namespace: payments}
        spec:
          alertType: CLASSIC
          alertName: "%s"
          condition: ts(cpu, app="{{ .app }}") > 1
          displayExpression: ts(cpu)
          severity: warn
          minutes: 5
          resolveAfterMinutes: 5
          exportedParams: [app]
        """
        .formatted(alertName);
  }

  /** An AlertsConfig of payments with one entry of template cpu, for this app. */
  private static String config(String name, String app) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata: {name: %s, namespace: payments}
        spec:
          alerts:
            cpu: {params: {app: %s}}
        """
        .formatted(name, app);
  }

  private static String standalone(String namespace, String name, String alertName) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata: {name: %s, namespace: %s}
        spec:
          alertType: CLASSIC
          alertName: %s
          condition: ts(x) > 1
          displayExpression: ts(x)
          severity: warn
          minutes: 5
          resolveAfterMinutes: 5
        """
        .formatted(name, namespace, alertName);
  }

  private static final String FIX = "; put a param such as the app or cluster in alertName";

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "two instances of a template without a param in alertName: both, at the template's"
                + " alertName, each naming the other's entry",
            Map.of(
                "templates/cpu.yaml", template("cpu high"),
                "apps/a.yaml", config("a", "a"),
                "apps/b.yaml", config("b", "b")),
            List.of(
                "templates/cpu.yaml:6:14: error [alert/duplicate-name] Wavefront alertName 'cpu"
                    + " high' of payments/a.cpu is also rendered by payments/b.cpu"
                    + " (apps/b.yaml:6:5)"
                    + FIX,
                "templates/cpu.yaml:6:14: error [alert/duplicate-name] Wavefront alertName 'cpu"
                    + " high' of payments/b.cpu is also rendered by payments/a.cpu"
                    + " (apps/a.yaml:6:5)"
                    + FIX)),
        arguments(
            "two instances whose params make one alertName: at each entry",
            Map.of(
                "templates/cpu.yaml", template("{{ .app }} cpu high"),
                "apps/a.yaml", config("a", "shop"),
                "apps/b.yaml", config("b", "shop")),
            List.of(
                "apps/a.yaml:6:5: error [alert/duplicate-name] Wavefront alertName 'shop cpu high'"
                    + " of payments/a.cpu is also rendered by payments/b.cpu (apps/b.yaml:6:5)"
                    + FIX,
                "apps/b.yaml:6:5: error [alert/duplicate-name] Wavefront alertName 'shop cpu high'"
                    + " of payments/b.cpu is also rendered by payments/a.cpu (apps/a.yaml:6:5)"
                    + FIX)),
        arguments(
            "the others are named standalone alerts first, then in source order, across namespaces",
            Map.of(
                "templates/cpu.yaml", template("cpu high"),
                "apps/a.yaml", config("a", "a"),
                "apps/b.yaml", config("b", "b"),
                "z/standalone.yaml", standalone("other", "z", "cpu high")),
            List.of(
                "templates/cpu.yaml:6:14: error [alert/duplicate-name] Wavefront alertName 'cpu"
                    + " high' of payments/a.cpu is also rendered by other/z"
                    + " (z/standalone.yaml:6:14), payments/b.cpu (apps/b.yaml:6:5)"
                    + FIX,
                "templates/cpu.yaml:6:14: error [alert/duplicate-name] Wavefront alertName 'cpu"
                    + " high' of payments/b.cpu is also rendered by other/z"
                    + " (z/standalone.yaml:6:14), payments/a.cpu (apps/a.yaml:6:5)"
                    + FIX,
                "z/standalone.yaml:6:14: error [alert/duplicate-name] Wavefront alertName"
                    + " 'cpu high' of other/z is also rendered by payments/a.cpu (apps/a.yaml:6:5),"
                    + " payments/b.cpu (apps/b.yaml:6:5)"
                    + FIX)),
        arguments(
            "a param in alertName",
            Map.of(
                "templates/cpu.yaml", template("{{ .app }} cpu high"),
                "apps/a.yaml", config("a", "a"),
                "apps/b.yaml", config("b", "b")),
            List.of()),
        arguments(
            "an instance that does not render is not counted",
            Map.of(
                "templates/cpu.yaml", template("cpu high"),
                "apps/a.yaml", config("a", "a"),
                "apps/b.yaml", config("b", "b").replace("{params: {app: b}}", "{}")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryAlertOfADuplicateName(
      String name, Map<String, String> files, List<String> expected) {
    assertThat(RuleTests.findings(new DuplicateNameRule(), files))
        .containsExactlyElementsOf(expected);
  }
}
