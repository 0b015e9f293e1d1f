package io.alertforge.controller.gitops;

/**
 * What a sync starts from and leaves for the next: the commit the cluster was last brought to and
 * what the prune guard counts.
 *
 * @param lastAppliedCommit null before the first apply
 */
record SyncState(String lastAppliedCommit, PruneHistory pruneHistory) {
  static final SyncState NOTHING_APPLIED = new SyncState(null, PruneHistory.EMPTY);
}
