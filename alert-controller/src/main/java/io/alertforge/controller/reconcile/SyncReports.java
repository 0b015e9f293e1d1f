package io.alertforge.controller.reconcile;

import static io.alertforge.controller.ops.EventRecorder.Reason;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.ops.AuditLog;
import io.alertforge.controller.ops.ControllerMetrics;
import io.alertforge.controller.ops.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports of the Wavefront sync: a Kubernetes event on the CR, one line on the audit log per
 * change made in Wavefront, the metrics, and a log line for failures. Every reason, action and
 * metric label is in docs/controller.md.
 */
public final class SyncReports implements SyncListener {
  // the loggers these lines always had, so log filters keep working
  private static final Logger LOG = LoggerFactory.getLogger(WavefrontAlertReconciler.class);
  private static final Logger RESYNC_LOG = LoggerFactory.getLogger(ResyncEventSource.class);
  private static final Logger ORPHAN_LOG = LoggerFactory.getLogger(OrphanSweep.class);

  private final EventRecorder events;
  private final AuditLog audit;
  private final ControllerMetrics metrics;
  private final DriftMode driftMode;
  private final Optional<HasMetadata> pod;

  /**
   * @param pod this replica's Pod, where the events about no single CR (orphans) go; none outside a
   *     Pod
   */
  public SyncReports(
      EventRecorder events,
      AuditLog audit,
      ControllerMetrics metrics,
      DriftMode driftMode,
      Optional<HasMetadata> pod) {
    this.events = events;
    this.audit = audit;
    this.metrics = metrics;
    this.driftMode = driftMode;
    this.pod = pod;
  }

  @Override
  public void created(WavefrontAlert cr, String id, String name, String after, boolean recreate) {
    audit.record(recreate ? "recreate" : "create", cr, id, name, null, after);
    events.normal(
        cr,
        recreate ? Reason.Recreated : Reason.Created,
        (recreate ? "re-created Wavefront alert (the previous one is gone): " : "created ") + id);
    metrics.sync(recreate ? "recreated" : "created");
  }

  @Override
  public void updated(
      WavefrontAlert cr,
      String id,
      String name,
      String before,
      String after,
      List<String> fields,
      boolean drift,
      boolean adopted) {
    audit.record(drift ? "correct-drift" : "update", cr, id, name, before, after);
    if (adopted) {
      events.normal(cr, Reason.Adopted, "adopted Wavefront alert " + id);
    }
    String which = String.join(", ", fields);
    if (drift) {
      metrics.drift(driftMode.toString());
      events.normal(
          cr,
          Reason.DriftCorrected,
          "Wavefront alert " + id + " was edited outside the cluster (" + which + "); put back");
    } else {
      events.normal(cr, Reason.Updated, "updated Wavefront alert " + id + " (" + which + ")");
    }
    metrics.sync(drift ? "drift_corrected" : "updated");
  }

  @Override
  public void renamed(
      WavefrontAlert cr, String id, String name, String oldName, String before, String after) {
    audit.record("rename", cr, id, name, before, after);
    events.normal(
        cr,
        Reason.Renamed,
        "took over Wavefront alert "
            + id
            + " of "
            + namespace(cr)
            + "/"
            + oldName
            + " (alertforge.io/renamed-from): same id, its history, acknowledgements and snoozes"
            + " kept");
    metrics.sync("renamed");
  }

  @Override
  public void renamePending(WavefrontAlert cr, String message) {
    events.normal(cr, Reason.RenamePending, message);
  }

  @Override
  public void keptForRename(WavefrontAlert cr, List<String> ids, WavefrontAlert heir) {
    events.normal(
        cr,
        Reason.KeptForRename,
        (ids.isEmpty() ? "no Wavefront alert to keep" : "Wavefront alert " + String.join(", ", ids))
            + " not deleted: "
            + namespace(heir)
            + "/"
            + name(heir)
            + " is renamed from this WavefrontAlert (alertforge.io/renamed-from) and takes it"
            + " over");
    metrics.sync("kept_for_rename");
  }

  @Override
  public void driftDetected(WavefrontAlert cr, String id, List<String> fields, boolean firstSeen) {
    if (firstSeen) {
      metrics.drift(driftMode.toString());
      events.warning(
          cr,
          Reason.DriftDetected,
          "Wavefront alert "
              + id
              + " differs from the spec ("
              + String.join(", ", fields)
              + "); drift mode is detect, so it is left as is");
    }
    metrics.sync("drift_detected");
  }

  @Override
  public void unchanged(WavefrontAlert cr, String id, boolean adopted) {
    if (adopted) {
      events.normal(cr, Reason.Adopted, "adopted Wavefront alert " + id);
      metrics.sync("adopted");
    } else {
      metrics.sync("unchanged");
    }
  }

  @Override
  public void duplicateDeleted(WavefrontAlert cr, String id, String name, String before) {
    audit.record("delete-duplicate", cr, id, name, before, null);
    events.normal(
        cr, Reason.DuplicateDeleted, "deleted duplicate Wavefront alert " + id + " (same tag)");
  }

  @Override
  public void deleted(WavefrontAlert cr, List<String> ids) {
    String name = cr.getSpec() == null ? null : cr.getSpec().getAlertName();
    ids.forEach(id -> audit.record("delete", cr, id, name, null, null));
    events.normal(
        cr,
        Reason.Deleted,
        ids.isEmpty()
            ? "no Wavefront alert to delete (already gone)"
            : "deleted Wavefront alert " + String.join(", ", ids) + " (moved to the trash)");
    metrics.sync("deleted");
  }

  @Override
  public void deleteFailed(WavefrontAlert cr, String message, boolean unauthorized) {
    metrics.error(unauthorized ? "Unauthorized" : "DeleteFailed");
    if (unauthorized) {
      events.warning(cr, Reason.Unauthorized, "cannot delete: " + message);
    } else {
      events.warning(
          cr,
          Reason.DeleteFailed,
          "the finalizer stays until the Wavefront alert is deleted: " + message);
    }
  }

  @Override
  public void failed(WavefrontAlert cr, String reason, String message) {
    metrics.error(reason);
    events.warning(
        cr, "Unauthorized".equals(reason) ? Reason.Unauthorized : Reason.SyncFailed, message);
    LOG.warn("sync of {}/{} failed: {}", namespace(cr), name(cr), message);
  }

  @Override
  public void invalidSpec(WavefrontAlert cr, String why) {
    events.warning(cr, Reason.InvalidSpec, why);
    metrics.sync("invalid_spec");
  }

  @Override
  public void ownershipConflict(WavefrontAlert cr, StatusClaim claim, boolean deleting) {
    metrics.error("OwnershipConflict");
    if (deleting) {
      events.warning(cr, Reason.OwnershipConflict, claim.message() + "; not deleted");
      LOG.warn("delete of {}/{}: {}; not deleted", namespace(cr), name(cr), claim.message());
    } else {
      events.warning(cr, Reason.OwnershipConflict, claim.message());
      LOG.warn("{}/{}: {}", namespace(cr), name(cr), claim.message());
    }
  }

  @Override
  public void orphanFound(String id, String ownerTag, String message) {
    ORPHAN_LOG
        .atWarn()
        .addKeyValue("wavefrontId", id)
        .addKeyValue("ownerTag", ownerTag)
        .log("orphaned alert: {}", message);
    pod.ifPresent(p -> events.warning(p, Reason.OrphanFound, message));
  }

  @Override
  public void orphanDeleted(LiveAlert orphan, String message) {
    audit.recordOrphan(
        orphan.ownerTag(), orphan.id(), orphan.projection().name(), orphan.projection().checksum());
    metrics.orphanDeleted();
    ORPHAN_LOG.info(message);
    pod.ifPresent(p -> events.normal(p, Reason.OrphanDeleted, message));
  }

  @Override
  public void resynced(int live, int queued, Duration took) {
    metrics.resync(took);
    RESYNC_LOG.info("resync: {} live alerts, {} CRs queued, {} ms", live, queued, took.toMillis());
  }

  @Override
  public void internalError(WavefrontAlert cr, Exception e) {
    LOG.error("reconcile of {}/{} failed", namespace(cr), name(cr), e);
  }

  private static String namespace(WavefrontAlert cr) {
    return cr.getMetadata().getNamespace();
  }

  private static String name(WavefrontAlert cr) {
    return cr.getMetadata().getName();
  }
}
