package io.alertforge.controller.gitops;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.fabric8.kubernetes.api.model.ConfigMap;
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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Git source: fetch the branch, compile the tip with {@link AlertCompiler} (the pull-request
 * build's code), guard pruning, apply, and report. A commit with an error finding applies nothing
 * and the cluster keeps the last good commit. Every sync, on the interval or on a webhook, also
 * re-plans against the cluster, so a managed object deleted or edited by hand is put back.
 *
 * <p>The prune guard ({@link PruneHistory}) holds deletions beyond {@code --git-max-prune-ratio}
 * within {@code --git-prune-window}; the rest of the commit applies. A commit with the trailer
 * {@code AlertForge-Allow-Prune: true} among those since the last applied one lets them through.
 *
 * <p>Reports: the ConfigMap {@code alertforge-git-status} (what {@code kubectl get cm -o yaml}
 * shows; it also keeps the prune history, read back by the first sync of a process), events on it,
 * the metrics {@code alertforge_git_*}, log lines, and one line on {@code alertforge.audit} per
 * applied commit.
 */
public final class GitSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GitSync.class);
  // within Kubernetes' default 30 s between SIGTERM and SIGKILL, with time left to interrupt
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);
  private static final Logger AUDIT = LoggerFactory.getLogger("alertforge.audit");

  /** Held deletions listed in the ConfigMap key {@code pruneHeld}, and in a message or event. */
  private static final int HELD_IN_STATUS = 100;

  private static final int HELD_IN_MESSAGE = 10;

  /** The outcome of one sync. */
  public enum State {
    /** The commit is applied (possibly nothing to change). */
    Applied,
    /** The commit has error findings: nothing applied. */
    CompileFailed,
    /**
     * The commit is applied except its deletions, which are beyond the prune guard: they wait for
     * approval (the trailer in a later commit, or the flag) or for the objects to come back.
     */
    PruneHeld,
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
  // read without the lock by the admission webhook (fileAtLastAppliedCommit)
  private volatile String lastAppliedCommit;
  private Result lastResult;
  private List<String> lastHeld = List.of();
  private boolean statusRead;
  private PruneHistory pruneHistory = PruneHistory.EMPTY;

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
    if (!statusRead) {
      String unreadable = readStatus();
      if (unreadable != null) {
        return report(
            new Result(State.ApplyFailed, null, unreadable + "; nothing applied", 0, 0, 0, 0),
            null);
      }
    }
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
          && !fetcher.isAncestor(ObjectId.fromString(lastAppliedCommit), tip)) {
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
    Guarded guarded;
    try {
      guarded =
          guard(GitApplier.plan(desired, applier.managed(), clock.instant()), tip, clock.instant());
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
    } catch (java.io.IOException e) {
      return report(
          new Result(
              State.FetchFailed, commit, "cannot read commit: " + e.getMessage(), 0, 0, 0, 0),
          tip);
    }
    GitApplier.Plan plan = guarded.plan();
    List<String> held = guarded.held();
    GitApplier.Outcome out = applier.apply(plan);
    String holding = held.isEmpty() ? "" : holding(commit, guarded.why(), held);
    List<String> errors = new java.util.ArrayList<>(out.errors());
    if (guarded.failure() != null) {
      errors.add(guarded.failure());
    }
    if (!errors.isEmpty()) {
      return report(
          new Result(
              State.ApplyFailed,
              commit,
              String.join("; ", errors) + (holding.isEmpty() ? "" : "; " + holding),
              out.created(),
              out.updated(),
              out.pruned(),
              out.unchanged()),
          tip,
          held);
    }
    boolean changed = out.created() + out.updated() + out.pruned() > 0;
    boolean newCommit = !commit.equals(lastAppliedCommit);
    boolean stateChanges = lastResult == null || lastResult.state() != State.Applied;
    lastAppliedCommit = commit;
    String message =
        String.format(
            "applied %s: %d created, %d updated, %d pruned, %d unchanged%s%s%s",
            shortId(commit),
            out.created(),
            out.updated(),
            out.pruned(),
            out.unchanged(),
            plan.kept() > 0 ? ", " + plan.kept() + " kept (prune disabled)" : "",
            guarded.approval(),
            note);
    Result result =
        new Result(
            held.isEmpty() ? State.Applied : State.PruneHeld,
            commit,
            // the counts stay out of a hold's message: the same hold at the next sync is the same
            // message, reported once
            held.isEmpty() ? message : holding + note,
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
          .addKeyValue("held", held.size())
          .log("git apply {}", message);
      lastAppliedEpoch.set(clock.instant().getEpochSecond());
      lastCounts.get("created").set(out.created());
      lastCounts.get("updated").set(out.updated());
      lastCounts.get("pruned").set(out.pruned());
      lastCounts.get("unchanged").set(out.unchanged());
    }
    if (newCommit || changed || stateChanges || !held.isEmpty()) {
      return report(result, tip, held);
    }
    lastResult = result;
    registry.counter("alertforge.git.syncs", "result", "unchanged").increment();
    return result;
  }

  /**
   * A plan after the prune guard: the deletions it holds (sorted keys) and why, who approved them,
   * or why they could not be recorded (then they wait, and the sync is ApplyFailed).
   */
  private record Guarded(
      GitApplier.Plan plan, List<String> held, String why, String approval, String failure) {}

  /**
   * Lets the plan's deletions through, or holds them. Before anything is deleted the prune is
   * recorded in the status ConfigMap, so a crash after the deletes cannot make the guard forget
   * them.
   */
  private Guarded guard(GitApplier.Plan plan, RevCommit tip, Instant now)
      throws java.io.IOException {
    if (plan.prune().isEmpty()) {
      return new Guarded(plan, List.of(), "", "", null);
    }
    String refusal =
        pruneHistory.refusal(
            plan.prune().size(),
            plan.managed(),
            now,
            settings.pruneWindow(),
            settings.maxPruneRatio());
    String approval = refusal == null ? null : approval(tip);
    if (refusal != null && approval == null) {
      return new Guarded(plan.holdingPrunes(), keys(plan.prune()), refusal, "", null);
    }
    // an approved prune starts the window afresh: the state it leaves is the new baseline
    PruneHistory next =
        approval != null
            ? PruneHistory.EMPTY
            : pruneHistory.plus(
                new PruneHistory.Prune(
                    now, plan.prune().size(), plan.managed(), shortId(tip.name())));
    String failure =
        writeStatus(Map.of(PruneHistory.KEY, next.within(now, settings.pruneWindow()).format()));
    if (failure != null) {
      return new Guarded(
          plan.holdingPrunes(),
          List.of(),
          "",
          "",
          plan.prune().size()
              + " deletions not made: they could not be recorded in the status ConfigMap first ("
              + failure
              + "); retried next sync");
    }
    pruneHistory = next;
    return new Guarded(
        plan, List.of(), "", approval == null ? "" : "; pruning approved by " + approval, null);
  }

  /**
   * Who approves a prune beyond the guard: the flag, or the trailer of a commit since the last
   * applied one (the tip alone when none was applied); null when nobody does.
   */
  private String approval(RevCommit tip) throws java.io.IOException {
    if (settings.allowMassPrune()) {
      return "--git-allow-mass-prune";
    }
    RevCommit trailer = fetcher.findSince(lastAppliedCommit, tip, GitSync::allowsPrune);
    return trailer == null
        ? null
        : "the trailer " + GitSourceSettings.ALLOW_PRUNE_TRAILER + " of " + shortId(trailer.name());
  }

  /** The message of a hold: why, the first objects held, and how to end it. */
  private static String holding(String commit, String why, List<String> held) {
    return String.format(
        "applied %s except %d deletions, which wait for approval: %s. Waiting: %s%s. Approve"
            + " them with the trailer '%s: true' in a commit after %s, or --git-allow-mass-prune;"
            + " or put them back in the repository",
        shortId(commit),
        held.size(),
        why,
        String.join(", ", held.subList(0, Math.min(HELD_IN_MESSAGE, held.size()))),
        held.size() > HELD_IN_MESSAGE
            ? " and " + (held.size() - HELD_IN_MESSAGE) + " more (ConfigMap key pruneHeld)"
            : "",
        GitSourceSettings.ALLOW_PRUNE_TRAILER,
        shortId(commit));
  }

  private static List<String> keys(List<GenericKubernetesResource> objects) {
    return objects.stream().map(GitApplier::key).sorted().toList();
  }

  /** A commit whose trailers (the message's last paragraph, as Git reads them) allow pruning. */
  private static boolean allowsPrune(RevCommit commit) {
    return commit.getFooterLines(GitSourceSettings.ALLOW_PRUNE_TRAILER).stream()
        .anyMatch(value -> value.strip().equalsIgnoreCase("true"));
  }

  /**
   * Reads back what an earlier process recorded: the prune history and, for the same repository and
   * branch, the last applied commit. Returns why it cannot, or null: until it can, nothing is
   * applied, for a guard that forgot its history could be eroded by a restart.
   */
  private String readStatus() {
    String where =
        "the status ConfigMap " + settings.statusNamespace() + "/" + settings.statusName();
    Map<String, String> data;
    try {
      data = statusData();
    } catch (KubernetesClientException e) {
      return "cannot read " + where + ": " + e.getMessage();
    }
    try {
      pruneHistory = PruneHistory.parse(data.get(PruneHistory.KEY));
    } catch (IllegalArgumentException e) {
      return where
          + ": "
          + e.getMessage()
          + " (correct the line, or delete the key: that forgets the window's prunes)";
    }
    appliedHere(data).ifPresent(commit -> lastAppliedCommit = commit);
    statusRead = true;
    return null;
  }

  /** The status ConfigMap's data; empty when there is none yet. */
  private Map<String, String> statusData() {
    ConfigMap cm =
        client
            .configMaps()
            .inNamespace(settings.statusNamespace())
            .withName(settings.statusName())
            .get();
    return cm == null || cm.getData() == null ? Map.of() : cm.getData();
  }

  /** The last applied commit the status records, if it is of this repository and branch. */
  private java.util.Optional<String> appliedHere(Map<String, String> data) {
    String applied = data.get("lastAppliedCommit");
    boolean same =
        settings.url().toString().equals(data.get("repository"))
            && settings.branch().equals(data.get("branch"));
    return same && applied != null && ObjectId.isId(applied)
        ? java.util.Optional.of(applied)
        : java.util.Optional.empty();
  }

  /**
   * The applied commit's {@code alertforge.yaml} as the leader wrote it into the status with the
   * commit ({@link #APPLIED_POLICY_KEY}): what a replica whose own Git source does not sync (a
   * follower) checks with. Empty when no commit of this repository and branch was applied yet.
   *
   * @throws KubernetesClientException when the status cannot be read
   */
  public java.util.Optional<String> publishedPolicy() {
    Map<String, String> data = statusData();
    return appliedHere(data).isPresent() && data.containsKey(APPLIED_POLICY_KEY)
        ? java.util.Optional.of(data.get(APPLIED_POLICY_KEY))
        : java.util.Optional.empty();
  }

  private Result report(Result result, RevCommit tip) {
    return report(result, tip, null);
  }

  /**
   * Writes the status ConfigMap, an event, a metric and a log line. {@code held}: the deletions the
   * guard holds, null when this sync made no plan (the ConfigMap keeps the earlier list).
   */
  private Result report(Result result, RevCommit tip, List<String> held) {
    Result previous = lastResult;
    lastResult = result;
    Counter.builder("alertforge.git.syncs")
        .description("Git source syncs by result")
        .tag("result", result.state().name())
        .register(registry)
        .increment();
    boolean repeated = repeats(result, previous, held);
    if (held != null) {
      lastHeld = held;
    }
    if (repeated) {
      return result; // the same failure or hold again (every interval): reported once, counted
    }
    boolean ok = result.state() == State.Applied;
    boolean applied = ok || result.state() == State.PruneHeld;
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
    if (applied) {
      data.put("lastAppliedCommit", result.commit());
      data.put("lastAppliedTime", now);
      data.put("lastAppliedSubject", tip == null ? "" : tip.getShortMessage());
      appliedPolicy(tip).ifPresent(policy -> data.put(APPLIED_POLICY_KEY, policy));
      data.put("created", Integer.toString(result.created()));
      data.put("updated", Integer.toString(result.updated()));
      data.put("pruned", Integer.toString(result.pruned()));
      data.put("unchanged", Integer.toString(result.unchanged()));
    }
    if (held != null) {
      data.put(
          "pruneHeld", String.join("\n", held.subList(0, Math.min(HELD_IN_STATUS, held.size()))));
      data.put("pruneHeldCount", Integer.toString(held.size()));
    }
    String failure = writeStatus(data);
    if (failure != null) {
      LOG.warn("cannot write the Git source status: {}", failure);
      return result;
    }
    try {
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
      LOG.warn("cannot write the Git source status event: {}", e.getMessage());
    }
    return result;
  }

  /** Not Applied, the same as the last sync's, and nothing written this time. */
  private boolean repeats(Result result, Result previous, List<String> held) {
    if (result.state() == State.Applied
        || previous == null
        || previous.state() != result.state()
        || !Objects.equals(previous.commit(), result.commit())
        || result.created() + result.updated() + result.pruned() > 0) {
      return false;
    }
    // a hold stays the same while the same objects wait, whatever the window's numbers say now
    return result.state() == State.PruneHeld
        ? lastHeld.equals(held)
        : previous.message().equals(result.message());
  }

  /**
   * Creates the status ConfigMap with {@code data}, or merges {@code data} into it (the keys it
   * does not name stay). Returns why it failed, or null.
   */
  private String writeStatus(Map<String, String> data) {
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
        cm.patch(
            PatchContext.of(PatchType.JSON_MERGE), new ConfigMapBuilder().withData(data).build());
      }
      return null;
    } catch (KubernetesClientException e) {
      return e.getMessage();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static String shortId(String commit) {
    return commit.substring(0, Math.min(12, commit.length()));
  }

  /**
   * The status key that holds {@code alertforge.yaml} of the applied commit ("" when it has none:
   * the compiler's defaults), written with {@code lastAppliedCommit} in one patch, so that the
   * admission webhook of every replica, the followers' too, checks with the applied policy.
   */
  public static final String APPLIED_POLICY_KEY = "appliedPolicy";

  private java.util.Optional<String> appliedPolicy(RevCommit tip) {
    if (tip == null) {
      return java.util.Optional.empty();
    }
    try {
      var tree = fetcher.tree(tip);
      String file = io.alertforge.compiler.source.RepositoryScanner.CONFIG_FILE;
      return java.util.Optional.of(
          tree.isFile(file)
              ? new String(tree.read(file), java.nio.charset.StandardCharsets.UTF_8)
              : "");
    } catch (java.io.IOException e) {
      // the key keeps the last commit's policy; the followers' webhook then checks with that one
      LOG.warn("cannot read the applied commit's policy for the status: {}", e.getMessage());
      return java.util.Optional.empty();
    }
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
