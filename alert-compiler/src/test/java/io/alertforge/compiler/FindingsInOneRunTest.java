package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.alertsConfig;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.model.RenderedAlert;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema error does not hide the template, reference and param problems of the same document or
 * of the entries that use it: every problem in one run, each once, and no finding that is only a
 * consequence of another. What an entry with errors renders is kept aside, marked invalid.
 */
class FindingsInOneRunTest {

  @TempDir Path root;

  /** minutes breaks the schema, condition does not parse. */
  private static final String BROKEN_TEMPLATE =
      """
      alertType: CLASSIC
      alertName: "{{ .app }} cpu high"
      condition: ts(cpu, app="{{ .app }}") > {{ .threshold }
      displayExpression: ts(cpu)
      severity: warn
      minutes: 0
      resolveAfterMinutes: 10
      target: ops@example.com
      tags:
        - "service:{{ .app }}"
        - team:payments
      exportedParams: [app, threshold]
      exportedParamsDefaultValues:
        threshold: "80"
      """;

  private static List<String> formatted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }

  @Test
  void schemaSyntaxReferenceAndParamErrorsAreAllReportedInOneCompile() {
    Compilation compilation =
        new TestRepository(root)
            .file("templates/cpu.yaml", template("payments", "cpu-high", BROKEN_TEMPLATE))
            .file(
                "apps/web.yaml",
                alertsConfig(
                    "web",
                    "payments",
                    """
                    globalParams: {owner: 7}
                    alerts:
                      cpu-hgih: {}
                      cpu-high:
                        params: {threshold: "90"}
                    """))
            .compile();

    List<String> expected =
        List.of(
            "apps/web.yaml:7:25: error [schema/type] spec.globalParams.owner must be a string, found"
                + " an integer 7; quote it: \"7\"",
            "apps/web.yaml:9:5: error [reference/unknown-template] no WavefrontAlert template named"
                + " 'cpu-hgih' in namespace payments; did you mean 'cpu-high'?",
            "apps/web.yaml:10:5: error [template/missing-param] template cpu-high requires param 'app'"
                + " (exportedParams), but neither this entry's params, the globalParams of web nor"
                + " the template's exportedParamsDefaultValues supply it; add 'app: \"...\"' to params",
            "templates/cpu.yaml:9:56: error [template/syntax] unexpected \"}\" in operand (in"
                + " condition of template cpu-high)",
            "templates/cpu.yaml:12:12: error [schema/range] spec.minutes is 0, but must be at least 1");
    assertThat(formatted(compilation.diagnostics())).isEqualTo(expected);
    assertThat(compilation.alerts()).isEmpty();
    RenderedAlert invalid = compilation.invalidAlerts().get(0);
    assertThat(compilation.invalidAlerts()).hasSize(1);
    assertThat(invalid.qualifiedName()).isEqualTo("payments/web.cpu-high");
    // the unknown template's finding is the entry cpu-hgih's, which renders nothing
    assertThat(formatted(invalid.errors()))
        .isEqualTo(List.of(expected.get(0), expected.get(2), expected.get(3), expected.get(4)));
    // rendered as far as it goes: no field that uses the missing app, none that broke the schema
    // or does not parse
    assertThat(invalid.spec().toString())
        .isEqualTo(
            "{\"alertType\":\"CLASSIC\",\"displayExpression\":\"ts(cpu)\",\"severity\":\"warn\","
                + "\"resolveAfterMinutes\":10,\"target\":\"ops@example.com\","
                + "\"tags\":[\"team:payments\"]}");
  }

  @Test
  void aParamValueThatBrokeTheSchemaIsReportedOnceNotAgainInTheRenderedAlert() {
    Compilation compilation =
        new TestRepository(root)
            .file("templates/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a", "payments", "alerts:\n  cpu:\n    params: {app: a, severity: 5}\n"))
            .compile();

    // severity 5 would render as '5', which the rendered alert's schema refuses: not reported
    assertThat(formatted(compilation.diagnostics()))
        .containsExactly(
            "apps/a.yaml:9:34: error [schema/type] spec.alerts.cpu.params.severity must be a string,"
                + " found an integer 5; quote it: \"5\"");
    RenderedAlert invalid = compilation.invalidAlerts().get(0);
    assertThat(invalid.spec().has("severity")).isFalse();
    assertThat(invalid.spec().get("condition").asText()).isEqualTo("ts(cpu, app=\"a\") > 80");
  }

  @Test
  void aMisspeltParamsKeyInventsNoMissingParamButTheReferencesAreStillChecked() {
    Compilation compilation =
        new TestRepository(root)
            .file("templates/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a", "payments", "alerts:\n  cpu:\n    parmas: {app: a}\n  memory: {}\n"))
            .compile();

    // without 'params' the entry seems to lack app: that would only be the unknown field again
    assertThat(formatted(compilation.diagnostics()))
        .containsExactly(
            "apps/a.yaml:9:7: error [schema/unknown-field] unknown field 'parmas' in"
                + " spec.alerts.cpu (the CRD would drop it silently); did you mean 'params'?",
            "apps/a.yaml:10:5: error [reference/unknown-template] no WavefrontAlert template named"
                + " 'memory' in namespace payments; add the template or fix the entry's name");
    assertThat(compilation.invalidAlerts())
        .extracting(RenderedAlert::qualifiedName)
        .containsExactly("payments/a.cpu");
  }

  @Test
  void aTemplateSyntaxErrorNoLongerHidesTheParamsOfItsEntries() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/cpu.yaml",
                template(
                    "payments",
                    "cpu",
                    CPU_TEMPLATE_SPEC.replace("\"{{ .app }} cpu high\"", "\"{{ .app cpu high\"")))
            .file("apps/a.yaml", alertsConfig("a", "payments", "alerts:\n  cpu: {}\n"))
            .compile();

    assertThat(compilation.diagnostics())
        .extracting(Diagnostic::rule)
        .containsExactly("template/missing-param", "template/syntax");
    assertThat(compilation.invalidAlerts().get(0).spec().has("alertName")).isFalse();
  }

  @Test
  void aStandaloneAlertWithASchemaErrorIsRenderedWithoutTheBadField() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "disk.yaml",
                template(
                    "ns",
                    "disk",
                    """
                    alertType: CLASSIC
                    alertName: disk full
                    condition: ts(disk) > 90
                    displayExpression: ts(disk)
                    severity: critical
                    minutes: 5
                    resolveAfterMinutes: 5
                    """))
            .compile();

    assertThat(formatted(compilation.diagnostics()))
        .containsExactly(
            "disk.yaml:11:13: error [schema/enum] spec.severity is 'critical'; allowed: severe,"
                + " warn, info, smoke");
    assertThat(compilation.alerts()).isEmpty();
    RenderedAlert invalid = compilation.invalidAlerts().get(0);
    assertThat(invalid.spec().has("severity")).isFalse();
    assertThat(formatted(invalid.errors())).isEqualTo(formatted(compilation.diagnostics()));
  }
}
