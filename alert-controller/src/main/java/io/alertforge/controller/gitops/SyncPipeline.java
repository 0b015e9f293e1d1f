package io.alertforge.controller.gitops;

import static io.alertforge.controller.gitops.GitFetcher.shortId;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.controller.gitops.GitSync.Result;
import io.alertforge.controller.gitops.GitSync.State;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync: fetch the branch, compile its tip, plan against the managed objects ({@link
 * GitApplier#plan}, pure), let the prune guard decide ({@link PruneGuard}), apply; from the state
 * the last sync left to an outcome, which it does not report. A commit with an error finding
 * applies nothing.
 */
final class SyncPipeline {
  // the Git source's log lines keep the logger they always had
  private static final Logger LOG = LoggerFactory.getLogger(GitSync.class);

  private final GitSourceSettings settings;
  private final GitFetcher fetcher;
  private final AlertCompiler compiler;
  private final GitApplier applier;
  private final PruneGuard guard;
  private final Clock clock;

  // one compilation kept: every interval re-plans the same commit against the cluster
  private String compiledCommit;
  private Compilation compiled;

  SyncPipeline(
      GitSourceSettings settings,
      GitFetcher fetcher,
      AlertCompiler compiler,
      GitApplier applier,
      PruneGuard guard,
      Clock clock) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.compiler = compiler;
    this.applier = applier;
    this.guard = guard;
    this.clock = clock;
  }

  SyncOutcome run(SyncState before) {
    RevCommit tip;
    try {
      tip = fetcher.fetch();
    } catch (GitFetcher.FetchException e) {
      return SyncOutcome.failed(before, State.FetchFailed, null, e.getMessage(), null);
    }
    String commit = tip.name();
    String last = before.lastAppliedCommit();
    String note;
    try {
      note = forcePushNote(last, tip);
      if (!commit.equals(compiledCommit)) {
        compiled = compiler.compile(fetcher.tree(tip));
        compiledCommit = commit;
      }
    } catch (IOException e) {
      return cannotRead(before, tip, e);
    }
    if (compiled.hasErrors()) {
      return SyncOutcome.failed(before, State.CompileFailed, commit, compileFailure(last), tip);
    }
    List<GenericKubernetesResource> desired =
        compiled.alerts().stream().map(a -> GitApplier.desired(a, commit)).toList();
    PruneGuard.Guarded guarded;
    try {
      guarded =
          guard.guard(
              GitApplier.plan(desired, applier.managed(), clock.instant()),
              tip,
              before,
              clock.instant());
    } catch (KubernetesClientException e) {
      return SyncOutcome.failed(
          before, State.ApplyFailed, commit, "cannot list WavefrontAlerts: " + e.getMessage(), tip);
    } catch (IOException e) {
      return cannotRead(before, tip, e);
    }
    return apply(guarded, tip, before, note);
  }

  private SyncOutcome apply(
      PruneGuard.Guarded guarded, RevCommit tip, SyncState before, String note) {
    String commit = tip.name();
    GitApplier.Plan plan = guarded.plan();
    List<String> held = guarded.held();
    GitApplier.Outcome out = applier.apply(plan);
    String holding = held.isEmpty() ? "" : guarded.holding(commit);
    List<String> errors = new ArrayList<>(out.errors());
    if (guarded.failure() != null) {
      errors.add(guarded.failure());
    }
    if (!errors.isEmpty()) {
      Result failed =
          new Result(
              State.ApplyFailed,
              commit,
              String.join("; ", errors) + (holding.isEmpty() ? "" : "; " + holding),
              out.created(),
              out.updated(),
              out.pruned(),
              out.unchanged());
      return new SyncOutcome(
          failed, tip, held, null, new SyncState(before.lastAppliedCommit(), guarded.history()));
    }
    boolean changed = out.created() + out.updated() + out.pruned() > 0;
    boolean newCommit = !commit.equals(before.lastAppliedCommit());
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
    return new SyncOutcome(
        result,
        tip,
        held,
        newCommit || changed ? message : null,
        new SyncState(commit, guarded.history()));
  }

  /** Said in the message after a force-push (and logged): "" when the branch moved forward. */
  private String forcePushNote(String last, RevCommit tip) throws IOException {
    String commit = tip.name();
    if (last == null || last.equals(commit) || fetcher.isAncestor(ObjectId.fromString(last), tip)) {
      return "";
    }
    LOG.warn(
        "branch {} was force-pushed: {} replaces {}",
        settings.branch(),
        shortId(commit),
        shortId(last));
    return " (force-push: " + shortId(last) + " is not an ancestor)";
  }

  /** The compiler's summary and its first five errors; the cluster stays as it is. */
  private String compileFailure(String last) {
    List<Diagnostic> errors =
        compiled.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    return compiled.summary()
        + "; nothing applied, "
        + (last == null ? "no commit applied yet" : "the cluster stays at " + shortId(last))
        + ": "
        + errors.stream().limit(5).map(Diagnostic::format).collect(Collectors.joining("; "))
        + (errors.size() > 5 ? "; ..." : "");
  }

  private static SyncOutcome cannotRead(SyncState before, RevCommit tip, IOException e) {
    return SyncOutcome.failed(
        before, State.FetchFailed, tip.name(), "cannot read commit: " + e.getMessage(), tip);
  }
}
