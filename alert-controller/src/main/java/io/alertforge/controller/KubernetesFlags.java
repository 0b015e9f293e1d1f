package io.alertforge.controller;

import static io.alertforge.controller.FlagValues.duration;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** The flags of the cluster: the namespaces watched, leader election on a Lease. */
final class KubernetesFlags {
  @Option(
      names = "--namespaces",
      split = ",",
      defaultValue = "${env:WATCH_NAMESPACES}",
      description = "Namespaces to watch, comma-separated; all when empty.")
  List<String> namespaces;

  @Option(names = "--leader-elect", description = "Elect a leader on a Lease (for 2+ replicas).")
  boolean leaderElect;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description = "Namespace of the Lease (default: $POD_NAMESPACE).")
  String leaseNamespace;

  @Option(
      names = "--lease-name",
      defaultValue = "alertforge-controller",
      description = "Name of the Lease.")
  String leaseName;

  @Option(
      names = "--lease-duration",
      defaultValue = "15s",
      description =
          "How long a Lease holds without renewal; the leader renews it every fifth of that and"
              + " stops leading after two thirds without a renewal.")
  String leaseDuration;

  /**
   * Sets the namespaces, leader election and this replica's Pod ({@code POD_NAME} and {@code
   * POD_NAMESPACE} of {@code env}); a problem is recorded in {@code checks}.
   */
  void applyTo(
      AlertController.Settings.Builder settings, StartupChecks checks, Map<String, String> env) {
    Duration lease = checks.value(null, () -> duration("--lease-duration", leaseDuration));
    checks.require(
        !leaderElect || (leaseNamespace != null && !leaseNamespace.isBlank()),
        "--leader-elect needs --leader-election-namespace (or $POD_NAMESPACE)");
    String podName = env.get("POD_NAME");
    settings.namespaces(watched()).pod(podName, env.get("POD_NAMESPACE"));
    if (podName != null && !podName.isBlank()) {
      settings.identity(podName);
    }
    if (leaderElect) {
      settings.leaderElection(leaseName, leaseNamespace, lease);
    }
  }

  /** The namespaces watched, in the order given; all when empty. */
  Set<String> watched() {
    Set<String> watched = new LinkedHashSet<>();
    if (namespaces != null) {
      namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(watched::add);
    }
    return watched;
  }
}
