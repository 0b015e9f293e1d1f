package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.lines;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the policy pack: where it fires, with positions; its options and scope. */
class LintRulesTest {

  @TempDir Path root;
  private TestRepository repository;

  @BeforeEach
  void cpuTemplate() {
    repository =
        new TestRepository(root)
            .file("payments/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC));
  }

  /** An AlertsConfig with one entry, of template cpu, with these params (a flow map). */
  static String config(String name, String namespace, String params) {
    return TestRepository.alertsConfig(name, namespace, "alerts:\n  cpu:\n    params: " + params);
  }

  /** Template q of payments with this condition, its displayExpression reading metric cpu. */
  private static String queryTemplate(String condition) {
    return template(
        "payments",
        "q",
        """
        alertType: CLASSIC
        alertName: q
        condition: %s
        displayExpression: ts(cpu, env="{{ .env }}")
        severity: warn
        minutes: 5
        resolveAfterMinutes: 5
        target: ops@example.com
        exportedParams: [env]
        """
            .formatted(condition));
  }

  private Compilation compile(String alertforgeYaml) {
    return repository.file("alertforge.yaml", alertforgeYaml).compile();
  }

  private static List<String> all(Compilation compilation) {
    return compilation.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void metricAllowlistChecksQuotedWildcardAndRegexMetricsPerNamespace() {
    repository.file(
        "payments/q.yaml",
        queryTemplate(
            "ts(\"billing.revenue\") + ts(kube*) + ts(/cpu.*/, env=prod) + ts(~alert.x) > 1"));
    repository.file("payments/a.yaml", config("a", "payments", "{app: a}"));
    repository.file(
        "payments/b.yaml",
        """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata: {name: b, namespace: payments}
        spec:
          alerts:
            q: {params: {env: prod}}
        """);
    Compilation compilation =
        compile(
            """
            rules:
              policy/metric-allowlist:
                options:
                  deny: ["~*"]
                  namespaces:
                    payments: {allow: ["cpu", "kubernetes.*"]}
            """);
    assertThat(lines(compilation, "policy/metric-allowlist"))
        .containsExactly(
            "payments/q.yaml:9:18: error [policy/metric-allowlist] condition reads metric 'billing.revenue', which is"
                + " not on the allow list (cpu, kubernetes.*) for namespace payments; query an allowed metric, or add"
                + " it to rules.policy/metric-allowlist in alertforge.yaml (rendered alert payments/b.q, from the"
                + " AlertsConfig entry at payments/b.yaml:6:5)",
            "payments/q.yaml:9:41: error [policy/metric-allowlist] condition reads metric 'kube*', which is not on the"
                + " allow list (cpu, kubernetes.*) for namespace payments; query an allowed metric, or add it to"
                + " rules.policy/metric-allowlist in alertforge.yaml (rendered alert payments/b.q, from the"
                + " AlertsConfig entry at payments/b.yaml:6:5)",
            "payments/q.yaml:9:53: error [policy/metric-allowlist] condition reads metric '/cpu.*/', which is a regular"
                + " expression that cannot be checked against the allow list (cpu, kubernetes.*) for namespace"
                + " payments; query an allowed metric, or add it to rules.policy/metric-allowlist in alertforge.yaml"
                + " (rendered alert payments/b.q, from the AlertsConfig entry at payments/b.yaml:6:5)",
            "payments/q.yaml:9:77: error [policy/metric-allowlist] condition reads metric '~alert.x', which is denied"
                + " for namespace payments; query an allowed metric, or add it to rules.policy/metric-allowlist in"
                + " alertforge.yaml (rendered alert payments/b.q, from the AlertsConfig entry at payments/b.yaml:6:5)");
  }

  @Test
  void aQueryThatIsNotWqlIsAFindingAtTheOffendingTextNotACrash() {
    repository.file("payments/q.yaml", queryTemplate("'ts(\"'"));
    repository.file(
        "payments/b.yaml", config("b", "payments", "{env: prod}").replace("cpu:", "q:"));
    Compilation compilation =
        compile(
            """
            rules:
              policy/metric-allowlist:
                options: {allow: ["cpu"]}
              policy/threshold-bounds:
                options: {bounds: [{metric: "*", max: 100}]}
            """);

    assertThat(lines(compilation, "policy/metric-allowlist"))
        .containsExactly(
            "payments/q.yaml:9:18: error [policy/metric-allowlist] condition is not valid WQL"
                + " (unterminated quoted string at line 1, column 4), so the metrics it reads cannot"
                + " be checked for namespace payments; fix the query (rendered alert payments/b.q,"
                + " from the AlertsConfig entry at payments/b.yaml:8:5)");
    assertThat(lines(compilation, "policy/threshold-bounds")).isEmpty();
  }

  /** The findings of policy/threshold-bounds on template q with this condition, for param env. */
  private List<String> thresholdFindings(String condition, String bounds) {
    repository
        .file("payments/q.yaml", queryTemplate(condition))
        .file("payments/b.yaml", config("b", "payments", "{env: prod}").replace("cpu:", "q:"));
    Compilation compilation =
        compile("rules:\n  policy/threshold-bounds:\n    options: {bounds: " + bounds + "}\n");
    return lines(compilation, "policy/threshold-bounds").stream()
        .map(line -> line.substring(0, line.indexOf(", outside")))
        .toList();
  }

  @Test
  void thresholdBoundsComparesEachConstantWithTheMetricOfItsOwnComparison() {
    assertThat(
            thresholdFindings(
                "ts(a) > 99 or ts(b) > 1", "[{metric: a, max: 50}, {metric: b, min: 5}]"))
        .containsExactly(
            "payments/q.yaml:9:22: warning [policy/threshold-bounds] condition compares a with 99",
            "payments/q.yaml:9:36: warning [policy/threshold-bounds] condition compares b with 1");
  }

  @Test
  void numbersInMetricNamesFiltersAndWindowsAreNotThresholds() {
    // 5 (http.5xx), 500 (the filter), 95 (the window) and 2 (the multiplier) are all out of range
    assertThat(
            thresholdFindings(
                "mavg(95m, ts(http.5xx, status=500 and code=\"5*\")) * 2 > 10",
                "[{metric: \"http.*\", min: 8, max: 20}]"))
        .isEmpty();
    assertThat(
            thresholdFindings(
                "mavg(95m, ts(http.5xx, status=500)) > 70", "[{metric: \"http.*\", max: 20}]"))
        .containsExactly(
            "payments/q.yaml:9:52: warning [policy/threshold-bounds] condition compares http.5xx"
                + " with 70");
  }

  @Test
  void aConstantOnTheLeftOrNegativeIsAThresholdButAComparisonOfTwoSeriesIsNot() {
    assertThat(
            thresholdFindings(
                "-5 > ts(temp) or ts(temp) < ts(floor) or 3 > 2", "[{metric: temp, min: 0}]"))
        .containsExactly(
            "payments/q.yaml:9:14: warning [policy/threshold-bounds] condition compares temp"
                + " with -5");
  }

  /** A THRESHOLD template t of payments: a condition per severity, written warn first. */
  private void thresholdTemplate() {
    repository
        .file(
            "payments/t.yaml",
            template(
                "payments",
                "t",
                """
                alertType: THRESHOLD
                alertName: t
                conditions:
                  warn: ts(disk, env="{{ .env }}") > 120
                  severe: ts(billing.revenue) > 99
                displayExpression: ts(disk, env="{{ .env }}")
                minutes: 5
                resolveAfterMinutes: 5
                exportedParams: [env]
                """))
        .file("payments/b.yaml", config("b", "payments", "{env: prod}").replace("cpu:", "t:"));
  }

  @Test
  void thresholdBoundsChecksEveryConditionOfAThresholdAlertNamingItsSeverity() {
    thresholdTemplate();
    Compilation compilation =
        compile(
            "rules:\n  policy/threshold-bounds:\n    options: {bounds: [{metric: disk, max: 100},"
                + " {metric: billing.revenue, max: 50}]}\n");

    assertThat(lines(compilation, "policy/threshold-bounds"))
        .extracting(line -> line.substring(0, line.indexOf(", outside")))
        .containsExactly(
            "payments/t.yaml:10:40: warning [policy/threshold-bounds] conditions.warn compares"
                + " disk with 120",
            "payments/t.yaml:11:35: warning [policy/threshold-bounds] conditions.severe compares"
                + " billing.revenue with 99");
  }

  @Test
  void metricAllowlistReadsEveryConditionOfAThresholdAlert() {
    thresholdTemplate();
    Compilation compilation =
        compile("rules:\n  policy/metric-allowlist:\n    options: {allow: [disk]}\n");

    assertThat(lines(compilation, "policy/metric-allowlist"))
        .singleElement()
        .asString()
        .startsWith(
            "payments/t.yaml:11:16: error [policy/metric-allowlist] conditions.severe reads metric"
                + " 'billing.revenue', which is not on the allow list (disk)");
  }

  @Test
  void paramInjectionChecksAValueInsertedIntoEveryCondition() {
    thresholdTemplate();
    repository.file(
        "payments/b.yaml",
        config("b", "payments", "{env: 'prod\") or ts(\"billing.revenue'}").replace("cpu:", "t:"));
    Compilation compilation = compile("");

    assertThat(lines(compilation, "security/param-injection"))
        .singleElement()
        .asString()
        .contains("(from the entry's params, used in conditions.warn) has '\"'");
  }

  @Test
  void metricAllowlistReadsSelectorsNotFilterValuesOrFunctionNames() {
    repository
        .file(
            "payments/q.yaml",
            queryTemplate(
                "sum(ts(cpu, source=billing.revenue and tag=\"kube*\"), env) + mavg(5m,"
                    + " retainSeries(ts(cpu), billing.revenue)) > 1"))
        .file("payments/b.yaml", config("b", "payments", "{env: prod}").replace("cpu:", "q:"));
    Compilation compilation =
        compile("rules:\n  policy/metric-allowlist:\n    options: {allow: [cpu]}\n");
    assertThat(lines(compilation, "policy/metric-allowlist"))
        .singleElement()
        .asString()
        .startsWith(
            "payments/q.yaml:9:105: error [policy/metric-allowlist] condition reads metric"
                + " 'billing.revenue', which is not on the allow list (cpu)");
  }

  @Test
  void requiredTagsAndTheTagCharset() {
    repository.file("payments/a.yaml", config("a", "payments", "{app: a b}"));
    Compilation compilation =
        compile(
            """
            rules:
              policy/required-tags:
                options:
                  required: ["service:*"]
                  namespaces: {payments: {required: ["team:*"]}}
            """);

    assertThat(lines(compilation, "policy/required-tags"))
        .containsExactly(
            "payments/a.yaml:9:22: error [policy/required-tags] tag 'service:a b' has a space, which Wavefront does not"
                + " allow in tags; use only letters, digits and _ : . - (rendered alert payments/a.cpu, from the"
                + " AlertsConfig entry at payments/a.yaml:8:5)",
            "payments/cpu.yaml:16:5: error [policy/required-tags] no tag matches 'team:*', which namespace payments"
                + " requires (policy/required-tags in alertforge.yaml); add such a tag (rendered alert payments/a.cpu,"
                + " from the AlertsConfig entry at payments/a.yaml:8:5)");
  }

  @Test
  void teamACannotPageTeamB() {
    repository
        .file("payments/a.yaml", config("a", "payments", "{app: a}"))
        .file("checkout/cpu.yaml", template("checkout", "cpu", CPU_TEMPLATE_SPEC))
        .file("checkout/b.yaml", config("b", "checkout", "{app: b}"));
    Compilation compilation =
        compile(
            """
            rules:
              policy/notification-targets:
                options:
                  namespaces:
                    payments: {allow: ["*@example.com"]}
            """);

    assertThat(lines(compilation, "policy/notification-targets"))
        .containsExactly(
            "checkout/cpu.yaml:14:11: error [policy/notification-targets] target 'ops@example.com' is not approved for"
                + " namespace checkout, which has no approved targets; notify your own team's targets, or approve this"
                + " one in rules.policy/notification-targets of alertforge.yaml (rendered alert checkout/b.cpu, from"
                + " the AlertsConfig entry at checkout/b.yaml:8:5)");
  }

  @Test
  void alertFatigueBoundsSevereWithoutTargetAndTheNamespaceLimit() {
    repository
        .file(
            "payments/severe.yaml",
            template(
                "payments",
                "severe",
                """
                alertType: CLASSIC
                alertName: severe
                condition: ts(cpu) > 1
                displayExpression: ts(cpu)
                severity: severe
                minutes: 90
                resolveAfterMinutes: 1
                """))
        .file("payments/a.yaml", config("a", "payments", "{app: a}"));
    Compilation compilation =
        compile(
            """
            rules:
              policy/alert-fatigue:
                options:
                  minutes: {max: 60}
                  maxAlertsPerNamespace: 1
            """);

    assertThat(lines(compilation, "policy/alert-fatigue"))
        .containsExactly(
            "payments/severe.yaml:4:9: warning [policy/alert-fatigue] namespace payments has more than"
                + " maxAlertsPerNamespace (1) alerts from here on; merge similar alerts, or raise the limit (alert"
                + " payments/severe)",
            "payments/severe.yaml:11:13: warning [policy/alert-fatigue] a severe alert without a target notifies"
                + " nobody; add a target (alert payments/severe)",
            "payments/severe.yaml:12:12: warning [policy/alert-fatigue] minutes is 90, outside 2..60; choose a value"
                + " in that range (policy/alert-fatigue in alertforge.yaml) (alert payments/severe)",
            "payments/severe.yaml:13:24: warning [policy/alert-fatigue] resolveAfterMinutes is 1, outside 2..1440;"
                + " choose a value in that range (policy/alert-fatigue in alertforge.yaml) (alert payments/severe)");
  }

  private static String thresholdAlert(String name, String targets) {
    return template(
        "payments",
        name,
        """
        alertType: THRESHOLD
        alertName: %s
        conditions:
          severe: ts(cpu) > 9
          info: ts(cpu) > 1
        displayExpression: ts(cpu)
        minutes: 5
        resolveAfterMinutes: 5
        %s
        """
            .formatted(name, targets));
  }

  @Test
  void alertFatigueWantsATargetForASevereConditionAndNoPagingInfoTarget() {
    repository
        .file("payments/t1.yaml", thresholdAlert("t1", ""))
        .file(
            "payments/t2.yaml",
            thresholdAlert("t2", "targets:\n  info: a@example.com, pd:k\n  warn: pd:w"));
    Compilation compilation = compile("rules:\n  policy/alert-fatigue: {}\n");

    assertThat(lines(compilation, "policy/alert-fatigue"))
        .containsExactly(
            "payments/t1.yaml:10:13: warning [policy/alert-fatigue] a severe condition without any"
                + " target notifies nobody; add targets (alert payments/t1)",
            "payments/t2.yaml:16:26: warning [policy/alert-fatigue] its info target pages through"
                + " PagerDuty (pd:k); notify by email or a target: id, or raise the severity (alert"
                + " payments/t2)");
  }

  @Test
  void thresholdBoundsPointAtTheParamOrTheTemplateText() {
    repository
        .file("payments/a.yaml", config("a", "payments", "{app: a, threshold: \"40\"}"))
        .file("payments/b.yaml", config("b", "payments", "{app: b}"));
    Compilation compilation =
        compile(
            """
            rules:
              policy/threshold-bounds:
                options:
                  bounds: [{metric: cpu, min: 50, max: 79}]
            """);

    assertThat(lines(compilation, "policy/threshold-bounds"))
        .containsExactly(
            "payments/a.yaml:9:36: warning [policy/threshold-bounds] condition compares cpu with 40, outside the"
                + " documented range (50..79) for cpu; use a standard threshold, or change policy/threshold-bounds in"
                + " alertforge.yaml after review (rendered alert payments/a.cpu, from the AlertsConfig entry at"
                + " payments/a.yaml:8:5)",
            "payments/cpu.yaml:22:17: warning [policy/threshold-bounds] condition compares cpu with 80, outside the"
                + " documented range (50..79) for cpu; use a standard threshold, or change policy/threshold-bounds in"
                + " alertforge.yaml after review (rendered alert payments/b.cpu, from the AlertsConfig entry at"
                + " payments/b.yaml:8:5)");
  }

  @Test
  void aTemplateMayWidenOneParamWithADeclaredPattern() {
    repository
        .file(
            "payments/cpu.yaml",
            template("payments", "cpu", CPU_TEMPLATE_SPEC)
                .replace(
                    "  namespace: payments\n",
                    "  namespace: payments\n  annotations:\n    alertforge.io/param-pattern.app: '[a-z]+( [a-z]+)?'\n"))
        .file("payments/a.yaml", config("a", "payments", "{app: a b}"))
        .file("payments/b.yaml", config("b", "payments", "{app: \"b(\"}"));
    Compilation compilation = compile("{}\n");

    assertThat(lines(compilation, "security/param-injection"))
        .containsExactly(
            "payments/b.yaml:9:22: error [security/param-injection] param 'app' = 'b(' (from the entry's params, used in"
                + " condition) does not match the pattern '[a-z]+( [a-z]+)?' that template cpu declares for it"
                + " (rendered alert payments/b.cpu, from the AlertsConfig entry at payments/b.yaml:8:5)");
  }

  @Test
  void keikoprojManglingIsReportedInAnyFieldUnlessTurnedOff() {
    repository
        .file(
            "payments/note.yaml",
            template(
                "payments",
                "note",
                """
                alertType: CLASSIC
                alertName: note
                condition: ts(cpu) > 1
                displayExpression: ts(cpu)
                severity: warn
                minutes: 5
                resolveAfterMinutes: 5
                target: ops@example.com
                description: "{{ .note }}"
                exportedParams: [note]
                """))
        .file(
            "payments/a.yaml",
            """
            apiVersion: alertmanager.keikoproj.io/v1alpha1
            kind: AlertsConfig
            metadata: {name: a, namespace: payments}
            spec:
              alerts:
                note: {params: {note: "p99 > 2s"}}
            """);
    assertThat(lines(compile("{}\n"), "security/param-injection"))
        .containsExactly(
            "payments/a.yaml:6:32: error [security/param-injection] param 'note' = 'p99 > 2s' (from the entry's"
                + " params, used in description) has '>', which keikoproj's controller would change (html/template"
                + " escapes it to &gt;); avoid it, or set the rule's option keikoproj: false if only AlertForge's"
                + " rendered output is applied (rendered alert payments/a.note, from the AlertsConfig entry at"
                + " payments/a.yaml:6:5)");
    assertThat(
            lines(
                compile("rules:\n  security/param-injection:\n    options: {keikoproj: false}\n"),
                "security/param-injection"))
        .isEmpty();
  }

  @Test
  void secretsAnywhereAreReportedWithoutPrintingThem() {
    String token = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    repository
        .file("docs/setup.md", "Use the token\n\n    export WF=" + token + "\n")
        .file(
            "secrets/wf.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: wf, namespace: ops}
            data:
              token: c2VjcmV0
            """)
        .file("scripts/ci.sh", "API_KEY=\"ab12cd34ef56gh78ij90\"\n");
    Compilation compilation = compile("{}\n");

    assertThat(lines(compilation, "security/secret-in-repo"))
        .containsExactly(
            "docs/setup.md:3:15: error [security/secret-in-repo] a UUID-like string, the form of a Wavefront API token"
                + " (36 characters, not shown); never commit credentials: keep them in a Secret created outside Git"
                + " and rotate this one if it is real",
            "scripts/ci.sh:1:10: error [security/secret-in-repo] a value assigned to a token, secret, password or API"
                + " key (20 characters, not shown); never commit credentials: keep them in a Secret created outside"
                + " Git and rotate this one if it is real",
            "secrets/wf.yaml:4:1: error [security/secret-in-repo] Secret wf has data with 1 key(s) (values not shown);"
                + " keep Secret manifests with data out of Git: create them in the cluster or with an external secret"
                + " manager");
    assertThat(compilation.diagnostics().toString())
        .doesNotContain(token)
        .doesNotContain("ab12cd34ef56gh78ij90")
        .doesNotContain("c2VjcmV0");
  }

  @Test
  void namespaceIsolationAndSharedTemplateNamespaces() {
    repository
        .file("shared/cpu.yaml", template("platform", "disk", CPU_TEMPLATE_SPEC))
        .file("payments/a.yaml", config("a", "payments", "{app: a}"))
        .file(
            "payments/b.yaml",
            """
            apiVersion: alertmanager.keikoproj.io/v1alpha1
            kind: AlertsConfig
            metadata: {name: b, namespace: checkout}
            spec:
              alerts:
                disk: {params: {app: b}}
            """);
    Compilation compilation =
        compile(
            """
            namespaces:
              payments: ["payments/**"]
              platform: ["shared/*.yaml"]
            sharedTemplateNamespaces: [platform]
            """);

    assertThat(all(compilation))
        .containsExactly(
            "payments/b.yaml:3:32: error [namespace/isolation] AlertsConfig b is in namespace checkout, which has no"
                + " owner in the namespaces of alertforge.yaml; add it there with the paths its team may write; this"
                + " path may write namespace payments");
    assertThat(compilation.alerts().stream().map(a -> a.qualifiedName()))
        .containsExactly("checkout/b.disk", "payments/a.cpu");
  }

  @Test
  void unknownRulesAndOptionsInAlertforgeYamlAreErrorsWithSuggestions() {
    Compilation compilation =
        compile(
            """
            locked: [security/secret-in-repo]
            rules:
              policy/metric-alowlist: {}
              policy/alert-fatigue:
                options: {minutess: {min: 1}}
              schema/required: {enabled: false}
            """);

    assertThat(all(compilation))
        .containsExactly(
            "alertforge.yaml:3:3: error [schema/unknown-field] unknown field 'policy/metric-alowlist' in rules; did you"
                + " mean 'policy/metric-allowlist'?",
            "alertforge.yaml:5:15: error [schema/unknown-field] unknown field 'minutess' in"
                + " rules.policy/alert-fatigue.options; did you mean 'minutes'?",
            "alertforge.yaml:6:3: error [schema/unknown-field] unknown field 'schema/required' in rules; known"
                + " fields: alert/duplicate-name, alert/missing-alert-type, alert/renamed-from, input/ignored-document, input/symlink,"
                + " namespace/isolation, policy/alert-fatigue, policy/metric-allowlist, policy/notification-targets,"
                + " policy/required-tags, policy/threshold-bounds, security/param-injection, security/secret-in-repo,"
                + " suppression/expired, suppression/missing-reason, suppression/unused,"
                + " template/misspelled-param, template/not-a-template, template/unknown-param, template/unused-param");
  }

  @Test
  void rulesCanBeDisabledRegradedAndScopedByPathAndNamespace() {
    repository
        .file("payments/a.yaml", config("a", "payments", "{app: a, threshold: \"99\"}"))
        .file("legacy/cpu.yaml", template("legacy", "cpu", CPU_TEMPLATE_SPEC))
        .file("legacy/b.yaml", config("b", "legacy", "{app: b, threshold: \"99\"}"));
    String bounds = "    options: {bounds: [{metric: cpu, max: 95}]}\n";

    assertThat(
            lines(
                compile(
                    "rules:\n  policy/threshold-bounds:\n    severity: error\n    namespaces: [payments]\n"
                        + bounds),
                "policy/threshold-bounds"))
        .singleElement()
        .asString()
        .startsWith("payments/a.yaml:9:36: error [policy/threshold-bounds]");
    assertThat(
            lines(
                compile(
                    "rules:\n  policy/threshold-bounds:\n    paths: [\"legacy/**\"]\n" + bounds),
                "policy/threshold-bounds"))
        .singleElement()
        .asString()
        .startsWith("legacy/b.yaml:9:36: warning [policy/threshold-bounds]");
    assertThat(
            lines(
                compile("rules:\n  policy/threshold-bounds:\n    enabled: false\n" + bounds),
                "policy/threshold-bounds"))
        .isEmpty();
  }
}
