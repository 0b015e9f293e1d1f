package io.alertforge.compiler.lint;

import java.util.Map;
import java.util.Set;

/**
 * Examples for the compiler's own checks ({@link io.alertforge.compiler.diagnostic.Rules}), and
 * which of them alertforge.yaml may configure: only those whose findings do not stop an alert from
 * rendering correctly.
 */
final class BuiltinRuleDocs {

  static final Set<String> CONFIGURABLE =
      Set.of(
          "input/ignored-document",
          "input/symlink",
          "template/unused-param",
          "template/not-a-template",
          "alert/duplicate-name",
          "alert/missing-alert-type");

  /** Rule id to {bad, good}. */
  static final Map<String, String[]> EXAMPLES =
      Map.ofEntries(
          example("yaml/syntax", "spec: {alertName: cpu", "spec: {alertName: cpu}"),
          example("yaml/encoding", "alertName: caf\\xE9   # a Latin-1 byte", "alertName: café"),
          example(
              "yaml/limit",
              "a: &a [*b, *b, *b, ...]   # aliases nested to billions of nodes",
              "a: [1, 2, 3]"),
          example("yaml/duplicate-key", "minutes: 5\nminutes: 10", "minutes: 10"),
          example("yaml/tag", "minutes: !!python/object 5", "minutes: 5"),
          example(
              "input/ignored-document",
              "apiVersion: v1\nkind: ConfigMap   # not an alert",
              "# keep non-alert files outside alert.source, or disable the rule"),
          example(
              "input/symlink",
              "alerts.yaml -> ../other-repo/alerts.yaml",
              "# copy the file into the repository"),
          example(
              "input/unreadable",
              "alerts.yaml   # mode 000",
              "# make the file readable: chmod 644 alerts.yaml"),
          example(
              "schema/api-version",
              "apiVersion: alertmanager.keikoproj.io/v1beta1",
              "apiVersion: alertmanager.keikoproj.io/v1alpha1"),
          example(
              "schema/required",
              "spec:\n  alertName: cpu   # no condition",
              "spec:\n  alertName: cpu\n  condition: ts(cpu) > 90"),
          example("schema/unknown-field", "spec:\n  serverity: warn", "spec:\n  severity: warn"),
          example("schema/type", "  minutes: \"5\"", "  minutes: 5"),
          example("schema/enum", "  severity: WARN", "  severity: warn"),
          example("schema/range", "  minutes: 0", "  minutes: 5"),
          example("schema/empty", "  condition: \" \"", "  condition: ts(cpu) > 90"),
          example("schema/pattern", "metadata:\n  name: CPU_High", "metadata:\n  name: cpu-high"),
          example(
              "schema/invalid",
              "  exportedParams: [app, app]   # violates another schema keyword",
              "  exportedParams: [app]"),
          example(
              "metadata/missing-namespace",
              "metadata:\n  name: cpu-high   # and no defaultNamespace in alertforge.yaml",
              "metadata:\n  name: cpu-high\n  namespace: payments"),
          example(
              "reference/unknown-template",
              "  alerts:\n    cpu-hihg: {}",
              "  alerts:\n    cpu-high: {}"),
          example(
              "reference/standalone-template",
              "  alerts:\n    heartbeat: {}   # heartbeat has no exportedParams",
              "# add exportedParams to heartbeat, or remove the entry"),
          example(
              "template/syntax",
              "  alertName: \"{{ .app | upper }} cpu\"",
              "  alertName: \"{{ .app }} cpu\""),
          example(
              "template/execution",
              "  alertName: \"{{ index .app 5 }}\"   # app is \"web\"",
              "  alertName: \"{{ .app }}\""),
          example(
              "template/missing-param",
              "  exportedParams: [app]\n# AlertsConfig entry\n    cpu-high: {}",
              "    cpu-high:\n      params: {app: web}"),
          example(
              "template/unknown-param",
              "  alertName: \"{{ .ap }} cpu\"   # no source supplies ap",
              "  alertName: \"{{ .app }} cpu\""),
          example(
              "template/unused-param",
              "    cpu-high:\n      params: {app: web, treshold: \"90\"}",
              "    cpu-high:\n      params: {app: web, threshold: \"90\"}"),
          example(
              "template/not-a-template",
              "  alertName: \"{{ .app }} heartbeat\"   # no exportedParams",
              "  alertName: \"settlement heartbeat\""),
          example(
              "alert/duplicate-name",
              "  alertName: cpu high   # the same in two AlertsConfigs",
              "  alertName: \"{{ .app }} cpu high\""),
          example(
              "alert/duplicate-resource",
              "# two WavefrontAlerts named cpu-high in namespace payments",
              "# rename one of them"),
          example(
              "alert/missing-alert-type",
              "spec:\n  alertName: cpu",
              "spec:\n  alertType: CLASSIC\n  alertName: cpu"),
          example("alert/unsupported-alert-type", "  alertType: THRESHOLD", "  alertType: CLASSIC"),
          example(
              "config/invalid-option",
              "rules:\n  policy/alert-fatigue:\n    options: {minutes: {min: 10, max: 5}}",
              "rules:\n  policy/alert-fatigue:\n    options: {minutes: {min: 2, max: 60}}"),
          example(
              "suppression/missing-reason",
              "# alertforge:disable-next-line policy/alert-fatigue",
              "# alertforge:disable-next-line policy/alert-fatigue -- batch job, checked hourly"),
          example(
              "suppression/unused",
              "# alertforge:disable-next-line policy/alert-fatigue -- ...\nminutes: 5   # nothing to suppress",
              "minutes: 5"),
          example(
              "suppression/expired",
              "# alertforge:disable-next-line policy/threshold-bounds until=2024-01-31 -- migration",
              "# fix the finding, or set a later until= date"),
          example(
              "suppression/locked",
              "# alertforge:disable-next-line security/secret-in-repo -- test token\n# (alertforge.yaml: locked: [security/secret-in-repo])",
              "# remove the secret; locked rules cannot be suppressed"),
          example(
              "suppression/malformed",
              "# alertforge:disable-next-line policy/alert-fatigeu -- ...",
              "# alertforge:disable-next-line policy/alert-fatigue -- ..."));

  private static Map.Entry<String, String[]> example(String id, String bad, String good) {
    return Map.entry(id, new String[] {bad, good});
  }

  private BuiltinRuleDocs() {}
}
