package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.lines;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema errors, each at the exact node, with a message that says how to fix it. */
class SchemaValidationTest {

  @TempDir Path root;

  private static final String STANDALONE =
      """
      alertType: CLASSIC
      alertName: disk full
      condition: ts(disk) > 90
      displayExpression: ts(disk)
      severity: warn
      minutes: 5
      resolveAfterMinutes: 5
      """;

  private Compilation compile(String spec) {
    return new TestRepository(root).file("a.yaml", template("ns", "disk", spec)).compile();
  }

  @Test
  void aValidStandaloneAlertHasNoFindings() {
    Compilation compilation = compile(STANDALONE);

    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation.alerts()).hasSize(1);
  }

  @Test
  void unknownFieldPointsAtTheKeyAndSuggestsTheSpelling() {
    Compilation compilation = compile(STANDALONE + "severty: warn\n");

    assertThat(lines(compilation, "schema/unknown-field"))
        .containsExactly(
            "a.yaml:14:3: error [schema/unknown-field] unknown field 'severty' in spec (the CRD would drop it silently);"
                + " did you mean 'severity'?");
    assertThat(compilation.alerts()).isEmpty();
  }

  @Test
  void missingRequiredFieldPointsAtItsParent() {
    Compilation compilation = compile(STANDALONE.replace("displayExpression: ts(disk)\n", ""));

    assertThat(lines(compilation, "schema/required"))
        .containsExactly(
            "a.yaml:6:1: error [schema/required] missing required field 'displayExpression' in spec");
  }

  @Test
  void upperCaseSeverityIsRejectedWithTheLowerCaseHint() {
    Compilation compilation = compile(STANDALONE.replace("severity: warn", "severity: WARN"));

    assertThat(lines(compilation, "schema/enum"))
        .containsExactly(
            "a.yaml:11:13: error [schema/enum] spec.severity is 'WARN'; allowed: severe, warn, info, smoke"
                + " (keikoproj accepts lower case only: write 'warn')");
  }

  @Test
  void minutesMustBePositiveIntegers() {
    Compilation compilation =
        compile(
            STANDALONE
                .replace("minutes: 5\n", "minutes: 0\n")
                .replace("resolveAfterMinutes: 5", "resolveAfterMinutes: \"{{ .x }}\""));

    assertThat(lines(compilation, "schema/range"))
        .singleElement()
        .asString()
        .isEqualTo("a.yaml:12:12: error [schema/range] spec.minutes is 0, but must be at least 1");
    assertThat(lines(compilation, "schema/type"))
        .containsExactly(
            "a.yaml:13:24: error [schema/type] spec.resolveAfterMinutes must be an integer, found a string '{{ .x }}';"
                + " this field cannot be templated (the CRD requires an integer)");
  }

  @Test
  void blankRequiredStringsAreErrors() {
    Compilation compilation =
        compile(
            STANDALONE
                .replace("condition: ts(disk) > 90", "condition: \"  \"")
                .replace("alertName: disk full", "alertName: \"\""));

    assertThat(lines(compilation, "schema/empty"))
        .containsExactly(
            "a.yaml:8:14: error [schema/empty] spec.alertName must not be empty or blank",
            "a.yaml:9:14: error [schema/empty] spec.condition must not be empty or blank");
  }

  @Test
  void paramValuesMustBeStrings() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "c.yaml",
                """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata:
          name: app
          namespace: ns
        spec:
          globalParams:
            threshold: 10
            enabled: true
        """)
            .compile();

    assertThat(lines(compilation, "schema/type"))
        .containsExactly(
            "c.yaml:8:16: error [schema/type] spec.globalParams.threshold must be a string, found an integer 10; quote it: \"10\"",
            "c.yaml:9:14: error [schema/type] spec.globalParams.enabled must be a string, found a boolean true; quote it: \"true\"");
  }

  @Test
  void aNullMappingIsReadAsAnEmptyOneAsTheApiServerPrunesIt() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "t.yaml",
                template(
                    "ns",
                    "cpu",
                    TestRepository.CPU_TEMPLATE_SPEC.replace(
                        "exportedParamsDefaultValues:\n  threshold: \"80\"\n  severity: warn\n",
                        "exportedParamsDefaultValues:\n")))
            .file(
                "c.yaml",
                TestRepository.alertsConfig(
                    "app",
                    "ns",
                    "globalParams:\nalerts:\n  cpu:\n    params: {app: shop, threshold: \"9\","
                        + " severity: warn}\n"))
            .file("empty.yaml", TestRepository.alertsConfig("empty", "ns", "alerts:\n"))
            .compile();

    assertThat(compilation.diagnostics()).extracting(d -> d.rule()).doesNotContain("schema/type");
    assertThat(TestRepository.alert(compilation, "ns/app.cpu").spec().get("condition").asText())
        .isEqualTo("ts(cpu, app=\"shop\") > 9");
  }

  @Test
  void emptyValueIsExplainedAsNull() {
    Compilation compilation = compile(STANDALONE + "target:\n");

    assertThat(lines(compilation, "schema/type"))
        .singleElement()
        .asString()
        .startsWith("a.yaml:14:")
        .endsWith(
            "spec.target is empty (null), but must be a string;"
                + " write '' for an empty string, or remove the field");
  }

  @Test
  void objectNamesMustBeDnsNamesAndStatusDoesNotBelongInGit() {
    Compilation compilation =
        new TestRepository(root)
            .file("a.yaml", template("ns", "Disk_Full", STANDALONE) + "status:\n  state: Ready\n")
            .compile();

    assertThat(lines(compilation, "schema/pattern"))
        .containsExactly(
            "a.yaml:4:9: error [schema/pattern] metadata.name is 'Disk_Full', not a valid name: use lower-case letters,"
                + " digits, '-' and '.', starting and ending with a letter or digit");
    assertThat(lines(compilation, "schema/unknown-field"))
        .singleElement()
        .asString()
        .startsWith(
            "a.yaml:14:1: error [schema/unknown-field] unknown field 'status' in the document");
  }

  @Test
  void aTemplateMayHoldAPlaceholderSeverityButNotAnUnknownOne() {
    String templateSpec =
        STANDALONE.replace("severity: warn", "severity: \"{{ .sev }}\"")
            + "exportedParams: [sev]\nexportedParamsDefaultValues: {sev: warn}\n";

    assertThat(compile(templateSpec).diagnostics()).isEmpty();
    assertThat(lines(compile(templateSpec.replace("\"{{ .sev }}\"", "critical")), "schema/enum"))
        .hasSize(1);
  }

  @Test
  void everyErrorOfADocumentIsReportedNotJustTheFirst() {
    Compilation compilation =
        compile(
            STANDALONE
                    .replace("severity: warn", "severity: bad")
                    .replace("minutes: 5\n", "minutes: -1\n")
                + "extra: 1\n");

    assertThat(compilation.diagnostics())
        .extracting(d -> d.rule())
        .containsExactlyInAnyOrder("schema/enum", "schema/range", "schema/unknown-field");
  }
}
