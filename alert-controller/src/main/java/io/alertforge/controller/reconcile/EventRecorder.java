package io.alertforge.controller.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes events on a WavefrontAlert, with a fixed set of reasons. A failure to record an event
 * is logged and never fails a reconcile.
 */
public final class EventRecorder {
  /** The reasons; nothing else is ever used as a reason. */
  public enum Reason {
    Created,
    Updated,
    Adopted,
    Recreated,
    DriftCorrected,
    DriftDetected,
    Deleted,
    DuplicateDeleted,
    SyncFailed,
    DeleteFailed,
    Unauthorized,
    InvalidSpec,
    OwnershipConflict,
    OrphanFound,
    OrphanDeleted
  }

  static final String COMPONENT = "alertforge-controller";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final AtomicLong SEQ = new AtomicLong();

  private final KubernetesClient client;
  private final String instance;

  public EventRecorder(KubernetesClient client, String instance) {
    this.client = client;
    this.instance = instance;
  }

  public void normal(HasMetadata on, Reason reason, String message) {
    record(on, "Normal", reason, message);
  }

  public void warning(HasMetadata on, Reason reason, String message) {
    record(on, "Warning", reason, message);
  }

  private void record(HasMetadata on, String type, Reason reason, String message) {
    String now = Instant.now().toString();
    String ns = on.getMetadata().getNamespace();
    String name =
        on.getMetadata().getName()
            + "."
            + Long.toHexString(System.currentTimeMillis())
            + Long.toHexString(SEQ.incrementAndGet());
    try {
      client
          .v1()
          .events()
          .inNamespace(ns)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(ns)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(on.getApiVersion())
                          .withKind(on.getKind())
                          .withNamespace(ns)
                          .withName(on.getMetadata().getName())
                          .withUid(on.getMetadata().getUid())
                          .build())
                  .withType(type)
                  .withReason(reason.name())
                  .withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent(COMPONENT)
                  .endSource()
                  .withReportingComponent(COMPONENT)
                  .withReportingInstance(instance)
                  .build())
          .create();
    } catch (RuntimeException e) {
      LOG.warn("could not record event {} on {}/{}: {}", reason, ns, name, e.getMessage());
    }
  }
}
