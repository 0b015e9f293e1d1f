package io.alertforge.controller.gitops;

import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SourceTree;
import io.alertforge.controller.gitops.GitSync.Result;
import io.alertforge.controller.gitops.GitSync.State;
import io.alertforge.controller.ops.EventRecorder;
import io.alertforge.controller.ops.EventRecorder.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each sync: the status ConfigMap, an event on it, the metrics {@code alertforge_git_*}, a
 * log line, and one line on {@code alertforge.audit} per applied commit. A failure, or a hold,
 * repeated at every interval is written once and counted every time.
 */
final class StatusReporter implements SyncReporter {
  // the Git source's log lines keep the logger they always had
  private static final Logger LOG = LoggerFactory.getLogger(GitSync.class);
  private static final Logger AUDIT = LoggerFactory.getLogger("alertforge.audit");

  /** Held deletions listed in the ConfigMap key {@code pruneHeld}. */
  private static final int HELD_IN_STATUS = 100;

  private final GitSourceSettings settings;
  private final StatusConfigMap status;
  private final GitFetcher fetcher;
  private final EventRecorder events;
  private final MeterRegistry registry;
  private final Clock clock;
  private final AtomicLong lastAppliedEpoch = new AtomicLong();
  private final Map<String, AtomicLong> lastCounts = new LinkedHashMap<>();
  private List<String> lastHeld = List.of();

  StatusReporter(
      GitSourceSettings settings,
      StatusConfigMap status,
      GitFetcher fetcher,
      EventRecorder events,
      MeterRegistry registry,
      Clock clock) {
    this.settings = settings;
    this.status = status;
    this.fetcher = fetcher;
    this.events = events;
    this.registry = registry;
    this.clock = clock;
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

  @Override
  public void report(SyncOutcome outcome, Result previous) {
    Result result = outcome.result();
    if (outcome.auditSummary() != null) {
      audit(outcome);
    }
    boolean unchanged =
        result.state() == State.Applied
            && outcome.auditSummary() == null
            && previous != null
            && previous.state() == State.Applied;
    if (unchanged) {
      registry.counter("alertforge.git.syncs", "result", "unchanged").increment();
      return;
    }
    Counter.builder("alertforge.git.syncs")
        .description("Git source syncs by result")
        .tag("result", result.state().name())
        .register(registry)
        .increment();
    boolean repeated = repeats(result, previous, outcome.held());
    if (outcome.held() != null) {
      lastHeld = outcome.held();
    }
    if (repeated) {
      return; // the same failure or hold again (every interval): reported once, counted
    }
    boolean ok = result.state() == State.Applied;
    if (ok) {
      LOG.info("git source: {}", result.message());
    } else {
      LOG.warn("git source {}: {}", result.state(), result.message());
    }
    String failure = status.write(statusData(outcome));
    if (failure != null) {
      LOG.warn("cannot write the Git source status: {}", failure);
      return;
    }
    if (ok) {
      events.normal(status.reference(), reason(result.state()), result.message());
    } else {
      events.warning(status.reference(), reason(result.state()), result.message());
    }
  }

  /** The audit line of an applied commit, and the gauges of the last applied one. */
  private void audit(SyncOutcome outcome) {
    Result result = outcome.result();
    AUDIT
        .atInfo()
        .addKeyValue("audit", true)
        .addKeyValue("action", "git-apply")
        .addKeyValue("commit", result.commit())
        .addKeyValue("repository", settings.url().toString())
        .addKeyValue("branch", settings.branch())
        .addKeyValue("path", settings.path())
        .addKeyValue("author", outcome.tip().getAuthorIdent().getEmailAddress())
        .addKeyValue("created", result.created())
        .addKeyValue("updated", result.updated())
        .addKeyValue("pruned", result.pruned())
        .addKeyValue("unchanged", result.unchanged())
        .addKeyValue("held", outcome.held().size())
        .log("git apply {}", outcome.auditSummary());
    lastAppliedEpoch.set(clock.instant().getEpochSecond());
    lastCounts.get("created").set(result.created());
    lastCounts.get("updated").set(result.updated());
    lastCounts.get("pruned").set(result.pruned());
    lastCounts.get("unchanged").set(result.unchanged());
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
   * The keys a sync writes: every sync's, those of an applied commit, and the held deletions when
   * the sync made a plan (otherwise the ConfigMap keeps the earlier list).
   */
  private Map<String, String> statusData(SyncOutcome outcome) {
    Result result = outcome.result();
    RevCommit tip = outcome.tip();
    List<String> held = outcome.held();
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    Map<String, String> data = new LinkedHashMap<>();
    data.put("repository", settings.url().toString());
    data.put("branch", settings.branch());
    data.put("path", settings.path());
    data.put("state", result.state().name());
    data.put("message", result.message());
    data.put("lastAttemptTime", now);
    data.put("lastAttemptCommit", result.commit() == null ? "" : result.commit());
    if (result.state() == State.Applied || result.state() == State.PruneHeld) {
      data.put("lastAppliedCommit", result.commit());
      data.put("lastAppliedTime", now);
      data.put("lastAppliedSubject", tip == null ? "" : tip.getShortMessage());
      appliedPolicy(tip).ifPresent(policy -> data.put(GitSync.APPLIED_POLICY_KEY, policy));
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
    return data;
  }

  /** The applied commit's {@code alertforge.yaml}, "" when it has none. */
  private Optional<String> appliedPolicy(RevCommit tip) {
    if (tip == null) {
      return Optional.empty();
    }
    try {
      SourceTree tree = fetcher.tree(tip);
      String file = RepositoryScanner.CONFIG_FILE;
      return Optional.of(
          tree.isFile(file) ? new String(tree.read(file), StandardCharsets.UTF_8) : "");
    } catch (IOException e) {
      // the key keeps the last commit's policy; the followers' webhook then checks with that one
      LOG.warn("cannot read the applied commit's policy for the status: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static Reason reason(State state) {
    return switch (state) {
      case Applied -> Reason.GitApplied;
      case PruneHeld -> Reason.GitPruneHeld;
      case CompileFailed -> Reason.GitCompileFailed;
      case ApplyFailed -> Reason.GitApplyFailed;
      case FetchFailed -> Reason.GitFetchFailed;
    };
  }
}
