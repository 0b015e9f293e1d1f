package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.alert;
import static io.alertforge.compiler.TestRepository.alertsConfig;
import static io.alertforge.compiler.TestRepository.lines;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.model.RenderedAlert;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering AlertsConfig entries through templates, and every reference and param check. */
class RenderTest {

  @TempDir Path root;
  private TestRepository repository;

  @BeforeEach
  void cpuTemplate() {
    repository =
        new TestRepository(root)
            .file("templates/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC));
  }

  @Test
  void entryParamsWinOverGlobalParamsWhichWinOverDefaults() {
    Compilation compilation =
        repository
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
            globalParams: {app: a, threshold: "85"}
            alerts:
              cpu:
                params: {threshold: "90"}
            """))
            .file(
                "apps/b.yaml",
                alertsConfig(
                    "b",
                    "payments",
                    """
            globalParams: {app: b, threshold: "85"}
            alerts:
              cpu: {}
            """))
            .file(
                "apps/c.yaml",
                alertsConfig(
                    "c",
                    "payments",
                    """
            alerts:
              cpu:
                params: {app: c}
            """))
            .compile();

    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(alert(compilation, "payments/a.cpu").spec().get("condition").asText())
        .isEqualTo("ts(cpu, app=\"a\") > 90");
    assertThat(alert(compilation, "payments/b.cpu").spec().get("condition").asText())
        .isEqualTo("ts(cpu, app=\"b\") > 85");
    assertThat(alert(compilation, "payments/c.cpu").spec().get("condition").asText())
        .isEqualTo("ts(cpu, app=\"c\") > 80");
  }

  @Test
  void renderedAlertIsConcreteAndTraceable() {
    RenderedAlert rendered =
        alert(
            repository
                .file(
                    "apps/a.yaml",
                    alertsConfig(
                        "a",
                        "payments",
                        """
            alerts:
              cpu:
                params: {app: a, severity: severe}
            """))
                .compile(),
            "payments/a.cpu");

    assertThat(rendered.spec().toString())
        .isEqualTo(
            "{\"alertType\":\"CLASSIC\",\"alertName\":\"a cpu high\",\"condition\":\"ts(cpu, app=\\\"a\\\") > 80\","
                + "\"displayExpression\":\"ts(cpu, app=\\\"a\\\")\",\"severity\":\"severe\",\"minutes\":5,"
                + "\"resolveAfterMinutes\":10,\"target\":\"ops@example.com\",\"tags\":[\"service:a\"]}");
    assertThat(rendered.labels()).containsEntry("app.kubernetes.io/managed-by", "alertforge");
    assertThat(rendered.annotations())
        .containsEntry("alertforge.io/source", "apps/a.yaml")
        .containsEntry("alertforge.io/template", "cpu")
        .containsEntry("alertforge.io/template-source", "templates/cpu.yaml")
        .containsEntry("alertforge.io/alerts-config", "a");
    assertThat(rendered.annotations().get("alertforge.io/spec-hash"))
        .matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void missingExportedParamIsReportedAtTheEntry() {
    Compilation compilation =
        repository
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
        alerts:
          cpu:
            params: {threshold: "90"}
        """))
            .compile();

    assertThat(lines(compilation, "template/missing-param"))
        .containsExactly(
            "apps/a.yaml:8:5: error [template/missing-param] template cpu requires param 'app' (exportedParams), but neither"
                + " this entry's params, the globalParams of a nor the template's exportedParamsDefaultValues supply it;"
                + " add 'app: \"...\"' to params");
    assertThat(compilation.alerts()).isEmpty();
  }

  @Test
  void aControlCharacterAParamBringsIntoASingleLineFieldIsAnErrorAtThatCharacter() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/cpu.yaml",
                template(
                    "payments",
                    "cpu",
                    CPU_TEMPLATE_SPEC.replace(
                        "target: ops@example.com",
                        "target: ops@example.com\nadditionalInformation: \"{{ .note }}\"")))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
            alerts:
              cpu:
                params: {app: "web", threshold: "9\\t0", note: "line one\\nline two"}
            """))
            .compile();

    // the tab in threshold reaches condition; the newline in note reaches only
    // additionalInformation
    assertThat(lines(compilation, "template/control-character"))
        .containsExactly(
            "apps/a.yaml:9:41: error [template/control-character] param 'threshold' (the entry's"
                + " params) brings control character U+0009 into condition of rendered alert"
                + " payments/a.cpu, a field Wavefront shows on one line; remove it from the value");
    assertThat(compilation.alerts()).isEmpty();
  }

  @Test
  void aPrintfWhoseFormatDoesNotFitItsArgumentsIsAnErrorAtThePrintfNotAMarkInTheAlert() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/cpu.yaml",
                template(
                    "payments",
                    "cpu",
                    CPU_TEMPLATE_SPEC.replace(
                        "alertName: \"{{ .app }} cpu high\"",
                        "alertName: '{{ printf \"%d\" .app }} cpu high'")))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a", "payments", "alerts:\n  cpu: {params: {app: \"50%!(NOVERB)\"}}\n"))
            .compile();

    assertThat(lines(compilation, "template/execution"))
        .containsExactly(
            "apps/a.yaml:8:5: error [template/execution] rendering alertName of template cpu failed at"
                + " templates/cpu.yaml:8:18: printf's format does not fit its arguments: Go prints"
                + " %!d(string=50%!(NOVERB)) into the output");
    assertThat(compilation.alerts()).isEmpty();
  }

  @Test
  void paramUsedButSuppliedByNoSourceRendersEmptyWithAWarning() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/cpu.yaml",
                template(
                    "payments",
                    "cpu",
                    CPU_TEMPLATE_SPEC.replace(
                        "target: ops@example.com", "target: \"{{ .team }}@example.com\"")))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
            globalParams: {app: a, taem: payments}
            alerts:
              cpu: {}
            """))
            .compile();

    assertThat(lines(compilation, "template/unknown-param"))
        .containsExactly(
            "apps/a.yaml:9:5: warning [template/unknown-param] template cpu uses param 'team' (at templates/cpu.yaml:14:15),"
                + " but no source supplies it for this entry, and keikoproj would render it as an empty string; add it to"
                + " params or globalParams, or give the template a default (did you mean 'taem'?)");
    assertThat(lines(compilation, "template/misspelled-param"))
        .containsExactly(
            "apps/a.yaml:7:26: error [template/misspelled-param] global param 'taem' is not exported by"
                + " any template of AlertsConfig 'a'; did you mean 'team'?");
    assertThat(lines(compilation, "template/unused-param")).isEmpty();
    // keikoproj renders the missing param as nothing; the misspelt globalParam still fails the run
    assertThat(compilation.invalidAlerts()).isEmpty();
    assertThat(compilation.alerts())
        .singleElement()
        .satisfies(
            alert -> assertThat(alert.spec().get("target").asText()).isEqualTo("@example.com"));
  }

  @Test
  void aMisspeltEntryParamIsAnErrorAndAnUnusedOneAWarningEachAtItsKey() {
    Compilation compilation =
        repository
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
        alerts:
          cpu:
            params:
              app: a
              treshold: "90"
              owner: payments
        """))
            .compile();

    assertThat(lines(compilation, "template/misspelled-param"))
        .containsExactly(
            "apps/a.yaml:11:9: error [template/misspelled-param] param 'treshold' is not exported by"
                + " template 'cpu'; did you mean 'threshold'?");
    assertThat(lines(compilation, "template/unused-param"))
        .containsExactly(
            "apps/a.yaml:12:9: warning [template/unused-param] param 'owner' is not used by template cpu;"
                + " remove it or check its spelling");
    assertThat(compilation.alerts()).hasSize(1);
  }

  @Test
  void unknownTemplateSuggestsTheClosestNameOrTheOtherNamespace() {
    Compilation compilation =
        repository
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
            alerts:
              cpuu: {}
            """))
            .file(
                "apps/b.yaml",
                alertsConfig(
                    "b",
                    "checkout",
                    """
            alerts:
              cpu: {}
            """))
            .compile();

    assertThat(lines(compilation, "reference/unknown-template"))
        .containsExactly(
            "apps/a.yaml:8:5: error [reference/unknown-template] no WavefrontAlert template named 'cpuu' in namespace"
                + " payments; did you mean 'cpu'?",
            "apps/b.yaml:8:5: error [reference/unknown-template] no WavefrontAlert template named 'cpu' in namespace"
                + " checkout; one exists in namespace payments, but a template must be in the AlertsConfig's namespace"
                + " or in one of the sharedTemplateNamespaces of alertforge.yaml");
  }

  @Test
  void aStandaloneAlertCannotBeUsedAsATemplate() {
    Compilation compilation =
        repository
            .file(
                "standalone.yaml",
                template(
                    "payments",
                    "disk",
                    """
            alertType: CLASSIC
            alertName: disk
            condition: ts(disk) > 1
            displayExpression: ts(disk)
            severity: warn
            minutes: 1
            resolveAfterMinutes: 1
            """))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
            alerts:
              disk: {}
            """))
            .compile();

    assertThat(lines(compilation, "reference/standalone-template"))
        .singleElement()
        .asString()
        .startsWith(
            "apps/a.yaml:8:5: error [reference/standalone-template] WavefrontAlert payments/disk"
                + " (standalone.yaml:4:9) has no exportedParams");
  }

  @Test
  void aParamThatRendersAnInvalidSeverityIsReportedAtThatParam() {
    Compilation compilation =
        repository
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
        alerts:
          cpu:
            params: {app: a, severity: critical}
        """))
            .compile();

    assertThat(lines(compilation, "schema/enum"))
        .containsExactly(
            "apps/a.yaml:9:34: error [schema/enum] rendered alert payments/a.cpu: spec.severity is 'critical'; allowed:"
                + " severe, warn, info, smoke (from param 'severity' = 'critical' in the entry's params)");
    assertThat(compilation.alerts()).isEmpty();
  }

  @Test
  void anEmptyRenderedConditionIsCaughtAtTheDefaultThatCausedIt() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/t.yaml",
                template(
                    "payments",
                    "t",
                    """
            alertType: CLASSIC
            alertName: "{{ .app }}"
            condition: "{{ .query }}"
            displayExpression: x
            severity: warn
            minutes: 1
            resolveAfterMinutes: 1
            exportedParams: [app, query]
            exportedParamsDefaultValues:
              query: ""
            """))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "payments",
                    """
            alerts:
              t:
                params: {app: a}
            """))
            .compile();

    assertThat(lines(compilation, "schema/empty"))
        .containsExactly(
            "templates/t.yaml:16:12: error [schema/empty] rendered alert payments/a.t: spec.condition must not be empty"
                + " or blank (from param 'query' = '' in the default of template t)");
  }

  @Test
  void templateSyntaxErrorsPointAtTheCharacter() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/cpu.yaml",
                template(
                    "payments",
                    "cpu",
                    CPU_TEMPLATE_SPEC.replace("> {{ .threshold }}", "> {{ .threshold }")))
            .compile();

    assertThat(lines(compilation, "template/syntax"))
        .singleElement()
        .asString()
        .startsWith("templates/cpu.yaml:9:");
  }

  @Test
  void aStandaloneAlertWithBracesIsWarnedAboutAndSentLiterally() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "a.yaml",
                template(
                    "ns",
                    "disk",
                    """
        alertType: CLASSIC
        alertName: disk {{ .app }}
        condition: ts(disk) > 1
        displayExpression: ts(disk)
        severity: warn
        minutes: 1
        resolveAfterMinutes: 1
        """))
            .compile();

    assertThat(lines(compilation, "template/not-a-template"))
        .containsExactly(
            "a.yaml:8:19: warning [template/not-a-template] '{{' in a standalone WavefrontAlert (no exportedParams) is"
                + " sent to Wavefront literally; make it a template with exportedParams, or remove the braces");
    assertThat(alert(compilation, "ns/disk").alertName()).isEqualTo("disk {{ .app }}");
  }

  @Test
  void missingAlertTypeRendersClassicWithAWarning() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "a.yaml",
                template(
                    "ns",
                    "a",
                    """
            alertName: a
            condition: ts(a) > 1
            displayExpression: ts(a)
            severity: warn
            minutes: 1
            resolveAfterMinutes: 1
            """))
            .compile();

    assertThat(lines(compilation, "alert/missing-alert-type"))
        .singleElement()
        .asString()
        .startsWith("a.yaml:6:1: warning [alert/missing-alert-type]");
    assertThat(alert(compilation, "ns/a").spec().get("alertType").asText()).isEqualTo("CLASSIC");
  }

  @Test
  void thresholdConditionsAndTargetsRenderPerSeverityInSeverityOrder() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/disk.yaml",
                template(
                    "ns",
                    "disk",
                    """
            alertType: THRESHOLD
            alertName: "{{ .app }} disk"
            conditions:
              warn: ts(disk, app="{{ .app }}") > {{ .warnAt }}
              severe: ts(disk, app="{{ .app }}") > 95
            displayExpression: ts(disk, app="{{ .app }}")
            minutes: 5
            resolveAfterMinutes: 5
            targets:
              severe: "pd:{{ .pd }}"
            exportedParams: [app, warnAt, pd]
            exportedParamsDefaultValues: {warnAt: "90"}
            """))
            .file(
                "apps/a.yaml",
                alertsConfig(
                    "a",
                    "ns",
                    """
            alerts:
              disk:
                params: {app: a, pd: key-a}
            """))
            .compile();

    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(alert(compilation, "ns/a.disk").spec().toString())
        .isEqualTo(
            "{\"alertType\":\"THRESHOLD\",\"alertName\":\"a disk\","
                + "\"conditions\":{\"severe\":\"ts(disk, app=\\\"a\\\") > 95\","
                + "\"warn\":\"ts(disk, app=\\\"a\\\") > 90\"},"
                + "\"displayExpression\":\"ts(disk, app=\\\"a\\\")\",\"minutes\":5,"
                + "\"resolveAfterMinutes\":5,\"targets\":{\"severe\":\"pd:key-a\"}}");
  }

  @Test
  void aMissingParamInOneConditionIsReportedAtThatConditionAndLeavesOnlyItOut() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/disk.yaml",
                template(
                    "ns",
                    "disk",
                    """
            alertType: THRESHOLD
            alertName: "{{ .app }} disk"
            conditions:
              severe: ts(disk, app="{{ .app }}") > 95
              warn: ts(disk, app="{{ .app }}") > {{ .warnAt }}
            displayExpression: ts(disk, app="{{ .app }}")
            minutes: 5
            resolveAfterMinutes: 5
            exportedParams: [app, warnAt]
            """))
            .file("apps/a.yaml", alertsConfig("a", "ns", "alerts:\n  disk:\n    params: {app: a}"))
            .compile();

    assertThat(lines(compilation, "template/missing-param"))
        .singleElement()
        .asString()
        .contains("warnAt");
  }

  @Test
  void fieldsOfTheOtherAlertTypeAreErrorsAtTheField() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "b.yaml",
                template(
                    "ns",
                    "b",
                    """
            alertType: THRESHOLD
            alertName: b
            condition: ts(b) > 1
            displayExpression: ts(b)
            severity: warn
            minutes: 1
            resolveAfterMinutes: 1
            """))
            .file(
                "c.yaml",
                template(
                    "ns",
                    "c",
                    """
            alertType: CLASSIC
            alertName: c
            condition: ts(c) > 1
            conditions:
              critical: ts(c) > 2
            displayExpression: ts(c)
            severity: warn
            minutes: 1
            resolveAfterMinutes: 1
            """))
            .compile();

    assertThat(lines(compilation, "schema/alert-type-field"))
        .containsExactly(
            "b.yaml:9:3: error [schema/alert-type-field] spec.condition is not used by alertType"
                + " THRESHOLD, whose condition is its displayExpression: write conditions and"
                + " targets per severity (severe, warn, info, smoke)",
            "b.yaml:11:3: error [schema/alert-type-field] spec.severity is not used by alertType"
                + " THRESHOLD, whose condition is its displayExpression: write conditions and"
                + " targets per severity (severe, warn, info, smoke)",
            "c.yaml:10:3: error [schema/alert-type-field] spec.conditions is only for alertType"
                + " THRESHOLD: set alertType: THRESHOLD, or write a condition, severity and target");
    assertThat(lines(compilation, "schema/required"))
        .singleElement()
        .asString()
        .contains("missing required field 'conditions' in spec");
    assertThat(lines(compilation, "schema/unknown-field"))
        .singleElement()
        .asString()
        .contains("unknown field 'critical' in spec.conditions");
  }

  @Test
  void twoAlertsWithOneWavefrontNameAreBothReported() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "templates/cpu.yaml",
                template(
                    "payments",
                    "cpu",
                    CPU_TEMPLATE_SPEC.replace("\"{{ .app }} cpu high\"", "cpu high")))
            .file(
                "apps/a.yaml",
                alertsConfig("a", "payments", "alerts:\n  cpu: {params: {app: a}}\n"))
            .file(
                "apps/b.yaml",
                alertsConfig("b", "payments", "alerts:\n  cpu: {params: {app: b}}\n"))
            .compile();

    assertThat(lines(compilation, "alert/duplicate-name"))
        .containsExactly(
            "templates/cpu.yaml:8:14: error [alert/duplicate-name] Wavefront alertName 'cpu high' of payments/a.cpu is also rendered"
                + " by payments/b.cpu (apps/b.yaml:8:5); put a param such as the app or cluster in alertName",
            "templates/cpu.yaml:8:14: error [alert/duplicate-name] Wavefront alertName 'cpu high' of payments/b.cpu is also rendered"
                + " by payments/a.cpu (apps/a.yaml:8:5); put a param such as the app or cluster in alertName");
  }

  @Test
  void twoObjectsWithOneNameAreReported() {
    Compilation compilation =
        repository
            .file(
                "standalone.yaml",
                template(
                    "payments",
                    "a.cpu",
                    """
            alertType: CLASSIC
            alertName: standalone
            condition: ts(x) > 1
            displayExpression: ts(x)
            severity: warn
            minutes: 1
            resolveAfterMinutes: 1
            """))
            .file(
                "apps/a.yaml",
                alertsConfig("a", "payments", "alerts:\n  cpu: {params: {app: a}}\n"))
            .file(
                "apps/again.yaml",
                alertsConfig("a", "payments", "alerts:\n  cpu: {params: {app: a}}\n"))
            .compile();

    assertThat(lines(compilation, "alert/duplicate-resource"))
        .containsExactly(
            "apps/a.yaml:8:5: error [alert/duplicate-resource] rendered WavefrontAlert payments/a.cpu is also produced at"
                + " standalone.yaml:4:9; rename the standalone alert or the AlertsConfig",
            "apps/again.yaml:4:9: error [alert/duplicate-resource] AlertsConfig payments/a is also defined at"
                + " apps/a.yaml:4:9; rename one of them",
            "standalone.yaml:4:9: error [alert/duplicate-resource] rendered WavefrontAlert payments/a.cpu is also produced"
                + " at apps/a.yaml:8:5; rename the standalone alert or the AlertsConfig");
  }

  @Test
  void longInstanceNamesAreShortenedWithAHash() {
    String longName = "a".repeat(200);
    String longTemplate = "t".repeat(100);
    Compilation compilation =
        new TestRepository(root)
            .file("t.yaml", template("ns", longTemplate, CPU_TEMPLATE_SPEC))
            .file(
                "c.yaml",
                alertsConfig(
                    longName, "ns", "alerts:\n  " + longTemplate + ": {params: {app: a}}\n"))
            .compile();

    RenderedAlert rendered = compilation.alerts().get(0);
    assertThat(rendered.name()).hasSize(253).startsWith(longName + ".t").matches(".*-[0-9a-f]{10}");
  }

  @Test
  void namespacesComeFromTheDocumentOrTheRepositoryDefault() {
    Compilation compilation =
        new TestRepository(root)
            .file("alertforge.yaml", "defaultNamespace: team-a\n")
            .file("t.yaml", template("ns", "t", CPU_TEMPLATE_SPEC).replace("  namespace: ns\n", ""))
            .file(
                "c.yaml",
                alertsConfig("c", "ns", "alerts:\n  t: {params: {app: a}}\n")
                    .replace("  namespace: ns\n", ""))
            .compile();

    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation.alerts())
        .extracting(RenderedAlert::qualifiedName)
        .containsExactly("team-a/c.t");
  }

  @Test
  void aDocumentWithoutNamespaceNeedsADefault() {
    Compilation compilation =
        new TestRepository(root)
            .file("t.yaml", template("ns", "t", CPU_TEMPLATE_SPEC).replace("  namespace: ns\n", ""))
            .compile();

    assertThat(lines(compilation, "metadata/missing-namespace"))
        .containsExactly(
            "t.yaml:3:1: error [metadata/missing-namespace] WavefrontAlert t has no metadata.namespace; set it, or set"
                + " defaultNamespace in alertforge.yaml");
  }

  @Test
  void unknownKeysInTheRepositoryConfigAreErrors() {
    Compilation compilation =
        new TestRepository(root).file("alertforge.yaml", "defaultNamespce: a\n").compile();

    assertThat(lines(compilation, "schema/unknown-field"))
        .containsExactly(
            "alertforge.yaml:1:1: error [schema/unknown-field] unknown field 'defaultNamespce' in the document;"
                + " did you mean 'defaultNamespace'?");
  }

  @Test
  void otherKubernetesObjectsAreIgnoredButUnknownKindsOfOurGroupAreNot() {
    Compilation compilation =
        new TestRepository(root)
            .file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
            .file(
                "other.yaml",
                "apiVersion: alertmanager.keikoproj.io/v1beta1\nkind: WavefrontAlert\n")
            .file("values.yml", "replicas: 3\n")
            .compile();

    assertThat(compilation.diagnostics())
        .extracting(d -> d.format())
        .containsExactly(
            "cm.yaml:1:1: info [input/ignored-document] ignored ConfigMap (v1): not an alert",
            "other.yaml:1:13: error [schema/api-version] unknown alertmanager.keikoproj.io/v1beta1 WavefrontAlert:"
                + " AlertForge reads alertmanager.keikoproj.io/v1alpha1 WavefrontAlert and AlertsConfig",
            "values.yml:1:1: info [input/ignored-document] ignored a YAML document that is not a Kubernetes object"
                + " (no apiVersion and kind)");
  }
}
