package io.alertforge.controller.gitops;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Git source: fetch the branch, compile the tip with {@link AlertCompiler} (the pull-request
 * build's code), guard pruning, apply, and report. A commit with an error finding applies nothing
 * and the cluster keeps the last good commit. Every sync, on the interval or on a webhook, also
 * re-plans against the cluster, so a managed object deleted or edited by hand is put back.
 *
 * <p>Reports: the ConfigMap {@code alertforge-git-status} (what {@code kubectl get cm -o yaml}
 * shows), events on it, the metrics {@code alertforge_git_*}, log lines, and one line on {@code
 * alertforge.audit} per applied commit.
 */
public final class GitSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GitSync.class);
  // within Kubernetes' default 30 s between SIGTERM and SIGKILL, with time left to interrupt
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);
  private static final Logger AUDIT = LoggerFactory.getLogger("alertforge.audit");

  /** The outcome of one sync. */
  public enum State {
    /** The commit is applied (possibly nothing to change). */
    Applied,
    /** The commit has error findings: nothing applied. */
    CompileFailed,
    /** The commit would prune beyond the guard: nothing applied. */
    PruneRefused,
    /** Some objects could not be written; the commit is retried at the next sync. */
    ApplyFailed,
    /** The fetch failed (unreachable, credentials, no branch): nothing changed. */
    FetchFailed
  }

  public record Result(
      State state,
      String commit,
      String message,
      int created,
      int updated,
      int pruned,
      int unchanged) {}

  private final KubernetesClient client;
  private final GitSourceSettings settings;
  private final GitFetcher fetcher;
  private final AlertCompiler compiler;
  private final GitApplier applier;
  private final Clock clock;
  private final MeterRegistry registry;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicLong lastAppliedEpoch = new AtomicLong();
  private final Map<String, AtomicLong> lastCounts = new LinkedHashMap<>();

  private String compiledCommit;
  private Compilation compiled;
  private String lastAppliedCommit;
  private Result lastResult;

  public GitSync(
      KubernetesClient client,
      GitSourceSettings settings,
      AlertCompiler compiler,
      MeterRegistry registry,
      Clock clock)
      throws java.io.IOException {
    this.client = client;
    this.settings = settings;
    this.fetcher = new GitFetcher(settings);
    this.compiler = compiler;
    this.applier = new GitApplier(client);
    this.clock = clock;
    this.registry = registry;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alertforge-git");
              t.setDaemon(true);
              return t;
            });
    Gauge.builder("alertforge.git.last.applied.timestamp", lastAppliedEpoch::get)
        .description("When the Git source last applied a commit (epoch seconds)")
        .baseUnit("seconds")
        .register(registry);
    for (String kind : List.of("created", "updated", "pruned", "unchanged")) {
      AtomicLong value = new AtomicLong();
      lastCounts.put(kind, value);
      Gauge.builder("alertforge.git.last.applied.objects", value::get)
          .description("WavefrontAlerts the last applied commit created, updated, pruned, kept")
          .tag("action", kind)
          .register(registry);
    }
  }

  private volatile java.util.function.BooleanSupplier active = () -> true;

  /**
   * Syncs now and then every interval, while {@code active} (the leader, with leader election: only
   * one replica writes).
   */
  public GitSync start(java.util.function.BooleanSupplier active) {
    this.active = active;
    long ms = settings.interval().toMillis();
    executor.scheduleWithFixedDelay(this::syncQuietly, 0, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Asks for a sync soon (a webhook); requests that arrive while one waits are merged. */
  public void trigger() {
    if (pending.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            pending.set(false);
            syncQuietly();
          });
    }
  }

  private void syncQuietly() {
    if (!active.getAsBoolean()) {
      return;
    }
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.error("git sync failed", e);
    }
  }

  public synchronized Result lastResult() {
    return lastResult;
  }

  /** Fetches, compiles and applies the branch's tip. Serialised. */
  public synchronized Result sync() {
    RevCommit tip;
    try {
      tip = fetcher.fetch();
    } catch (GitFetcher.FetchException e) {
      return report(new Result(State.FetchFailed, null, e.getMessage(), 0, 0, 0, 0), null);
    }
    String commit = tip.name();
    String note = "";
    try {
      if (lastAppliedCommit != null
          && !lastAppliedCommit.equals(commit)
          && !fetcher.isAncestor(
              fetcher.commit(org.eclipse.jgit.lib.ObjectId.fromString(lastAppliedCommit)), tip)) {
        note = " (force-push: " + shortId(lastAppliedCommit) + " is not an ancestor)";
        LOG.warn(
            "branch {} was force-pushed: {} replaces {}",
            settings.branch(),
            shortId(commit),
            shortId(lastAppliedCommit));
      }
      if (!commit.equals(compiledCommit)) {
        compiled = compiler.compile(fetcher.tree(tip));
        compiledCommit = commit;
      }
    } catch (java.io.IOException e) {
      return report(
          new Result(
              State.FetchFailed, commit, "cannot read commit: " + e.getMessage(), 0, 0, 0, 0),
          tip);
    }
    if (compiled.hasErrors()) {
      List<Diagnostic> errors =
          compiled.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
      String message =
          compiled.summary()
              + "; nothing applied, "
              + (lastAppliedCommit == null
                  ? "no commit applied yet"
                  : "the cluster stays at " + shortId(lastAppliedCommit))
              + ": "
              + errors.stream().limit(5).map(Diagnostic::format).collect(Collectors.joining("; "))
              + (errors.size() > 5 ? "; ..." : "");
      return report(new Result(State.CompileFailed, commit, message, 0, 0, 0, 0), tip);
    }
    List<GenericKubernetesResource> desired =
        compiled.alerts().stream().map(a -> GitApplier.desired(a, commit)).toList();
    GitApplier.Plan plan;
    try {
      plan = GitApplier.plan(desired, applier.managed(), clock.instant());
    } catch (KubernetesClientException e) {
      return report(
          new Result(
              State.ApplyFailed,
              commit,
              "cannot list WavefrontAlerts: " + e.getMessage(),
              0,
              0,
              0,
              0),
          tip);
    }
    String refusal = plan.pruneRefusal(settings.maxPruneRatio());
    if (refusal != null && !settings.allowMassPrune() && !allowsPrune(tip)) {
      return report(
          new Result(
              State.PruneRefused,
              commit,
              refusal
                  + "; nothing applied. Allow it with the trailer '"
                  + GitSourceSettings.ALLOW_PRUNE_TRAILER
                  + ": true' in the commit message, or --git-allow-mass-prune",
              0,
              0,
              0,
              0),
          tip);
    }
    GitApplier.Outcome out = applier.apply(plan);
    if (!out.errors().isEmpty()) {
      return report(
          new Result(
              State.ApplyFailed,
              commit,
              String.join("; ", out.errors()),
              out.created(),
              out.updated(),
              out.pruned(),
              out.unchanged()),
          tip);
    }
    boolean changed = out.created() + out.updated() + out.pruned() > 0;
    boolean newCommit = !commit.equals(lastAppliedCommit);
    lastAppliedCommit = commit;
    String message =
        String.format(
            "applied %s: %d created, %d updated, %d pruned, %d unchanged%s%s",
            shortId(commit),
            out.created(),
            out.updated(),
            out.pruned(),
            out.unchanged(),
            plan.kept() > 0 ? ", " + plan.kept() + " kept (prune disabled)" : "",
            note);
    Result result =
        new Result(
            State.Applied,
            commit,
            message,
            out.created(),
            out.updated(),
            out.pruned(),
            out.unchanged());
    if (newCommit || changed) {
      AUDIT
          .atInfo()
          .addKeyValue("audit", true)
          .addKeyValue("action", "git-apply")
          .addKeyValue("commit", commit)
          .addKeyValue("repository", settings.url().toString())
          .addKeyValue("branch", settings.branch())
          .addKeyValue("path", settings.path())
          .addKeyValue("author", tip.getAuthorIdent().getEmailAddress())
          .addKeyValue("created", out.created())
          .addKeyValue("updated", out.updated())
          .addKeyValue("pruned", out.pruned())
          .addKeyValue("unchanged", out.unchanged())
          .log("git apply {}", message);
      lastAppliedEpoch.set(clock.instant().getEpochSecond());
      lastCounts.get("created").set(out.created());
      lastCounts.get("updated").set(out.updated());
      lastCounts.get("pruned").set(out.pruned());
      lastCounts.get("unchanged").set(out.unchanged());
      return report(result, tip);
    }
    lastResult = result;
    registry.counter("alertforge.git.syncs", "result", "unchanged").increment();
    return result;
  }

  private static boolean allowsPrune(RevCommit commit) {
    String prefix = GitSourceSettings.ALLOW_PRUNE_TRAILER.toLowerCase(Locale.ROOT) + ":";
    return commit
        .getFullMessage()
        .lines()
        .map(l -> l.strip().toLowerCase(Locale.ROOT))
        .anyMatch(l -> l.startsWith(prefix) && l.substring(prefix.length()).strip().equals("true"));
  }

  /** Writes the status ConfigMap, an event, a metric and a log line. */
  private Result report(Result result, RevCommit tip) {
    Result previous = lastResult;
    lastResult = result;
    Counter.builder("alertforge.git.syncs")
        .description("Git source syncs by result")
        .tag("result", result.state().name())
        .register(registry)
        .increment();
    if (result.state() != State.Applied && result.equals(previous)) {
      return result; // the same failure again (every interval): reported once, counted each time
    }
    boolean ok = result.state() == State.Applied;
    if (ok) {
      LOG.info("git source: {}", result.message());
    } else {
      LOG.warn("git source {}: {}", result.state(), result.message());
    }
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    Map<String, String> data = new LinkedHashMap<>();
    data.put("repository", settings.url().toString());
    data.put("branch", settings.branch());
    data.put("path", settings.path());
    data.put("state", result.state().name());
    data.put("message", result.message());
    data.put("lastAttemptTime", now);
    data.put("lastAttemptCommit", result.commit() == null ? "" : result.commit());
    if (ok) {
      data.put("lastAppliedCommit", result.commit());
      data.put("lastAppliedTime", now);
      data.put("lastAppliedSubject", tip == null ? "" : tip.getShortMessage());
      data.put("created", Integer.toString(result.created()));
      data.put("updated", Integer.toString(result.updated()));
      data.put("pruned", Integer.toString(result.pruned()));
      data.put("unchanged", Integer.toString(result.unchanged()));
    }
    try {
      var cm =
          client
              .configMaps()
              .inNamespace(settings.statusNamespace())
              .withName(settings.statusName());
      if (cm.get() == null) {
        cm.create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(settings.statusName())
                .withNamespace(settings.statusNamespace())
                .addToLabels("app.kubernetes.io/name", "alertforge-controller")
                .endMetadata()
                .withData(data)
                .build());
      } else {
        // a merge patch: the keys of the last applied commit stay when this attempt failed
        cm.patch(
            PatchContext.of(PatchType.JSON_MERGE), new ConfigMapBuilder().withData(data).build());
      }
      client
          .v1()
          .events()
          .inNamespace(settings.statusNamespace())
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(settings.statusName() + "." + UUID.randomUUID())
                  .withNamespace(settings.statusNamespace())
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withApiVersion("v1")
                  .withKind("ConfigMap")
                  .withName(settings.statusName())
                  .withNamespace(settings.statusNamespace())
                  .endInvolvedObject()
                  .withType(ok ? "Normal" : "Warning")
                  .withReason("Git" + result.state().name())
                  .withMessage(truncate(result.message(), 1024))
                  .withReportingComponent("alertforge-controller")
                  .withEventTime(new MicroTime(now))
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn("cannot write the Git source status: {}", e.getMessage());
    }
    return result;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static String shortId(String commit) {
    return commit.substring(0, Math.min(12, commit.length()));
  }

  /** The commit last applied, or null. */
  public synchronized String lastAppliedCommit() {
    return lastAppliedCommit;
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // The next interval is cancelled; a sync in flight may finish, so a shutdown neither records a
    // spurious failure nor closes the fetcher under a running fetch. One that hangs is interrupted.
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("git sync still running after {}; interrupting it", CLOSE_TIMEOUT);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    fetcher.close();
  }

  /**
   * The bytes of a file of the alert repository ({@code path} relative to --git-path) in the commit
   * last applied; empty before the first apply. For the admission webhook: it takes no lock,
   * because a sync holds this object's lock while it writes objects, and the API server waits on
   * the webhook for each write. The unlocked read of the commit id (an immutable String) yields
   * this commit or an earlier one; its objects are in the clone already and are read with a walk of
   * their own, never the fetch's.
   *
   * @throws java.nio.file.NoSuchFileException when that commit has no such file
   */
  public java.util.Optional<byte[]> fileAtLastAppliedCommit(String path)
      throws java.io.IOException {
    String commit = lastAppliedCommit;
    if (commit == null) {
      return java.util.Optional.empty();
    }
    var tree = fetcher.tree(fetcher.commit(org.eclipse.jgit.lib.ObjectId.fromString(commit)));
    if (!tree.isFile(path)) {
      throw new java.nio.file.NoSuchFileException(path + " in " + tree.description());
    }
    return java.util.Optional.of(tree.read(path));
  }
}
