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

class RenamedFromRuleTest {

  /** A standalone alert of payments, annotated renamed-from {@code from} (null: not annotated). */
  private static String standalone(String name, String from) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata:
          name: %s
          namespace: payments
        %s
        spec:
          alertType: CLASSIC
          alertName: %s
          condition: ts(x) > 1
          displayExpression: ts(x)
          severity: warn
          minutes: 5
          resolveAfterMinutes: 5
        """
        .formatted(name, annotation(from), name);
  }

  private static String annotation(String from) {
    return from == null ? "" : "  annotations:\n    alertforge.io/renamed-from: \"" + from + "\"";
  }

  private static final String TEMPLATE =
      """
      apiVersion: alertmanager.keikoproj.io/v1alpha1
      kind: WavefrontAlert
      metadata: {name: cpu, namespace: payments}
      spec:
        alertType: CLASSIC
        alertName: "{{ .app }} cpu"
        condition: ts(cpu, app="{{ .app }}") > 1
        displayExpression: ts(cpu)
        severity: warn
        minutes: 5
        resolveAfterMinutes: 5
        exportedParams: [app]
      """;

  private static String config(String name, String from) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata:
          name: %s
          namespace: payments
        %s
        spec:
          alerts:
            cpu: {params: {app: %s}}
        """
        .formatted(name, annotation(from), name);
  }

  private static final String NAME_FIX = "; write the name it had before, without a namespace";

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "the previous name, gone from the repository",
            Map.of("ledger.yaml", standalone("ledger-v2", "ledger")),
            List.of()),
        arguments(
            "another namespace's name, at the annotation's value",
            Map.of("ledger.yaml", standalone("ledger-v2", "team-b/ledger")),
            List.of(
                "ledger.yaml:7:33: error [alert/renamed-from] alertforge.io/renamed-from must be"
                    + " the previous metadata.name of this alert in its own namespace (lower-case"
                    + " letters, digits, '-' and '.'; a rename cannot move an alert to another"
                    + " namespace), not 'team-b/ledger' (WavefrontAlert payments/ledger-v2)"
                    + NAME_FIX)),
        arguments(
            "its own name",
            Map.of("ledger.yaml", standalone("ledger", "ledger")),
            List.of(
                "ledger.yaml:7:33: error [alert/renamed-from] alertforge.io/renamed-from names"
                    + " this alert itself ('ledger') (WavefrontAlert payments/ledger)"
                    + NAME_FIX)),
        arguments(
            "a name the repository still defines",
            Map.of(
                "ledger.yaml", standalone("ledger-v2", "ledger"),
                "old.yaml", standalone("ledger", null)),
            List.of(
                "ledger.yaml:7:33: error [alert/renamed-from] WavefrontAlert payments/ledger-v2 is"
                    + " renamed from payments/ledger, which the repository still defines: the"
                    + " controller keeps payments/ledger's Wavefront alert until that WavefrontAlert"
                    + " is deleted, and only then moves it to the new name; delete payments/ledger"
                    + " in the same change, or remove the annotation")),
        arguments(
            "a renamed AlertsConfig whose old one is still there",
            Map.of(
                "t.yaml", TEMPLATE,
                "a.yaml", config("api-v2", "api"),
                "b.yaml", config("api", null)),
            List.of(
                "a.yaml:7:33: error [alert/renamed-from] AlertsConfig payments/api-v2 is renamed"
                    + " from payments/api, which the repository still defines: the controller keeps"
                    + " payments/api's Wavefront alert until that AlertsConfig is deleted, and only"
                    + " then moves it to the new name; delete payments/api in the same change, or"
                    + " remove the annotation")),
        arguments(
            "a renamed AlertsConfig whose old one is gone",
            Map.of("t.yaml", TEMPLATE, "a.yaml", config("api-v2", "api")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsWhatTheControllerCannotHonour(
      String name, Map<String, String> files, List<String> expected) {
    assertThat(RuleTests.findings(new RenamedFromRule(), files))
        .containsExactlyElementsOf(expected);
  }
}
