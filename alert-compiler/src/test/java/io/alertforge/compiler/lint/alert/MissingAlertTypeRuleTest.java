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

class MissingAlertTypeRuleTest {

  private static final String HEADER =
      """
      apiVersion: alertmanager.keikoproj.io/v1alpha1
      kind: WavefrontAlert
      metadata: {name: a, namespace: ns}
      spec:
      """;

  private static final String FIELDS =
      """
        alertName: a
        condition: ts(a) > 1
        displayExpression: ts(a)
        severity: warn
        minutes: 5
        resolveAfterMinutes: 5
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "a standalone alert without alertType, at its spec",
            HEADER + FIELDS,
            List.of(
                "a.yaml:4:1: warning [alert/missing-alert-type] WavefrontAlert ns/a has no"
                    + " alertType: keikoproj's controller fails on that ('invalid alert type: ');"
                    + " rendered as CLASSIC. Add 'alertType: CLASSIC'")),
        arguments(
            "a template without alertType",
            HEADER
                + FIELDS.replace("alertName: a", "alertName: \"{{ .app }} a\"")
                + "  exportedParams: [app]\n",
            List.of(
                "a.yaml:4:1: warning [alert/missing-alert-type] WavefrontAlert ns/a has no"
                    + " alertType: keikoproj's controller fails on that ('invalid alert type: ');"
                    + " rendered as CLASSIC. Add 'alertType: CLASSIC'")),
        arguments("alertType CLASSIC", HEADER + "  alertType: CLASSIC\n" + FIELDS, List.of()),
        arguments(
            "alertType THRESHOLD is another rule's",
            HEADER + "  alertType: THRESHOLD\n" + FIELDS,
            List.of()),
        arguments(
            "a schema error in another field does not hide it",
            HEADER + FIELDS.replace("  minutes: 5\n", ""),
            List.of(
                "a.yaml:4:1: warning [alert/missing-alert-type] WavefrontAlert ns/a has no"
                    + " alertType: keikoproj's controller fails on that ('invalid alert type: ');"
                    + " rendered as CLASSIC. Add 'alertType: CLASSIC'")),
        arguments(
            "a spec that is not a mapping reports that only",
            HEADER.replace("spec:\n", "spec: [a]\n"),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsAlertsWithoutAlertType(String name, String yaml, List<String> expected) {
    assertThat(RuleTests.findings(new MissingAlertTypeRule(), Map.of("a.yaml", yaml)))
        .containsExactlyElementsOf(expected);
  }
}
