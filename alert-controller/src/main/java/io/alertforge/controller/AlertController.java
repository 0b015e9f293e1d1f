package io.alertforge.controller;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.ops.AuditLog;
import io.alertforge.controller.ops.ControllerMetrics;
import io.alertforge.controller.ops.EventRecorder;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.reconcile.Inventory;
import io.alertforge.controller.reconcile.OrphanSweep;
import io.alertforge.controller.reconcile.SyncListener;
import io.alertforge.controller.reconcile.SyncOptions;
import io.alertforge.controller.reconcile.SyncReports;
import io.alertforge.controller.reconcile.WavefrontAlertReconciler;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.model.OwnershipTag;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The controller assembled: the Wavefront client, the inventory, the reconciler, JOSDK's operator
 * with leader election, and the metrics. {@link RunningParts} builds one from the flags; tests
 * build one on the fabric8 mock server and the Wavefront emulator.
 */
public final class AlertController implements AutoCloseable {

  /**
   * Everything configurable; {@link Main} documents each one as a flag. Build with {@link
   * #builder(String)}: the defaults are there, in one place.
   *
   * @param adoptUntagged the migration mode: adopt an untagged Wavefront alert that a CR's status
   *     names (left by keikoproj's controller), see {@link
   *     io.alertforge.controller.reconcile.StatusClaim}
   * @param pruneOrphans delete this cluster's alerts that no CR owns, {@code orphanGrace} after
   *     they were first seen so
   * @param reconcileTimeout the total time one reconcile may spend on Wavefront calls
   * @param podName and {@code podNamespace}: this replica's Pod, where events about no single CR
   *     (orphans) go; null outside a Pod
   */
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
      Duration leaseDuration,
      boolean adoptUntagged,
      boolean pruneOrphans,
      Duration orphanGrace,
      Duration reconcileTimeout,
      String podName,
      String podNamespace) {

    public static Builder builder(String clusterName) {
      return new Builder(clusterName);
    }

    public Builder toBuilder() {
      return new Builder(this);
    }

    /** The settings of a production run unless changed; {@link Main}'s flags set the rest. */
    public static final class Builder {
      private String clusterName;
      private Set<String> namespaces = Set.of();
      private Duration resyncPeriod = Duration.ofMinutes(10);
      private DriftMode driftMode = DriftMode.CORRECT;
      private Duration authRetry = Duration.ofMinutes(1);
      private Duration retryInitial = Duration.ofSeconds(1);
      private Duration retryMax = Duration.ofMinutes(5);
      private int reconcileThreads = 4;
      private boolean leaderElection;
      private String leaseName = "alertforge-controller";
      private String leaseNamespace;
      private String identity = "alertforge-" + UUID.randomUUID().toString().substring(0, 8);
      private boolean exitOnStopLeading = true;
      private Duration leaseDuration = Duration.ofSeconds(15);
      private boolean adoptUntagged;
      private boolean pruneOrphans;
      private Duration orphanGrace = Duration.ofHours(1);
      private Duration reconcileTimeout = Duration.ofMinutes(2);
      private String podName;
      private String podNamespace;

      private Builder(String clusterName) {
        this.clusterName = clusterName;
      }

      private Builder(Settings s) {
        clusterName = s.clusterName;
        namespaces = s.namespaces;
        resyncPeriod = s.resyncPeriod;
        driftMode = s.driftMode;
        authRetry = s.authRetry;
        retryInitial = s.retryInitial;
        retryMax = s.retryMax;
        reconcileThreads = s.reconcileThreads;
        leaderElection = s.leaderElection;
        leaseName = s.leaseName;
        leaseNamespace = s.leaseNamespace;
        identity = s.identity;
        exitOnStopLeading = s.exitOnStopLeading;
        leaseDuration = s.leaseDuration;
        adoptUntagged = s.adoptUntagged;
        pruneOrphans = s.pruneOrphans;
        orphanGrace = s.orphanGrace;
        reconcileTimeout = s.reconcileTimeout;
        podName = s.podName;
        podNamespace = s.podNamespace;
      }

      public Builder namespaces(Set<String> v) {
        namespaces = Set.copyOf(v);
        return this;
      }

      public Builder resyncPeriod(Duration v) {
        resyncPeriod = v;
        return this;
      }

      public Builder driftMode(DriftMode v) {
        driftMode = v;
        return this;
      }

      public Builder authRetry(Duration v) {
        authRetry = v;
        return this;
      }

      /** JOSDK's retry of a failing CR: from {@code initial}, doubling, up to {@code max}. */
      public Builder retry(Duration initial, Duration max) {
        retryInitial = initial;
        retryMax = max;
        return this;
      }

      public Builder reconcileThreads(int v) {
        reconcileThreads = v;
        return this;
      }

      /** Leader election on the Lease {@code name} in {@code namespace}. */
      public Builder leaderElection(String name, String namespace, Duration leaseDuration) {
        leaderElection = true;
        leaseName = name;
        leaseNamespace = namespace;
        this.leaseDuration = leaseDuration;
        return this;
      }

      public Builder identity(String v) {
        identity = v;
        return this;
      }

      public Builder exitOnStopLeading(boolean v) {
        exitOnStopLeading = v;
        return this;
      }

      public Builder adoptUntagged(boolean v) {
        adoptUntagged = v;
        return this;
      }

      public Builder pruneOrphans(boolean prune, Duration grace) {
        pruneOrphans = prune;
        orphanGrace = grace;
        return this;
      }

      public Builder reconcileTimeout(Duration v) {
        reconcileTimeout = v;
        return this;
      }

      public Builder pod(String name, String namespace) {
        podName = name;
        podNamespace = namespace;
        return this;
      }

      public Settings build() {
        return new Settings(
            clusterName,
            namespaces,
            resyncPeriod,
            driftMode,
            authRetry,
            retryInitial,
            retryMax,
            reconcileThreads,
            leaderElection,
            leaseName,
            leaseNamespace,
            identity,
            exitOnStopLeading,
            leaseDuration,
            adoptUntagged,
            pruneOrphans,
            orphanGrace,
            reconcileTimeout,
            podName,
            podNamespace);
      }
    }
  }

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
        () -> tokenAgeSeconds(tokens));
    metrics.gauge(
        "alertforge.wavefront.pause.seconds",
        "Seconds left of the pause Wavefront asked for (Retry-After); 0 when not paused",
        () -> wavefront.pausedFor().toMillis() / 1000.0);
    metrics.gauge("alertforge.leader", "1 on the replica that writes", () -> leader.get() ? 1 : 0);

    SyncOptions sync =
        new SyncOptions(
            settings.driftMode(),
            settings.authRetry(),
            settings.resyncPeriod(),
            settings.reconcileTimeout(),
            wavefrontOptions.requestTimeout(),
            settings.adoptUntagged());
    Clock clock = Clock.systemUTC();
    SyncListener reports =
        new SyncReports(
            new EventRecorder(kubernetes, settings.identity(), clock),
            new AuditLog(),
            metrics,
            settings.driftMode(),
            pod(settings));
    reconciler =
        new WavefrontAlertReconciler(
            wavefront,
            inventory,
            tags,
            sync,
            reports,
            new OrphanSweep(
                wavefront,
                inventory,
                tags,
                settings.namespaces(),
                settings.pruneOrphans(),
                settings.orphanGrace(),
                reports,
                clock),
            clock,
            leader::get);
    metrics.gauge(
        "alertforge.managed.alerts",
        "Live Wavefront alerts with this cluster's tags whose WavefrontAlert exists",
        reconciler::managedAlerts);
    metrics.gauge(
        "alertforge.orphaned.alerts",
        "Live Wavefront alerts with this cluster's tags that no WavefrontAlert owns",
        reconciler::orphanedAlerts);

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

  /** NaN while the token cannot be read (the calls say why): the age of no token is unknown. */
  private static double tokenAgeSeconds(TokenSource tokens) {
    try {
      return Duration.between(tokens.current().changedAt(), Instant.now()).toSeconds();
    } catch (RuntimeException unreadable) {
      return Double.NaN;
    }
  }

  /** This replica's Pod, to hang events about no single CR on; none outside a Pod. */
  private static Optional<HasMetadata> pod(Settings settings) {
    if (settings.podName() == null || settings.podNamespace() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PodBuilder()
            .withNewMetadata()
            .withName(settings.podName())
            .withNamespace(settings.podNamespace())
            .endMetadata()
            .build());
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
