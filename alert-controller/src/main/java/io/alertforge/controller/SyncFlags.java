package io.alertforge.controller;

import static io.alertforge.controller.FlagValues.duration;

import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.model.OwnershipTag;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags of the Wavefront sync: the cluster's name, the resync, drift, orphans, the reconciles.
 */
final class SyncFlags {
  @Option(
      names = "--cluster-name",
      required = true,
      defaultValue = "${env:CLUSTER_NAME}",
      description = "This cluster's name, in every ownership tag: [A-Za-z0-9_.-]{1,63}.")
  String clusterName;

  @Option(
      names = "--resync-period",
      defaultValue = "${env:RESYNC_PERIOD:-10m}",
      description = "How often Wavefront is listed to find drift and lost alerts (30s, 10m, 1h).")
  String resync;

  @Option(
      names = "--drift",
      defaultValue = "${env:DRIFT_MODE:-correct}",
      description = "correct (put UI edits back) or detect (only report them).")
  String drift;

  @Option(
      names = "--reconcile-threads",
      defaultValue = "4",
      description = "Reconciles in parallel.")
  int threads;

  @Option(
      names = "--reconcile-timeout",
      defaultValue = "${env:RECONCILE_TIMEOUT:-2m}",
      description = "The most one reconcile spends on Wavefront calls, retries and waits included.")
  String reconcileTimeout;

  @Option(
      names = "--adopt-untagged",
      defaultValue = "${env:ADOPT_UNTAGGED:-false}",
      description =
          "Migration from keikoproj's controller: adopt the untagged Wavefront alert a CR's status"
              + " names, if its name matches and no other CR claims it.")
  boolean adoptUntagged;

  @Option(
      names = "--prune-orphans",
      defaultValue = "${env:PRUNE_ORPHANS:-false}",
      description =
          "Delete this cluster's Wavefront alerts that no WavefrontAlert owns, --orphan-grace after"
              + " the resync first found them.")
  boolean pruneOrphans;

  @Option(
      names = "--orphan-grace",
      defaultValue = "${env:ORPHAN_GRACE:-1h}",
      description = "How long an orphaned alert is reported before --prune-orphans deletes it.")
  String orphanGrace;

  /** The sync's settings as the flags give them; a problem is recorded in {@code checks}. */
  AlertController.Settings.Builder check(StartupChecks checks) {
    checks.value("--cluster-name", () -> new OwnershipTag(clusterName));
    Duration resyncPeriod = checks.value(null, () -> duration("--resync-period", resync));
    Duration reconcileDeadline =
        checks.value(null, () -> duration("--reconcile-timeout", reconcileTimeout));
    Duration orphanGraceAfter = checks.value(null, () -> duration("--orphan-grace", orphanGrace));
    DriftMode driftMode = checks.value("--drift", () -> DriftMode.parse(drift));
    checks.require(threads > 0, "--reconcile-threads must be at least 1, got " + threads);
    return AlertController.Settings.builder(clusterName)
        .resyncPeriod(resyncPeriod)
        .driftMode(driftMode)
        .reconcileThreads(threads)
        .adoptUntagged(adoptUntagged)
        .pruneOrphans(pruneOrphans, orphanGraceAfter)
        .reconcileTimeout(reconcileDeadline);
  }
}
