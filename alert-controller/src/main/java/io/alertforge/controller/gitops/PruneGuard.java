package io.alertforge.controller.gitops;

import static io.alertforge.controller.gitops.GitFetcher.shortId;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Lets a plan's deletions through, or holds them: the window's arithmetic is {@link
 * PruneHistory}'s; an approval is {@code --git-allow-mass-prune} or the trailer {@value
 * GitSourceSettings#ALLOW_PRUNE_TRAILER} on a commit since the last applied one. Before anything is
 * deleted the prune is recorded in the status ConfigMap, so a crash after the deletes cannot make
 * the guard forget them.
 */
final class PruneGuard {
  private static final int HELD_IN_MESSAGE = 10;

  /**
   * A plan after the guard: the deletions it holds (sorted keys) and why, who approved them, or why
   * they could not be recorded (then they wait, and the sync is ApplyFailed); and the history the
   * next sync counts.
   */
  record Guarded(
      GitApplier.Plan plan,
      List<String> held,
      String why,
      String approval,
      String failure,
      PruneHistory history) {

    /** The message of a hold: why, the first objects held, and how to end it. */
    String holding(String commit) {
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
  }

  private final GitSourceSettings settings;
  private final GitFetcher fetcher;
  private final StatusConfigMap status;

  PruneGuard(GitSourceSettings settings, GitFetcher fetcher, StatusConfigMap status) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.status = status;
  }

  /** The plan of {@code tip}, made after {@code before}, with its deletions let through or held. */
  Guarded guard(GitApplier.Plan plan, RevCommit tip, SyncState before, Instant now)
      throws IOException {
    PruneHistory history = before.pruneHistory();
    if (plan.prune().isEmpty()) {
      return new Guarded(plan, List.of(), "", "", null, history);
    }
    String refusal =
        history.refusal(
            plan.prune().size(),
            plan.managed(),
            now,
            settings.pruneWindow(),
            settings.maxPruneRatio());
    String approval = refusal == null ? null : approval(before.lastAppliedCommit(), tip);
    if (refusal != null && approval == null) {
      return new Guarded(plan.holdingPrunes(), keys(plan.prune()), refusal, "", null, history);
    }
    // an approved prune starts the window afresh: the state it leaves is the new baseline
    PruneHistory next =
        approval != null
            ? PruneHistory.EMPTY
            : history.plus(
                new PruneHistory.Prune(
                    now, plan.prune().size(), plan.managed(), shortId(tip.name())));
    String failure =
        status.write(Map.of(PruneHistory.KEY, next.within(now, settings.pruneWindow()).format()));
    if (failure != null) {
      return new Guarded(
          plan.holdingPrunes(),
          List.of(),
          "",
          "",
          plan.prune().size()
              + " deletions not made: they could not be recorded in the status ConfigMap first ("
              + failure
              + "); retried next sync",
          history);
    }
    return new Guarded(
        plan,
        List.of(),
        "",
        approval == null ? "" : "; pruning approved by " + approval,
        null,
        next);
  }

  /**
   * Who approves a prune beyond the guard: the flag, or the trailer of a commit since the last
   * applied one (the tip alone when none was applied); null when nobody does.
   */
  private String approval(String lastAppliedCommit, RevCommit tip) throws IOException {
    if (settings.allowMassPrune()) {
      return "--git-allow-mass-prune";
    }
    RevCommit trailer = fetcher.findSince(lastAppliedCommit, tip, PruneGuard::allowsPrune);
    return trailer == null
        ? null
        : "the trailer " + GitSourceSettings.ALLOW_PRUNE_TRAILER + " of " + shortId(trailer.name());
  }

  /** A commit whose trailers (the message's last paragraph, as Git reads them) allow pruning. */
  private static boolean allowsPrune(RevCommit commit) {
    return commit.getFooterLines(GitSourceSettings.ALLOW_PRUNE_TRAILER).stream()
        .anyMatch(value -> value.strip().equalsIgnoreCase("true"));
  }

  private static List<String> keys(List<GenericKubernetesResource> objects) {
    return objects.stream().map(GitApplier::key).sorted().toList();
  }
}
