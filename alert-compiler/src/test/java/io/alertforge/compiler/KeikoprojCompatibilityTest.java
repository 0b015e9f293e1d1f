package io.alertforge.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.model.RenderedAlert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keikoproj/alert-manager's own samples, examples and docs (test resources {@code keikoproj/}, see
 * its README), each set compiled as one repository: AlertForge renders what keikoproj's controller
 * renders, refuses what it refuses, and reports exactly these lines.
 */
class KeikoprojCompatibilityTest {

  @TempDir Path root;

  /**
   * The set as keikoproj's docs apply it ({@code kubectl apply -n alert-manager-system}): objects
   * without a namespace land in alert-manager-system, the controller's namespace.
   */
  private Compilation compile(String set) throws Exception {
    Path source =
        Path.of(KeikoprojCompatibilityTest.class.getResource("/keikoproj/" + set).toURI());
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, root.resolve(file.getFileName().toString()));
      }
    }
    Files.writeString(root.resolve("alertforge.yaml"), "defaultNamespace: alert-manager-system\n");
    return TestRepository.COMPILER.compile(root);
  }

  /**
   * config/samples: every object valid for keikoproj. Five alerts render; alertsconfig-sample2
   * gives wavefrontalert-sample2 no targets, so its target renders empty (keikoproj: the missing
   * key prints nothing), a warning; both AlertsConfigs instantiate wavefrontalert-sample2, whose
   * alertName has no param, so two alerts are named test-alert3.
   */
  @Test
  void theSamplesRenderAsKeikoprojRendersThemWithTheDuplicateNameReported() throws Exception {
    Compilation compilation = compile("config/samples");

    assertThat(compilation.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "alertmanager_v1alpha1_alertsconfig.yaml:19:16: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (rendered alert alert-manager-system/alertsconfig-sample.wavefrontalert-sample4, from the AlertsConfig entry at alertmanager_v1alpha1_alertsconfig.yaml:17:7)",
            "alertmanager_v1alpha1_alertsconfig2.yaml:9:12: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (rendered alert alert-manager-system/alertsconfig-sample2.wavefrontalert-sample2, from the AlertsConfig entry at alertmanager_v1alpha1_alertsconfig2.yaml:20:7)",
            "alertmanager_v1alpha1_alertsconfig2.yaml:18:16: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (rendered alert alert-manager-system/alertsconfig-sample2.wavefrontalert-sample3, from the AlertsConfig entry at alertmanager_v1alpha1_alertsconfig2.yaml:15:7)",
            "alertmanager_v1alpha1_alertsconfig2.yaml:20:7: warning [template/unknown-param] template wavefrontalert-sample2 uses param 'targets' (at alertmanager_v1alpha1_wavefrontalert2.yaml:14:15), but no source supplies it for this entry, and keikoproj would render it as an empty string; add it to params or globalParams, or give the template a default",
            "alertmanager_v1alpha1_wavefrontalert.yaml:13:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert alert-manager-system/wavefrontalert-sample)",
            "alertmanager_v1alpha1_wavefrontalert2.yaml:8:14: error [alert/duplicate-name] Wavefront alertName 'test-alert3' of alert-manager-system/alertsconfig-sample.wavefrontalert-sample2 is also rendered by alert-manager-system/alertsconfig-sample2.wavefrontalert-sample2 (alertmanager_v1alpha1_alertsconfig2.yaml:20:7); put a param such as the app or cluster in alertName",
            "alertmanager_v1alpha1_wavefrontalert2.yaml:8:14: error [alert/duplicate-name] Wavefront alertName 'test-alert3' of alert-manager-system/alertsconfig-sample2.wavefrontalert-sample2 is also rendered by alert-manager-system/alertsconfig-sample.wavefrontalert-sample2 (alertmanager_v1alpha1_alertsconfig.yaml:12:7); put a param such as the app or cluster in alertName");
    assertThat(names(compilation.alerts()))
        .containsExactly(
            "alert-manager-system/alertsconfig-sample.wavefrontalert-sample2",
            "alert-manager-system/alertsconfig-sample.wavefrontalert-sample4",
            "alert-manager-system/alertsconfig-sample2.wavefrontalert-sample2",
            "alert-manager-system/alertsconfig-sample2.wavefrontalert-sample3",
            "alert-manager-system/wavefrontalert-sample");
    assertThat(names(compilation.invalidAlerts())).isEmpty();
    assertThat(specs(compilation.alerts()))
        .containsExactly(
            "alert-manager-system/alertsconfig-sample.wavefrontalert-sample2 {\"alertType\":\"CLASSIC\",\"alertName\":\"test-alert3\",\"condition\":\"avg(ts(status.health))\",\"displayExpression\":\"ts(ts(status.health))\",\"severity\":\"severe\",\"minutes\":50,\"resolveAfterMinutes\":5,\"target\":\"IKSMDev@intuit.com\",\"tags\":[\"test-alert\",\"something-weird\"]}",
            "alert-manager-system/alertsconfig-sample.wavefrontalert-sample4 {\"alertType\":\"CLASSIC\",\"alertName\":\"test-alert-sample4\",\"condition\":\"ts(status.health)\",\"displayExpression\":\"ts(status.health)\",\"severity\":\"severe\",\"minutes\":50,\"resolveAfterMinutes\":5,\"alertCheckFrequency\":5,\"tags\":[\"test-alert\",\"something-weird\"]}",
            "alert-manager-system/alertsconfig-sample2.wavefrontalert-sample2 {\"alertType\":\"CLASSIC\",\"alertName\":\"test-alert3\",\"condition\":\"avg(ts(status.health))\",\"displayExpression\":\"ts(ts(status.health))\",\"severity\":\"severe\",\"minutes\":50,\"resolveAfterMinutes\":5,\"target\":\"\",\"tags\":[\"test-alert\",\"something-weird\"]}",
            "alert-manager-system/alertsconfig-sample2.wavefrontalert-sample3 {\"alertType\":\"CLASSIC\",\"alertName\":\"test-alert4\",\"condition\":\"ts(status.health)\",\"displayExpression\":\"ts(status.health)\",\"severity\":\"severe\",\"minutes\":50,\"resolveAfterMinutes\":5,\"alertCheckFrequency\":5,\"tags\":[\"test-alert\",\"something-weird\"]}",
            "alert-manager-system/wavefrontalert-sample {\"alertType\":\"CLASSIC\",\"alertName\":\"test-alert2\",\"condition\":\"ts(status.health)\",\"displayExpression\":\"ts(status.health)\",\"severity\":\"severe\",\"minutes\":5,\"resolveAfterMinutes\":50,\"tags\":[\"test-alert\",\"something-weird\"]}");
  }

  /**
   * examples/: the seven standalone alerts are valid for keikoproj; its AlertsConfig is not
   * (integer and list params, which the API server refuses, and a template that does not exist).
   */
  @Test
  void theComprehensiveExampleRendersItsStandaloneAlertsAndRefusesItsAlertsConfig()
      throws Exception {
    Compilation compilation = compile("examples");

    assertThat(compilation.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "comprehensive-alerts.yaml:15:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/service-availability-alert)",
            "comprehensive-alerts.yaml:34:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/high-latency-alert)",
            "comprehensive-alerts.yaml:53:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/error-rate-alert)",
            "comprehensive-alerts.yaml:72:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/disk-space-alert)",
            "comprehensive-alerts.yaml:91:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/db-connections-alert)",
            "comprehensive-alerts.yaml:109:14: error [schema/type] spec.globalParams.minutes must be a string, found an integer 5; quote it: \"5\"",
            "comprehensive-alerts.yaml:110:26: error [schema/type] spec.globalParams.resolveAfterMinutes must be a string, found an integer 5; quote it: \"5\"",
            "comprehensive-alerts.yaml:113:5: error [reference/unknown-template] no WavefrontAlert template named 'memory-usage' in namespace default; add the template or fix the entry's name",
            "comprehensive-alerts.yaml:119:11: error [schema/type] spec.alerts.memory-usage.params.tags must be a string, found a list [\"memory\",\"kubernetes\",\"{{.Namespace}}\"]",
            "comprehensive-alerts.yaml:136:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/jvm-heap-alert)",
            "comprehensive-alerts.yaml:155:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/network-traffic-alert)");
    assertThat(names(compilation.alerts()))
        .containsExactly(
            "default/db-connections-alert",
            "default/disk-space-alert",
            "default/error-rate-alert",
            "default/high-latency-alert",
            "default/jvm-heap-alert",
            "default/network-traffic-alert",
            "default/service-availability-alert");
    assertThat(names(compilation.invalidAlerts())).isEmpty();
  }

  /**
   * hack/sample-*: the standalone alert is valid; the AlertsConfig has the same defects as the
   * example one.
   */
  @Test
  void theHackSamplesRenderTheStandaloneAlertAndRefuseTheAlertsConfig() throws Exception {
    Compilation compilation = compile("hack");

    assertThat(compilation.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "sample-alerts-config.yaml:13:14: error [schema/type] spec.globalParams.minutes must be a string, found an integer 5; quote it: \"5\"",
            "sample-alerts-config.yaml:14:26: error [schema/type] spec.globalParams.resolveAfterMinutes must be a string, found an integer 5; quote it: \"5\"",
            "sample-alerts-config.yaml:16:5: error [reference/unknown-template] no WavefrontAlert template named 'cpu-alert' in namespace default; add the template or fix the entry's name",
            "sample-alerts-config.yaml:22:11: error [schema/type] spec.alerts.cpu-alert.params.tags must be a string, found a list [\"kubernetes\",\"cpu\",\"{{.Namespace}}\"]",
            "sample-alerts-config.yaml:25:5: error [reference/unknown-template] no WavefrontAlert template named 'memory-alert' in namespace default; add the template or fix the entry's name",
            "sample-alerts-config.yaml:31:11: error [schema/type] spec.alerts.memory-alert.params.tags must be a string, found a list [\"kubernetes\",\"memory\",\"{{.Namespace}}\"]",
            "sample-wavefront-alert.yaml:13:14: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/sample-cpu-alert)");
    assertThat(names(compilation.alerts())).containsExactly("default/sample-cpu-alert");
    assertThat(names(compilation.invalidAlerts())).isEmpty();
  }

  /**
   * The docs' YAML: README's alert lacks the CRD-required displayExpression; quickstart's three are
   * invalid (upper-case severity, target as a list, unquoted {{ }} in integer fields, an invented
   * AlertsConfig shape); troubleshooting's alert is valid and its AlertsConfig skeleton (null maps)
   * renders nothing.
   */
  @Test
  void theDocsExamplesAreRefusedWhereKeikoprojRefusesThem() throws Exception {
    Compilation compilation = compile("docs");

    assertThat(compilation.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "README-usage.yaml:5:1: error [schema/required] missing required field 'displayExpression' in spec",
            "quickstart.yaml:13:13: error [schema/enum] spec.severity is 'WARN'; allowed: severe, warn, info, smoke (keikoproj accepts lower case only: write 'warn')",
            "quickstart.yaml:19:5: error [schema/type] spec.target must be a string, found a list [\"team@example.com\"]",
            "quickstart.yaml:31:13: error [yaml/syntax] a mapping key must be a plain value, not a collection (a value that starts with '{{' must be quoted)",
            "quickstart.yaml:47:3: error [schema/unknown-field] unknown field 'provider' in spec (the CRD would drop it silently); known fields: alerts, globalGVK, globalParams",
            "quickstart.yaml:48:3: error [schema/unknown-field] unknown field 'parameters' in spec (the CRD would drop it silently); known fields: alerts, globalGVK, globalParams",
            "quickstart.yaml:56:5: error [schema/type] spec.alerts must be a mapping, found a list [{\"type\":\"cpu-alert-template\",\"enabled\":true,\"namespaceSelector\":\"alert-templates\"}]",
            "troubleshooting-and-debugging.yaml:27:13: warning [policy/alert-fatigue] a severe alert without a target notifies nobody; add a target (alert default/debug-test-alert)");
    assertThat(names(compilation.alerts())).containsExactly("default/debug-test-alert");
    assertThat(names(compilation.invalidAlerts()))
        .containsExactly("alert-manager-system/cpu-high-alert", "default/my-first-alert");
  }

  private static List<String> names(List<RenderedAlert> alerts) {
    return alerts.stream().map(a -> a.namespace() + "/" + a.name()).toList();
  }

  /** Each alert's name and rendered spec, as keikoproj would send it (less the request mapping). */
  private static List<String> specs(List<RenderedAlert> alerts) {
    return alerts.stream().map(a -> a.namespace() + "/" + a.name() + " " + a.spec()).toList();
  }
}
