package io.alertforge.controller.gitops;

import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What one sync did, for its report and the next sync.
 *
 * @param tip the commit fetched; null when the fetch failed
 * @param held the deletions the prune guard holds (sorted keys); null when the sync made no plan
 * @param auditSummary the applied commit's summary for the audit line, when the commit is new or
 *     the sync changed the cluster; null otherwise
 * @param after the state the next sync starts from
 */
record SyncOutcome(
    GitSync.Result result, RevCommit tip, List<String> held, String auditSummary, SyncState after) {

  /** A sync that stopped before its plan: nothing written, the state kept. */
  static SyncOutcome failed(
      SyncState state, GitSync.State failure, String commit, String message, RevCommit tip) {
    return new SyncOutcome(
        new GitSync.Result(failure, commit, message, 0, 0, 0, 0), tip, null, null, state);
  }
}
