package io.alertforge.controller.reconcile;

import io.alertforge.controller.crd.AlertStatus;
import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.State;
import io.alertforge.controller.crd.WavefrontAlertStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status a reconcile writes, as a function of what it decided and found: no I/O. Each method
 * changes the copy it was made with and says whether the change is news (a new failure, a new
 * conflict), which the reconcile then reports once instead of at every retry. keikoproj's fields
 * are kept (state, alertsStatus, errorDescription), so tools that read them keep working.
 */
final class StatusUpdate {
  private final WavefrontAlertStatus status;
  private final Long generation;
  private final String now;

  StatusUpdate(WavefrontAlertStatus status, Long generation, String now) {
    this.status = status;
    this.generation = generation;
    this.now = now;
    status.setObservedGeneration(generation);
  }

  WavefrontAlertStatus status() {
    return status;
  }

  void template() {
    status.setState(State.READY_TO_BE_USED);
    status.setErrorDescription("");
    String why =
        "a template (exportedParams is set): AlertForge renders it into concrete WavefrontAlerts;"
            + " this controller does not sync templates";
    set(Conditions.READY, false, "Template", why);
    set(Conditions.SYNCED, false, "Template", why);
  }

  /** A spec that cannot be sent; true when the reason is new. */
  boolean invalid(String why) {
    boolean changed = !why.equals(status.getErrorDescription());
    status.setState(State.MALFORMED_SPEC);
    status.setErrorDescription(why);
    set(Conditions.READY, false, "InvalidSpec", why);
    set(Conditions.SYNCED, false, "InvalidSpec", why);
    return changed;
  }

  /** Wavefront alert {@code id} (at {@code link}) is as the plan left it. */
  void succeeded(SyncPlan plan, DesiredAlert desired, String id, String link) {
    String name = desired.name();
    AlertStatus previous = status.getAlertsStatus().get(name);
    AlertStatus entry = new AlertStatus();
    entry.setId(id);
    entry.setAlertName(name);
    entry.setLink(link);
    entry.setState(State.READY);
    entry.setLastChangeChecksum(desired.checksum());
    entry.setErrorDescription("");
    boolean unchanged =
        previous != null
            && !plan.writes()
            && id.equals(previous.getId())
            && previous.getLastUpdatedTimestamp() != null;
    entry.setLastUpdatedTimestamp(unchanged ? previous.getLastUpdatedTimestamp() : now);
    status.setAlertsStatus(new LinkedHashMap<>(Map.of(name, entry)));
    status.setState(State.READY);
    status.setErrorDescription("");
    status.setRetryCount(0);
    status.setLastChangeChecksum(desired.checksum());
    boolean drifted = plan.action() == SyncPlan.Action.REPORT_DRIFT;
    String driftMessage =
        drifted
            ? "differs from the spec in "
                + String.join(", ", plan.differences())
                + " (drift: detect)"
            : "the live alert equals the spec";
    set(Conditions.DRIFTED, drifted, drifted ? "DriftDetected" : "NoDrift", driftMessage);
    if (plan.action() == SyncPlan.Action.RENAME) {
      set(
          Conditions.RENAMED,
          true,
          "RenamedFrom",
          "took over Wavefront alert "
              + id
              + " of "
              + plan.renamedFrom()
              + " (alertforge.io/renamed-from); same id, history kept");
    }
    set(Conditions.SYNCED, true, "Synced", "Wavefront alert " + id);
    set(
        Conditions.READY,
        !drifted,
        drifted ? "Drifted" : "InSync",
        drifted ? driftMessage : "Wavefront alert " + id + " equals the spec");
  }

  /**
   * No alert of its own yet, and the CR it is renamed from still exists: nothing written until that
   * CR is gone; true when that is news.
   */
  boolean renamePending(String namespace, String oldName) {
    String message =
        "waiting for WavefrontAlert "
            + namespace
            + "/"
            + oldName
            + " to be deleted: this CR is renamed from it (alertforge.io/renamed-from) and takes"
            + " over its Wavefront alert then, keeping the id";
    boolean transition =
        !Conditions.find(status.getConditions(), Conditions.RENAMED)
            .map(c -> message.equals(c.getMessage()))
            .orElse(false);
    status.setState(State.ERROR);
    status.setErrorDescription(message);
    set(Conditions.RENAMED, false, "RenamePending", message);
    set(Conditions.SYNCED, false, "RenamePending", message);
    set(Conditions.READY, false, "RenamePending", message);
    return transition;
  }

  /** The sync failed; true when the reason or the message is new. */
  boolean failed(String reason, String message) {
    boolean transition =
        !Conditions.find(status.getConditions(), Conditions.SYNCED)
            .map(c -> reason.equals(c.getReason()) && message.equals(c.getMessage()))
            .orElse(false);
    status.setState(State.ERROR);
    status.setErrorDescription(message);
    status
        .getAlertsStatus()
        .values()
        .forEach(
            a -> {
              a.setState(State.ERROR);
              a.setErrorDescription(message);
            });
    set(Conditions.SYNCED, false, reason, message);
    set(Conditions.READY, false, reason, message);
    return transition;
  }

  /** No alert of its own, and the status names an untagged one; true when that is news. */
  boolean held(StatusClaim claim) {
    boolean transition = !conflictMessage(status).equals(claim.message());
    status.setState(State.ERROR);
    status.setErrorDescription(claim.message());
    set(Conditions.READY, false, claim.reason(), claim.message());
    set(Conditions.SYNCED, false, claim.reason(), claim.message());
    set(Conditions.OWNERSHIP_CONFLICT, true, claim.reason(), claim.message());
    return transition;
  }

  /**
   * The condition {@code OwnershipConflict} while the status names an alert not this CR's, after a
   * sync with the CR's own alert; true when the conflict is news against {@code before}.
   */
  boolean conflict(StatusClaim claim, WavefrontAlertStatus before) {
    if (!claim.conflict()) {
      Conditions.remove(status.getConditions(), Conditions.OWNERSHIP_CONFLICT);
      return false;
    }
    String message = claim.message() + "; this CR's alert is " + statusId(status);
    set(Conditions.OWNERSHIP_CONFLICT, true, claim.reason(), message);
    return !conflictMessage(before).equals(message);
  }

  /** The Wavefront id the status names, or null. */
  static String statusId(WavefrontAlertStatus status) {
    return status.getAlertsStatus().values().stream()
        .map(AlertStatus::getId)
        .filter(id -> id != null && !id.isBlank())
        .findFirst()
        .orElse(null);
  }

  private static String conflictMessage(WavefrontAlertStatus status) {
    return Conditions.find(status.getConditions(), Conditions.OWNERSHIP_CONFLICT)
        .filter(c -> "True".equals(c.getStatus()))
        .map(Condition::getMessage)
        .orElse("");
  }

  private void set(String type, boolean value, String reason, String message) {
    List<Condition> c = status.getConditions();
    Conditions.set(c, type, value, reason, message, generation, now);
  }
}
