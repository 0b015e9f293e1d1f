package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppression comments: next line, whole file, expiry, reasons, unused, locked rules. */
class SuppressionTest {

  private static final String BOUNDS =
      "rules:\n  policy/threshold-bounds:\n    options: {bounds: [{metric: cpu, max: 95}]}\n";

  @TempDir Path root;
  private TestRepository repository;

  @BeforeEach
  void cpuTemplate() {
    repository =
        new TestRepository(root)
            .file("payments/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC));
  }

  private List<String> lint(String alertforgeYaml, String configComments) {
    return repository
        .file("alertforge.yaml", alertforgeYaml)
        .file(
            "payments/a.yaml",
            """
            %sapiVersion: alertmanager.keikoproj.io/v1alpha1
            kind: AlertsConfig
            metadata: {name: a, namespace: payments}
            spec:
              alerts:
                cpu:
                  params:
                    app: a
                    %s
                    threshold: "99"
            """
                .formatted(
                    configComments.startsWith("FILE ") ? configComments.substring(5) : "",
                    configComments.startsWith("FILE ") ? "# nothing here" : configComments))
        .compile()
        .diagnostics()
        .stream()
        .map(Diagnostic::format)
        .toList();
  }

  @Test
  void withoutASuppressionTheFindingIsReported() {
    assertThat(lint(BOUNDS, "# a comment"))
        .singleElement()
        .asString()
        .startsWith("payments/a.yaml:10:21: warning [policy/threshold-bounds]");
  }

  @Test
  void nextLineSuppressesTheFindingOnTheNextContentLine() {
    assertThat(
            lint(
                BOUNDS,
                "# alertforge:disable-next-line policy/threshold-bounds until=2999-12-31 -- agreed in review"))
        .isEmpty();
  }

  @Test
  void fileSuppressesEveryFindingOfTheRuleInTheFile() {
    assertThat(lint(BOUNDS, "FILE # alertforge:disable-file policy/threshold-bounds -- legacy\n"))
        .isEmpty();
  }

  @Test
  void anExpiredSuppressionIsReportedAndNoLongerSuppresses() {
    assertThat(
            lint(
                BOUNDS,
                "# alertforge:disable-next-line policy/threshold-bounds until=2020-01-31 -- migration"))
        .containsExactly(
            "payments/a.yaml:9:64: warning [suppression/expired] this suppression expired on 2020-01-31, so its"
                + " findings are reported again; fix them, or set a later date",
            "payments/a.yaml:10:21: warning [policy/threshold-bounds] condition compares cpu with 99, outside the"
                + " documented range (at most 95) for cpu; use a standard threshold, or change"
                + " policy/threshold-bounds in alertforge.yaml after review (rendered alert payments/a.cpu, from the"
                + " AlertsConfig entry at payments/a.yaml:6:5)");
  }

  @Test
  void aSuppressionWithoutAReasonStillSuppressesButIsReported() {
    assertThat(lint(BOUNDS, "# alertforge:disable-next-line policy/threshold-bounds"))
        .containsExactly(
            "payments/a.yaml:9:9: warning [suppression/missing-reason] a suppression must say why: end the"
                + " comment with ' -- <reason>'");
  }

  @Test
  void anUnusedSuppressionAndAnUnknownRuleAreReported() {
    assertThat(
            lint(
                BOUNDS,
                "# alertforge:disable-next-line policy/threshold-bounds,policy/required-tag -- x"))
        .containsExactly(
            "payments/a.yaml:9:64: error [suppression/malformed] unknown rule 'policy/required-tag' in a"
                + " suppression; did you mean 'policy/required-tags'?");
    assertThat(lint("{}\n", "# alertforge:disable-next-line policy/threshold-bounds -- x"))
        .containsExactly(
            "payments/a.yaml:9:40: warning [suppression/unused] no policy/threshold-bounds finding on line 10 to"
                + " suppress; remove it from the comment");
  }

  @Test
  void aLockedRuleCannotBeSuppressed() {
    assertThat(
            lint(
                "locked: [policy/threshold-bounds]\n" + BOUNDS,
                "# alertforge:disable-next-line policy/threshold-bounds -- please"))
        .containsExactly(
            "payments/a.yaml:9:40: error [suppression/locked] rule policy/threshold-bounds is locked"
                + " (alertforge.yaml 'locked', or a check that cannot be disabled), so this suppression is"
                + " ignored; fix the finding instead",
            "payments/a.yaml:10:21: warning [policy/threshold-bounds] condition compares cpu with 99, outside the"
                + " documented range (at most 95) for cpu; use a standard threshold, or change"
                + " policy/threshold-bounds in alertforge.yaml after review (rendered alert payments/a.cpu, from the"
                + " AlertsConfig entry at payments/a.yaml:6:5)");
  }

  @Test
  void checksThatMakeRenderingImpossibleCannotBeSuppressed() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "bad.yaml",
                """
                apiVersion: alertmanager.keikoproj.io/v1alpha1
                kind: WavefrontAlert
                metadata: {name: bad, namespace: payments}
                spec:
                  alertType: CLASSIC
                  # alertforge:disable-next-line schema/enum -- please
                  severity: WARN
                """)
            .compile();

    assertThat(compilation.diagnostics().stream().map(Diagnostic::rule))
        .contains("suppression/locked", "schema/enum");
  }
}
