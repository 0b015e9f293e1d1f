package io.alertforge.controller.reconcile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What to do for one CR: a pure function of the desired alert, what the CR's status remembers and
 * the live alerts that carry the CR's ownership tag (or its status id). No I/O; unit-tested.
 *
 * @param action the one write (or none) to make
 * @param id the Wavefront alert to update or keep (null for a create)
 * @param adopted the alert was found by tag or id but the status did not name it
 * @param duplicates further alerts with this CR's tag: all but the oldest are deleted
 * @param differences the managed fields in which live and desired differ
 * @param renamedFrom for {@link Action#RENAME} and {@link Action#WAIT_FOR_RENAME}: the CR's old
 *     name ({@code alertforge.io/renamed-from}); null otherwise
 */
public record SyncPlan(
    Action action,
    String id,
    boolean adopted,
    List<String> duplicates,
    List<String> differences,
    String renamedFrom) {

  SyncPlan(
      Action action,
      String id,
      boolean adopted,
      List<String> duplicates,
      List<String> differences) {
    this(action, id, adopted, duplicates, differences, null);
  }

  public enum Action {
    /** Live equals desired: no write. */
    NONE,
    /** Nothing with this CR's tag or id exists: create. */
    CREATE,
    /** The alert the status named is gone (404 / purged): create it again. */
    RECREATE,
    /** The spec changed since it was last applied (or it was never applied): PUT it. */
    UPDATE,
    /** The spec is as last applied but the live alert was edited: PUT it back. */
    CORRECT_DRIFT,
    /** As {@link #CORRECT_DRIFT}, but drift mode is {@code detect}: report only. */
    REPORT_DRIFT,
    /**
     * No alert of its own, renamed from a CR that is gone and whose alert is still there: PUT this
     * CR's alert (its ownership tag instead of the old one) on that alert, keeping its id.
     */
    RENAME,
    /**
     * No alert of its own, renamed from a CR that still exists: no write, look again later. The old
     * CR's alert is its own until that CR is gone, so it cannot be taken from a live CR.
     */
    WAIT_FOR_RENAME
  }

  public boolean writes() {
    return action != Action.NONE
        && action != Action.REPORT_DRIFT
        && action != Action.WAIT_FOR_RENAME;
  }

  public boolean drift() {
    return action == Action.CORRECT_DRIFT || action == Action.REPORT_DRIFT;
  }

  /**
   * @param statusId the alert id the status remembers, or null
   * @param lastApplied the checksum of the projection this controller last wrote, or null
   * @param live the live alerts with this CR's ownership tag, plus the status id's alert if found
   */
  public static SyncPlan decide(
      DesiredAlert desired,
      String statusId,
      String lastApplied,
      List<LiveAlert> live,
      DriftMode mode) {
    return decide(desired, statusId, lastApplied, live, RenameCandidate.NONE, mode);
  }

  /**
   * As above, for a CR that may be renamed from another.
   *
   * @param rename what the CR's old name left behind ({@link RenameCandidate#NONE} unless it is
   *     annotated {@code alertforge.io/renamed-from} and {@code live} is empty)
   */
  static SyncPlan decide(
      DesiredAlert desired,
      String statusId,
      String lastApplied,
      List<LiveAlert> live,
      RenameCandidate rename,
      DriftMode mode) {
    Optional<LiveAlert> byId =
        live.stream().filter(a -> statusId != null && a.id().equals(statusId)).findFirst();
    Optional<LiveAlert> primary =
        byId.or(
            () ->
                live.stream()
                    .min(
                        Comparator.comparingLong(LiveAlert::created).thenComparing(LiveAlert::id)));
    if (primary.isEmpty() && statusId == null && rename.considered()) {
      if (rename.oldCrExists()) {
        return new SyncPlan(
            Action.WAIT_FOR_RENAME, null, false, List.of(), List.of(), rename.oldName());
      }
      if (rename.oldAlert() != null) {
        LiveAlert old = rename.oldAlert();
        return new SyncPlan(
            Action.RENAME,
            old.id(),
            true,
            List.of(),
            old.projection().differences(desired.projection()),
            rename.oldName());
      }
    }
    if (primary.isEmpty()) {
      return new SyncPlan(
          statusId == null ? Action.CREATE : Action.RECREATE, null, false, List.of(), List.of());
    }
    LiveAlert keep = primary.get();
    List<String> duplicates =
        live.stream().map(LiveAlert::id).filter(id -> !id.equals(keep.id())).distinct().toList();
    boolean adopted = !keep.id().equals(statusId);
    List<String> differences = keep.projection().differences(desired.projection());
    Action action;
    if (differences.isEmpty()) {
      action = Action.NONE;
    } else if (adopted || !desired.checksum().equals(lastApplied)) {
      action = Action.UPDATE;
    } else {
      action = mode == DriftMode.CORRECT ? Action.CORRECT_DRIFT : Action.REPORT_DRIFT;
    }
    return new SyncPlan(action, keep.id(), adopted, duplicates, differences);
  }
}
