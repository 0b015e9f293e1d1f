package io.alertforge.controller.ops;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes events of the controller, with a fixed set of reasons: on a WavefrontAlert (the
 * reconciler), on the controller's Pod (the orphan sweep) and on the Git source's status ConfigMap.
 * A failure to record an event is logged and never fails the work it reports.
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
    Renamed,
    RenamePending,
    KeptForRename,
    OrphanFound,
    OrphanDeleted,
    /** The Git source's states, {@code Git<state>}, on its status ConfigMap. */
    GitApplied,
    GitPruneHeld,
    GitCompileFailed,
    GitApplyFailed,
    GitFetchFailed
  }

  static final String COMPONENT = "alertforge-controller";

  /**
   * The longest message recorded, Kubernetes' limit of an event's note; a longer one is cut to end
   * in "...", so that whoever reads it sees that something was cut.
   */
  static final int MAX_MESSAGE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final AtomicLong SEQ = new AtomicLong();

  private final KubernetesClient client;
  private final String instance;
  private final Clock clock;

  /**
   * @param instance this replica's identity, the events' {@code reportingInstance}
   * @param clock the events' timestamps
   */
  public EventRecorder(KubernetesClient client, String instance, Clock clock) {
    this.client = client;
    this.instance = instance;
    this.clock = clock;
  }

  public void normal(HasMetadata on, Reason reason, String message) {
    record(on, "Normal", reason, message);
  }

  public void warning(HasMetadata on, Reason reason, String message) {
    record(on, "Warning", reason, message);
  }

  private void record(HasMetadata on, String type, Reason reason, String message) {
    String now = clock.instant().toString();
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
                  .withMessage(truncate(message))
                  // no eventTime: with it the API server also demands action and
                  // reportingController, and refuses the event
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

  static String truncate(String message) {
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
