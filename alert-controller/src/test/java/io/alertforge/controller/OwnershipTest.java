package io.alertforge.controller;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.eventReasons;
import static io.alertforge.controller.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.AlertStatus;
import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.crd.WavefrontAlertStatus;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership before every destructive or adopting call: a status that names an alert this CR does
 * not own (another namespace's, another cluster's, or an untagged one) is reported and never
 * obeyed; untagged alerts are adopted only in the migration mode, and never when two CRs claim one.
 * The attacker here may patch {@code wavefrontalerts/status} in one namespace, nothing else.
 */
class OwnershipTest extends ControllerTestCase {
  static final String OTHER_NS = "team-b";
  static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void tearDown() {
    client.v1().events().inNamespace(OTHER_NS).delete();
  }

  private void start(boolean adoptUntagged) {
    controller =
        Harness.start(
            client,
            wavefront.emulator(),
            Harness.settingsBuilder().adoptUntagged(adoptUntagged).build(),
            FileTokenSource.fixed(Harness.TOKEN));
  }

  private WavefrontAlert createIn(String namespace, WavefrontAlert a) {
    a.getMetadata().setNamespace(namespace);
    return Harness.alerts(client).inNamespace(namespace).resource(a).create();
  }

  private WavefrontAlert awaitReadyIn(String namespace, String name) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> Harness.alerts(client).inNamespace(namespace).withName(name).get(),
            a -> a != null && ready(a));
  }

  /** What someone with {@code patch wavefrontalerts/status} in {@code namespace} can do. */
  private void pointStatusAt(String namespace, String name, String wavefrontId) {
    Harness.alerts(client)
        .inNamespace(namespace)
        .withName(name)
        .editStatus(
            a -> {
              AlertStatus entry = a.getStatus().getAlertsStatus().values().iterator().next();
              entry.setId(wavefrontId);
              return a;
            });
  }

  /** A Wavefront alert made outside this controller (by keikoproj's, or by hand): no tags. */
  private String untaggedAlert(String name) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name)
        .put("condition", "ts(payments.errors) > 1")
        .put("displayExpression", "ts(payments.errors)")
        .put("severity", "SEVERE")
        .put("minutes", 3);
    return wavefront.store().create(body, "someone").path("id").asText();
  }

  private List<Event> warnings(String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }

  @Test
  void aStatusNamingAnotherNamespacesAlertDoesNotMakeTheDeleteTakeIt() {
    start(false);
    createIn(OTHER_NS, alert("ledger"));
    createIn(NS, alert("cpu"));
    String victim = alertId(awaitReadyIn(OTHER_NS, "ledger"));
    String own = alertId(awaitReadyIn(NS, "cpu"));

    pointStatusAt(NS, "cpu", victim);
    Harness.alerts(client).inNamespace(NS).withName("cpu").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> Harness.get(client, "cpu") == null);

    assertThat(wavefront.store().find(own)).get().matches(a -> a.path("inTrash").asBoolean());
    assertThat(wavefront.store().find(victim)).get().matches(a -> !a.path("inTrash").asBoolean());
    assertThat(wavefront.requests().count("DELETE", "/api/v2/alert/" + victim)).isZero();
    assertThat(warnings(NS, "cpu"))
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("OwnershipConflict");
              assertThat(e.getMessage()).contains(victim).contains("not deleted");
            });
  }

  @Test
  void anUntaggedAlertNamedByTheStatusIsNeitherAdoptedNorOverwrittenNorDuplicated() {
    start(false);
    String foreign = untaggedAlert("payments errors");
    createIn(NS, alert("cpu"));
    String own = alertId(awaitReadyIn(NS, "cpu"));
    wavefront.store().purge(own); // so the status id is what the controller looks at

    pointStatusAt(NS, "cpu", foreign);
    long mark = wavefront.requests().mark();
    controller.resyncNow();
    WavefrontAlert cr =
        awaitCr(
            client,
            "cpu",
            a -> Conditions.isTrue(a.getStatus().getConditions(), Conditions.OWNERSHIP_CONFLICT));

    assertThat(wavefront.requests().since(mark)).noneMatch(r -> r.isWrite());
    assertThat(wavefront.store().get(foreign).path("name").asText()).isEqualTo("payments errors");
    assertThat(wavefront.store().tags(foreign)).isEmpty();
    assertThat(wavefront.store().size()).isEqualTo(1); // no second alert made beside it
    var conflict =
        Conditions.find(cr.getStatus().getConditions(), Conditions.OWNERSHIP_CONFLICT).get();
    assertThat(conflict.getReason()).isEqualTo("UntaggedAlert");
    assertThat(conflict.getMessage()).contains(foreign).contains("--adopt-untagged");
    assertThat(Conditions.find(cr.getStatus().getConditions(), Conditions.READY).get().getReason())
        .isEqualTo("UntaggedAlert");
    assertThat(warnings(NS, "cpu")).extracting(Event::getReason).contains("OwnershipConflict");

    Harness.alerts(client).inNamespace(NS).withName("cpu").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> Harness.get(client, "cpu") == null);
    assertThat(wavefront.store().find(foreign)).get().matches(a -> !a.path("inTrash").asBoolean());
  }

  @Test
  void anotherClustersAlertThatSearchReturnsIgnoringCaseIsNotTaken() {
    // Wavefront's tag search ignores case (so does the emulator's by default): a cluster named
    // TEST-CLUSTER on the same Wavefront is returned for test-cluster's tags.
    ObjectNode body = JSON.createObjectNode();
    body.put("name", "their cpu")
        .put("condition", "ts(cpu) > 1")
        .put("displayExpression", "ts(cpu)")
        .put("severity", "INFO")
        .put("minutes", 2);
    body.putObject("tags")
        .putArray("customerTags")
        .add("alertforge-cluster:TEST-CLUSTER")
        .add("alertforge-owner:TEST-CLUSTER:" + NS + ":cpu");
    String theirs = wavefront.store().create(body, "other-cluster").path("id").asText();
    start(false);

    createIn(NS, alert("cpu"));
    String own = alertId(awaitReadyIn(NS, "cpu"));
    assertThat(own).isNotEqualTo(theirs);
    assertThat(wavefront.store().get(theirs).path("name").asText()).isEqualTo("their cpu");
    controller.resyncNow();
    assertThat(controller.inventory().size()).isEqualTo(1);

    Harness.alerts(client).inNamespace(NS).withName("cpu").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> Harness.get(client, "cpu") == null);
    assertThat(wavefront.store().find(theirs)).get().matches(a -> !a.path("inTrash").asBoolean());
    assertThat(wavefront.requests().filter(r -> r.isWrite() && r.path().endsWith(theirs)))
        .isEmpty();
  }

  @Test
  void theMigrationModeAdoptsAnUntaggedAlertNamedByTheStatusAndTagsIt() {
    WavefrontAlert a = alert("cpu");
    String kept = untaggedAlert(a.getSpec().getAlertName());
    withKeikoprojStatus(createIn(NS, a), kept);
    start(true);

    WavefrontAlert cr = awaitCr(client, "cpu", c -> ready(c) && kept.equals(alertId(c)));
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.store().tags(kept))
        .contains("alertforge-owner:test-cluster:team-a:cpu", "alertforge-cluster:test-cluster");
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isZero();
    assertThat(eventReasons(client, "cpu")).contains("Adopted");
    assertThat(Conditions.isTrue(cr.getStatus().getConditions(), Conditions.OWNERSHIP_CONFLICT))
        .isFalse();
  }

  @Test
  void theMigrationModeRefusesAnUntaggedAlertClaimedByTwoNamespacesOrNamedOtherwise() {
    String claimed = untaggedAlert("cpu high cpu");
    withKeikoprojStatus(createIn(OTHER_NS, alert("cpu")), claimed);
    withKeikoprojStatus(createIn(NS, alert("cpu")), claimed);
    WavefrontAlert other = alert("disk");
    String misnamed = untaggedAlert("payments errors");
    withKeikoprojStatus(createIn(NS, other), misnamed);
    start(true);

    for (String name : List.of("cpu", "disk")) {
      WavefrontAlert cr =
          awaitCr(
              client,
              name,
              c ->
                  c.getStatus() != null
                      && Conditions.isTrue(
                          c.getStatus().getConditions(), Conditions.OWNERSHIP_CONFLICT));
      assertThat(
              Conditions.find(cr.getStatus().getConditions(), Conditions.OWNERSHIP_CONFLICT)
                  .get()
                  .getMessage())
          .contains(name.equals("cpu") ? "another WavefrontAlert" : "its name differs");
    }
    assertThat(wavefront.requests().entries()).noneMatch(r -> r.isWrite());
    assertThat(wavefront.store().tags(claimed)).isEmpty();
    assertThat(wavefront.store().tags(misnamed)).isEmpty();
  }

  /** The status keikoproj's controller leaves: the Wavefront id under the alert's name. */
  private void withKeikoprojStatus(WavefrontAlert created, String wavefrontId) {
    Harness.alerts(client)
        .inNamespace(created.getMetadata().getNamespace())
        .withName(created.getMetadata().getName())
        .editStatus(
            a -> {
              if (a.getStatus() == null) {
                a.setStatus(new WavefrontAlertStatus());
              }
              AlertStatus entry = new AlertStatus();
              entry.setId(wavefrontId);
              entry.setAlertName(a.getSpec().getAlertName());
              entry.setState("Ready");
              a.getStatus()
                  .setAlertsStatus(new LinkedHashMap<>(Map.of(a.getSpec().getAlertName(), entry)));
              a.getStatus().setState("Ready");
              return a;
            });
  }
}
