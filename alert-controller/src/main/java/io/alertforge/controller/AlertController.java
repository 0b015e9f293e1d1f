package io.alertforge.controller;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.ops.AuditLog;
import io.alertforge.controller.ops.ControllerMetrics;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.reconcile.EventRecorder;
import io.alertforge.controller.reconcile.Inventory;
import io.alertforge.controller.reconcile.OwnershipTag;
import io.alertforge.controller.reconcile.WavefrontAlertReconciler;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The controller assembled: the Wavefront client, the inventory, the reconciler, JOSDK's operator
 * with leader election, and the metrics. {@link Main} builds one from flags; tests build one on the
 * fabric8 mock server and the Wavefront emulator.
 */
public final class AlertController implements AutoCloseable {

  /** Everything configurable; {@link Main} documents each one as a flag. */
  public record Settings(
      String clusterName,
      Set<String> namespaces,
      Duration resyncPeriod,
      DriftMode driftMode,
      Duration authRetry,
      Duration retryInitial,
      Duration retryMax,
      int reconcileThreads,
      boolean leaderElection,
      String leaseName,
      String leaseNamespace,
      String identity,
      boolean exitOnStopLeading,
      Duration leaseDuration) {}

  private final KubernetesClient kubernetes;
  private final TokenSource tokens;
  private final Settings settings;
  private final ControllerMetrics metrics;
  private final WavefrontClient wavefront;
  private final Inventory inventory;
  private final AtomicBoolean leader = new AtomicBoolean();
  private final Operator operator;
  private final WavefrontAlertReconciler reconciler;

  public AlertController(
      KubernetesClient kubernetes,
      WavefrontClient.Options wavefrontOptions,
      TokenSource tokens,
      Settings settings) {
    this.kubernetes = kubernetes;
    this.tokens = tokens;
    this.settings = settings;
    this.metrics = new ControllerMetrics();
    this.wavefront = new WavefrontClient(wavefrontOptions, tokens, metrics);
    OwnershipTag tags = new OwnershipTag(settings.clusterName());
    this.inventory = new Inventory(wavefront, tags, Clock.systemUTC());
    leader.set(!settings.leaderElection());
    metrics.gauge(
        "alertforge.wavefront.token.age.seconds",
        "Seconds since the Wavefront token last changed (rotate every 30 to 90 days)",
        () -> Duration.between(tokens.current().changedAt(), Instant.now()).toSeconds());
    metrics.gauge(
        "alertforge.managed.alerts",
        "Live Wavefront alerts with this cluster's tag, as of the last listing",
        inventory::size);
    metrics.gauge("alertforge.leader", "1 on the replica that writes", () -> leader.get() ? 1 : 0);

    reconciler =
        new WavefrontAlertReconciler(
            wavefront,
            inventory,
            tags,
            settings.driftMode(),
            new EventRecorder(kubernetes, settings.identity()),
            new AuditLog(),
            metrics,
            Clock.systemUTC(),
            settings.authRetry(),
            settings.resyncPeriod(),
            leader::get);

    this.operator =
        new Operator(
            o -> {
              o.withKubernetesClient(kubernetes)
                  .withCloseClientOnStop(false)
                  // a JSON merge patch of status, not server-side apply (see docs/controller.md)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withConcurrentReconciliationThreads(settings.reconcileThreads())
                  .withMetrics(metrics);
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            settings.leaseName())
                        .withLeaseNamespace(settings.leaseNamespace())
                        .withIdentity(settings.identity())
                        .withLeaseDuration(settings.leaseDuration())
                        .withRenewDeadline(settings.leaseDuration().multipliedBy(2).dividedBy(3))
                        .withRetryPeriod(settings.leaseDuration().dividedBy(5))
                        .withExitOnStopLeading(settings.exitOnStopLeading())
                        .withLeaderCallbacks(
                            new LeaderCallbacks(
                                () -> leader.set(true), () -> leader.set(false), id -> {}))
                        .build());
              }
            });
    operator.register(
        reconciler,
        c -> {
          c.withFinalizer(WavefrontAlertReconciler.FINALIZER)
              .withRetry(
                  new GenericRetry()
                      .withoutMaxAttempts()
                      .setInitialInterval(settings.retryInitial().toMillis())
                      .setIntervalMultiplier(2)
                      .setMaxInterval(settings.retryMax().toMillis()));
          if (settings.namespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.namespaces());
          }
        });
  }

  public AlertController start() {
    operator.start();
    return this;
  }

  /** One resync now, as the timer does it every resync period; the number of CRs queued. */
  public int resyncNow() {
    return reconciler.resyncNow();
  }

  public boolean isLeader() {
    return leader.get();
  }

  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  public ControllerMetrics metrics() {
    return metrics;
  }

  public Inventory inventory() {
    return inventory;
  }

  public WavefrontClient wavefront() {
    return wavefront;
  }

  public KubernetesClient kubernetes() {
    return kubernetes;
  }

  public static Class<WavefrontAlert> resourceType() {
    return WavefrontAlert.class;
  }

  @Override
  public void close() {
    operator.stop();
  }
}
