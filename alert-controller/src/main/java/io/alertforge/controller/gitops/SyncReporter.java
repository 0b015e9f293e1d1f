package io.alertforge.controller.gitops;

/**
 * Where each sync's outcome goes: the status ConfigMap, an event, the metrics, the log and the
 * audit line ({@link StatusReporter}).
 */
interface SyncReporter {
  /**
   * @param previous the outcome of the sync before this one; null for a process's first
   */
  void report(SyncOutcome outcome, GitSync.Result previous);
}
