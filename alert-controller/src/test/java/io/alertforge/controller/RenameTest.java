package io.alertforge.controller;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.eventReasons;
import static io.alertforge.controller.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertforge.controller.crd.AlertStatus;
import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.State;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.crd.WavefrontAlertStatus;
import io.alertforge.model.Annotations;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Renames: a WavefrontAlert under a new name is a new owner, so without {@code
 * alertforge.io/renamed-from} its Wavefront alert is deleted and another created; with it, the new
 * CR takes the old CR's alert over (same id, snooze and history kept) once the old CR is gone,
 * whichever is applied first, and the old CR's finalizer leaves it. Never from a live CR, never
 * across namespaces.
 */
class RenameTest extends ControllerTestCase {
  static final String OTHER_NS = "team-b";

  @AfterEach
  void tearDown() {
    client.v1().events().inNamespace(OTHER_NS).delete();
  }

  private static WavefrontAlert renamed(String name, String from) {
    return in(NS, renamedIn(name, from));
  }

  private static WavefrontAlert renamedIn(String name, String from) {
    WavefrontAlert a = alert(name);
    // the same spec as the old CR's (Harness.alert names its alert after the CR)
    a.getSpec().setAlertName("cpu high " + from);
    Map<String, String> annotations = new HashMap<>(a.getMetadata().getAnnotations());
    annotations.put(Annotations.RENAMED_FROM, from);
    a.getMetadata().setAnnotations(annotations);
    return a;
  }

  private static WavefrontAlert in(String namespace, WavefrontAlert a) {
    a.getMetadata().setNamespace(namespace);
    return a;
  }

  private WavefrontAlert create(WavefrontAlert a) {
    return Harness.alerts(client).inNamespace(a.getMetadata().getNamespace()).resource(a).create();
  }

  private WavefrontAlert get(String namespace, String name) {
    return Harness.alerts(client).inNamespace(namespace).withName(name).get();
  }

  private WavefrontAlert awaitIn(
      String namespace, String name, java.util.function.Predicate<WavefrontAlert> p) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get(namespace, name), a -> a != null && p.test(a));
  }

  private void delete(String namespace, String name) {
    Harness.alerts(client).inNamespace(namespace).withName(name).delete();
  }

  private void awaitGone(String namespace, String name) {
    await().atMost(Duration.ofSeconds(20)).until(() -> get(namespace, name) == null);
  }

  private static boolean pending(WavefrontAlert a) {
    return a.getStatus() != null
        && Conditions.find(a.getStatus().getConditions(), Conditions.RENAMED)
            .map(c -> "RenamePending".equals(c.getReason()))
            .orElse(false);
  }

  private boolean inTrash(String id) {
    return wavefront.store().find(id).orElseThrow().path("inTrash").asBoolean();
  }

  private String ownerTag(String namespace, String name) {
    return "alertforge-owner:test-cluster:" + namespace + ":" + name;
  }

  private void assertTakenOver(String id, WavefrontAlert cpu2) {
    assertThat(alertId(cpu2)).isEqualTo(id);
    assertThat(inTrash(id)).isFalse();
    assertThat(wavefront.store().tags(id))
        .contains(ownerTag(NS, "cpu2"))
        .doesNotContain(ownerTag(NS, "cpu"));
    assertThat(wavefront.store().get(id).path("snoozed").asLong()).isEqualTo(-1L); // kept
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(wavefront.requests().count("DELETE", "/api/v2/alert/" + id)).isZero();
    assertThat(eventReasons(client, "cpu2")).contains("Renamed").doesNotContain("Created");
    assertThat(eventReasons(client, "cpu")).contains("KeptForRename").doesNotContain("Deleted");
    var renamedCondition =
        Conditions.find(cpu2.getStatus().getConditions(), Conditions.RENAMED).orElseThrow();
    assertThat(renamedCondition.getStatus()).isEqualTo("True");
    assertThat(renamedCondition.getMessage()).contains(id).contains("cpu");
  }

  @Test
  void aRenamedCrAppliedBeforeTheOldOneIsDeletedKeepsTheAlert() {
    controller = Harness.start(client, wavefront.emulator());
    create(alert("cpu"));
    String id = alertId(awaitCr(client, "cpu", Harness::ready));
    wavefront.store().snooze(id, null, "someone"); // state only Wavefront has

    create(renamed("cpu2", "cpu"));
    WavefrontAlert waiting = awaitIn(NS, "cpu2", RenameTest::pending);
    assertThat(waiting.getStatus().getErrorDescription())
        .isEqualTo(
            "waiting for WavefrontAlert team-a/cpu to be deleted: this CR is renamed from it"
                + " (alertforge.io/renamed-from) and takes over its Wavefront alert then, keeping"
                + " the id");
    assertThat(wavefront.store().tags(id)).contains(ownerTag(NS, "cpu"));
    delete(NS, "cpu");
    awaitGone(NS, "cpu");

    assertTakenOver(id, awaitCr(client, "cpu2", c -> ready(c) && id.equals(alertId(c))));
    assertThat(eventReasons(client, "cpu2")).contains("RenamePending");
  }

  @Test
  void aRenamedCrAppliedAfterTheOldOneWasDeletedKeepsTheAlert() {
    controller = Harness.start(client, wavefront.emulator());
    create(alert("cpu"));
    String id = alertId(awaitCr(client, "cpu", Harness::ready));
    wavefront.store().snooze(id, null, "someone");
    // the old CR's delete reaches the API server first; its finalizer has not run yet when the
    // renamed CR arrives (one kubectl apply, one Git commit): no controller runs meanwhile
    controller.close();
    delete(NS, "cpu");
    assertThat(get(NS, "cpu").getMetadata().getDeletionTimestamp()).isNotNull();
    create(renamed("cpu2", "cpu"));
    controller = Harness.start(client, wavefront.emulator());

    awaitGone(NS, "cpu");
    assertTakenOver(id, awaitCr(client, "cpu2", c -> ready(c) && id.equals(alertId(c))));
  }

  @Test
  void withoutTheAnnotationARenameDeletesTheAlertAndCreatesAnother() {
    controller = Harness.start(client, wavefront.emulator());
    create(alert("cpu"));
    String id = alertId(awaitCr(client, "cpu", Harness::ready));

    WavefrontAlert plain = alert("cpu2");
    plain.getSpec().setAlertName("cpu high cpu");
    create(plain);
    delete(NS, "cpu");
    awaitGone(NS, "cpu");

    String other = alertId(awaitCr(client, "cpu2", Harness::ready));
    assertThat(other).isNotEqualTo(id);
    assertThat(inTrash(id)).isTrue();
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(2);
    assertThat(eventReasons(client, "cpu")).contains("Deleted");
    assertThat(eventReasons(client, "cpu2")).contains("Created");
  }

  @Test
  void anAnnotationNamingALiveCrDoesNotTakeItsAlert() {
    controller = Harness.start(client, wavefront.emulator());
    create(alert("cpu"));
    String id = alertId(awaitCr(client, "cpu", Harness::ready));
    long mark = wavefront.requests().mark();

    create(renamed("thief", "cpu"));
    awaitIn(NS, "thief", RenameTest::pending);
    controller.resyncNow();
    // it looks again every 5 s, and keeps waiting while the old CR is there
    await()
        .during(Duration.ofSeconds(7))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                pending(get(NS, "thief"))
                    && wavefront.requests().since(mark).stream().noneMatch(r -> r.isWrite()));

    assertThat(wavefront.store().tags(id)).contains(ownerTag(NS, "cpu"));
    assertThat(ready(get(NS, "cpu"))).isTrue();
    delete(NS, "thief");
    awaitGone(NS, "thief");
    assertThat(inTrash(id)).isFalse();
    assertThat(wavefront.requests().since(mark)).noneMatch(r -> r.isWrite());
  }

  @Test
  void aCrWithAnAlertOfItsOwnTakesNothingOverSoTheOldAlertIsDeleted() {
    controller = Harness.start(client, wavefront.emulator());
    create(alert("cpu"));
    String id = alertId(awaitCr(client, "cpu", Harness::ready));
    // the annotation stays on after a rename; later someone makes a CR of the old name again
    WavefrontAlert cpu2 = alert("cpu2");
    create(cpu2);
    String own = alertId(awaitCr(client, "cpu2", Harness::ready));
    Harness.alerts(client)
        .inNamespace(NS)
        .withName("cpu2")
        .edit(
            a -> {
              a.getMetadata().getAnnotations().put(Annotations.RENAMED_FROM, "cpu");
              return a;
            });

    delete(NS, "cpu");
    awaitGone(NS, "cpu");

    assertThat(inTrash(id)).isTrue();
    assertThat(inTrash(own)).isFalse();
    assertThat(eventReasons(client, "cpu")).contains("Deleted").doesNotContain("KeptForRename");
  }

  @Test
  void anAnnotationNamingAnotherNamespaceIsRefusedWithoutAnyCall() {
    controller = Harness.start(client, wavefront.emulator());
    create(in(OTHER_NS, alert("ledger")));
    String victim = alertId(awaitIn(OTHER_NS, "ledger", Harness::ready));
    long mark = wavefront.requests().mark();

    create(renamed("ledger", OTHER_NS + "/ledger"));
    WavefrontAlert refused =
        awaitIn(
            NS,
            "ledger",
            a -> a.getStatus() != null && State.MALFORMED_SPEC.equals(a.getStatus().getState()));

    assertThat(refused.getStatus().getErrorDescription())
        .contains("alertforge.io/renamed-from must be the previous metadata.name of this alert")
        .contains("a rename cannot move an alert to another namespace");
    assertThat(wavefront.requests().since(mark)).noneMatch(r -> r.isWrite());
    assertThat(wavefront.store().tags(victim)).contains(ownerTag(OTHER_NS, "ledger"));
  }

  @Test
  void aCrRenamedFromANameOfItsOwnNamespaceNeitherKeepsNorTakesAnotherNamespacesAlert() {
    controller = Harness.start(client, wavefront.emulator());
    create(alert("ledger"));
    String victim = alertId(awaitCr(client, "ledger", Harness::ready));
    // in team-b, whose admin may write alerts and their status there, and nothing else: a CR
    // named like team-a's, and one renamed from that name, which waits for team-b/ledger
    create(in(OTHER_NS, alert("ledger")));
    String theirs = alertId(awaitIn(OTHER_NS, "ledger", Harness::ready));
    create(in(OTHER_NS, renamedIn("x", "ledger")));
    awaitIn(OTHER_NS, "x", RenameTest::pending);
    // and its status pointed at team-a's alert
    Harness.alerts(client)
        .inNamespace(OTHER_NS)
        .withName("x")
        .editStatus(
            a -> {
              AlertStatus entry = new AlertStatus();
              entry.setId(victim);
              entry.setAlertName("cpu high ledger");
              WavefrontAlertStatus s = a.getStatus();
              s.setAlertsStatus(new LinkedHashMap<>(Map.of("cpu high ledger", entry)));
              return a;
            });
    controller.resyncNow();

    delete(NS, "ledger");
    awaitGone(NS, "ledger");

    assertThat(inTrash(victim)).isTrue(); // deleted with its CR, not kept for team-b/x
    assertThat(eventReasons(client, "ledger")).contains("Deleted").doesNotContain("KeptForRename");
    assertThat(
            wavefront.requests().filter(r -> r.method().equals("PUT") && r.path().endsWith(victim)))
        .isEmpty();
    assertThat(wavefront.store().tags(theirs)).contains(ownerTag(OTHER_NS, "ledger"));
    assertThat(pending(get(OTHER_NS, "x"))).isTrue();
  }
}
