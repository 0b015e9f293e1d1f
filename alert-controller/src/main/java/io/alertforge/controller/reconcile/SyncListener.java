package io.alertforge.controller.reconcile;

import io.alertforge.controller.crd.WavefrontAlert;
import java.util.List;

/**
 * Told what the Wavefront sync did and found, so that the events, the audit log, the metrics and
 * the log lines ({@link SyncReports}) are written in one place, and the reconcile only decides and
 * acts. The checksums are those of the managed fields ({@link AlertProjection#checksum()}).
 */
public interface SyncListener {

  /** An alert created for {@code cr}; {@code recreate} when the one its status named is gone. */
  void created(WavefrontAlert cr, String id, String name, String after, boolean recreate);

  /**
   * An alert updated to the spec; {@code drift} when it was put back after an edit outside the
   * cluster, {@code adopted} when the status did not name it yet.
   */
  void updated(
      WavefrontAlert cr,
      String id,
      String name,
      String before,
      String after,
      List<String> fields,
      boolean drift,
      boolean adopted);

  /**
   * The alert of the CR {@code cr} was renamed from ({@code oldName}, gone) taken over: updated to
   * this CR's spec and ownership tag, its id kept.
   */
  void renamed(
      WavefrontAlert cr, String id, String name, String oldName, String before, String after);

  /** No alert of its own while the CR it is renamed from still exists: it waits (told once). */
  void renamePending(WavefrontAlert cr, String message);

  /** The finalizer of {@code cr} left its alerts to {@code heir}, which is renamed from it. */
  void keptForRename(WavefrontAlert cr, List<String> ids, WavefrontAlert heir);

  /** A live alert that differs from the spec, left as it is (drift mode detect). */
  void driftDetected(WavefrontAlert cr, String id, List<String> fields, boolean firstSeen);

  /** Nothing to write; {@code adopted} when the status did not name the alert yet. */
  void unchanged(WavefrontAlert cr, String id, boolean adopted);

  /** A second alert with this CR's tag, deleted. */
  void duplicateDeleted(WavefrontAlert cr, String id, String name, String before);

  /** The CR is gone: its alerts (none: already gone) deleted. */
  void deleted(WavefrontAlert cr, List<String> ids);

  /** A delete failed; the finalizer stays. */
  void deleteFailed(WavefrontAlert cr, String message, boolean unauthorized);

  /** A sync failed for a new reason or with a new message (not every retry). */
  void failed(WavefrontAlert cr, String reason, String message);

  /** The spec cannot be sent (told when the reason changes). */
  void invalidSpec(WavefrontAlert cr, String why);

  /** The status names an alert this CR does not own; {@code deleting}: the finalizer leaves it. */
  void ownershipConflict(WavefrontAlert cr, StatusClaim claim, boolean deleting);

  /** A resync found an orphan: an alert with this cluster's tags that no CR owns (once each). */
  void orphanFound(String id, String ownerTag, String message);

  /** {@code --prune-orphans} deleted an orphan. */
  void orphanDeleted(LiveAlert orphan, String message);

  /** A resync listed {@code live} alerts and queued {@code queued} CRs, in {@code took}. */
  void resynced(int live, int queued, java.time.Duration took);

  /** A reconcile failed with a bug of the controller's, not of Wavefront or the spec. */
  void internalError(WavefrontAlert cr, Exception e);
}
