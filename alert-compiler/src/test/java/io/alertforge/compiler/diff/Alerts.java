package io.alertforge.compiler.diff;

/** Small alert documents for diff tests. */
final class Alerts {

  private Alerts() {}

  static String template(String namespace, String name, String threshold) {
    return template(namespace, name, threshold, "kubernetes.pod.cpu.usage_rate", 5, "warn");
  }

  static String template(
      String namespace,
      String name,
      String threshold,
      String metric,
      int minutes,
      String severity) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          alertType: CLASSIC
          alertName: "{{ .app }} %2$s"
          condition: ts(%4$s, label.app="{{ .app }}") > {{ .threshold }}
          displayExpression: ts(%4$s, label.app="{{ .app }}")
          severity: %6$s
          minutes: %5$d
          resolveAfterMinutes: 10
          target: team@example.com
          exportedParams: [app, threshold]
          exportedParamsDefaultValues:
            threshold: "%3$s"
        """
        .formatted(namespace, name, threshold, metric, minutes, severity);
  }

  /** An AlertsConfig instantiating templates for one app; {@code params} per template, or "". */
  static String config(String namespace, String name, String app, String... templates) {
    StringBuilder entries = new StringBuilder();
    for (String template : templates) {
      String[] parts = template.split("=", 2);
      entries.append("    ").append(parts[0]).append(":");
      if (parts.length == 2) {
        entries.append("\n      params:\n        threshold: \"").append(parts[1]).append("\"\n");
      } else {
        entries.append(" {}\n");
      }
    }
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata:
          name: %s
          namespace: %s
        spec:
          globalParams:
            app: %s
          alerts:
        %s"""
        .formatted(name, namespace, app, entries);
  }

  static String standalone(String namespace, String name, String target) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          alertType: CLASSIC
          alertName: %2$s
          condition: ts(heartbeat) < 1
          displayExpression: ts(heartbeat)
          severity: severe
          minutes: 5
          resolveAfterMinutes: 10
          target: %3$s
        """
        .formatted(namespace, name, target);
  }
}
