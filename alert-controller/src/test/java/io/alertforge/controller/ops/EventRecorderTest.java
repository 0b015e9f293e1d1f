package io.alertforge.controller.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.controller.TestClock;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's one event recorder on the fabric8 mock: the reconciler's, the orphan sweep's and
 * the Git source's events, with one rule for a long message.
 */
@EnableKubernetesMockClient(crud = true)
class EventRecorderTest {
  static final String NS = "alert-manager-system";
  static KubernetesClient client;

  final TestClock clock = new TestClock(Instant.parse("2026-12-02T08:00:00Z"));

  @AfterEach
  void tearDown() {
    client.v1().events().inNamespace(NS).delete();
  }

  List<Event> events() {
    return client.v1().events().inNamespace(NS).list().getItems();
  }

  static ConfigMap statusConfigMap() {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("alertforge-git-status")
        .withNamespace(NS)
        .endMetadata()
        .build();
  }

  @Test
  void aLongMessageIsCutAtTheLimitAndSaysSo() {
    EventRecorder events = new EventRecorder(client, "replica-0", clock);
    var pod = new PodBuilder().withNewMetadata().withName("p").withNamespace(NS).endMetadata();
    String exact = "x".repeat(1024);
    String longer = "y".repeat(1025);
    events.warning(pod.build(), EventRecorder.Reason.OrphanFound, exact);
    events.warning(pod.build(), EventRecorder.Reason.OrphanFound, longer);

    assertThat(events()).extracting(Event::getMessage).contains(exact);
    assertThat(events())
        .extracting(Event::getMessage)
        .contains("y".repeat(1021) + "...")
        .allSatisfy(message -> assertThat(message).hasSizeLessThanOrEqualTo(1024));
  }

  /**
   * No event sets {@code eventTime}: with it, the API server's validation of a core/v1 Event also
   * demands {@code action} and {@code reportingController}, and refuses the event without them.
   */
  @Test
  void theGitSourcesEventsHaveTheirReasonsOnTheConfigMapAndNoEventTime() {
    EventRecorder events = new EventRecorder(client, "replica-0", clock);
    events.warning(statusConfigMap(), EventRecorder.Reason.GitCompileFailed, "1 error");

    Event event = events().get(0);
    assertThat(event.getReason()).isEqualTo("GitCompileFailed");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
    assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("v1");
    assertThat(event.getInvolvedObject().getName()).isEqualTo("alertforge-git-status");
    assertThat(event.getInvolvedObject().getNamespace()).isEqualTo(NS);
    assertThat(event.getEventTime()).isNull();
    assertThat(event.getFirstTimestamp()).isEqualTo("2026-12-02T08:00:00Z");
    assertThat(event.getLastTimestamp()).isEqualTo("2026-12-02T08:00:00Z");
    assertThat(event.getReportingComponent()).isEqualTo("alertforge-controller");
    assertThat(event.getReportingInstance()).isEqualTo("replica-0");
  }

  @Test
  void theReconcilersEventsHaveNoEventTime() {
    new EventRecorder(client, "replica-0", clock)
        .normal(statusConfigMap(), EventRecorder.Reason.Created, "created");

    Event event = events().get(0);
    assertThat(event.getReason()).isEqualTo("Created");
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getEventTime()).isNull();
    assertThat(event.getFirstTimestamp()).isEqualTo("2026-12-02T08:00:00Z");
  }
}
