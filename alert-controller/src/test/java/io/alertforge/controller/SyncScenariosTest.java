package io.alertforge.controller;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static io.alertforge.controller.Harness.eventReasons;
import static io.alertforge.controller.Harness.get;
import static io.alertforge.controller.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.model.Annotations;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenarios, on the fabric8 CRUD mock (CRD registered) and the Wavefront emulator.
 * Every assertion is on something that could fail: request-log counts, the emulator's store, status
 * fields and events.
 */
class SyncScenariosTest extends ControllerTestCase {

  private RequestLog log() {
    return wavefront.requests();
  }

  private WavefrontAlert createAndAwaitReady(String name) {
    create(client, alert(name));
    return awaitCr(client, name, Harness::ready);
  }

  @Test
  void createsOneTaggedAlertAndReportsItInStatusAndEvents() {
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert cr = createAndAwaitReady("cpu");

    assertThat(wavefront.store().size()).isEqualTo(1);
    var live = wavefront.store().get(alertId(cr));
    assertThat(live.path("severity").asText()).isEqualTo("WARN");
    assertThat(wavefront.store().tags(alertId(cr)))
        .contains(
            "team-a",
            "cpu",
            "alertforge-cluster:test-cluster",
            "alertforge-owner:test-cluster:team-a:cpu");
    assertThat(log().count("POST", "/api/v2/alert")).isEqualTo(1);
    var entry = cr.getStatus().getAlertsStatus().get("cpu high cpu");
    assertThat(entry.getLink()).isEqualTo(wavefront.baseUri() + "/alerts/" + entry.getId());
    assertThat(entry.getLastChangeChecksum()).isEqualTo(cr.getStatus().getLastChangeChecksum());
    assertThat(cr.getStatus().getRetryCount()).isZero();
    assertThat(cr.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactlyInAnyOrder("Ready=True", "Synced=True", "Drifted=False");
    assertThat(cr.getMetadata().getFinalizers()).containsExactly("alertforge.io/wavefront-alert");
    assertThat(eventReasons(client, "cpu")).containsExactly("Created");
  }

  @Test
  void aSpecChangeIsOnePutAndAnUnchangedResyncMakesNoWrite() {
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert cr = createAndAwaitReady("cpu");
    String id = alertId(cr);

    Harness.editSpec(client, "cpu", spec -> spec.setMinutes(15));
    awaitCr(client, "cpu", a -> ready(a) && a.getStatus().getObservedGeneration() == 2);
    assertThat(log().count("PUT", "/api/v2/alert/" + id)).isEqualTo(1);
    assertThat(wavefront.store().get(id).path("minutes").asInt()).isEqualTo(15);
    assertThat(eventReasons(client, "cpu")).containsExactly("Created", "Updated");

    long mark = log().mark();
    assertThat(controller.resyncNow()).isZero();
    var resync = log().since(mark);
    assertThat(resync).allMatch(r -> r.path().equals("/api/v2/search/alert")).hasSize(1);
  }

  @Test
  void anAlertBurningInIsInSyncAtTheResync() {
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert burningIn = alert("cpu");
    Map<String, String> annotations = new HashMap<>(burningIn.getMetadata().getAnnotations());
    annotations.put(Annotations.BURN_IN_UNTIL, Instant.now().plus(Duration.ofHours(1)).toString());
    annotations.put(Annotations.BURN_IN_TARGET, "burn-in@example.com");
    burningIn.getMetadata().setAnnotations(annotations);
    create(client, burningIn);
    String id = alertId(awaitCr(client, "cpu", Harness::ready));
    assertThat(wavefront.store().get(id).path("target").asText()).isEqualTo("burn-in@example.com");

    long mark = log().mark();
    assertThat(controller.resyncNow()).isZero();
    assertThat(log().since(mark)).allMatch(r -> r.path().equals("/api/v2/search/alert")).hasSize(1);
  }

  @Test
  void deletingTheCrDeletesTheAlertThroughTheFinalizer() {
    controller = Harness.start(client, wavefront.emulator());
    String id = alertId(createAndAwaitReady("cpu"));

    Harness.alerts(client).inNamespace(NS).withName("cpu").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> get(client, "cpu") == null);
    assertThat(wavefront.store().size()).isZero();
    assertThat(wavefront.store().find(id))
        .get()
        .extracting(a -> a.path("inTrash").asBoolean())
        .isEqualTo(true);
  }

  @Test
  void aDeleteWhileWavefrontIsDownKeepsTheFinalizerThenCompletes() {
    controller = Harness.start(client, wavefront.emulator());
    createAndAwaitReady("cpu");
    var outage = wavefront.faults().add(Fault.unavailable().on(null, "/api/**"));

    Harness.alerts(client).inNamespace(NS).withName("cpu").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> outage.fired() >= 8);
    WavefrontAlert held = get(client, "cpu");
    assertThat(held).isNotNull();
    assertThat(held.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(wavefront.store().size()).isEqualTo(1);

    wavefront.faults().clearFaults();
    await().atMost(Duration.ofSeconds(15)).until(() -> get(client, "cpu") == null);
    assertThat(wavefront.store().size()).isZero();
    assertThat(eventReasons(client, "cpu")).contains("DeleteFailed", "Deleted");
  }

  @Test
  void driftMadeInTheUiIsPutBack() {
    controller = Harness.start(client, wavefront.emulator());
    String id = alertId(createAndAwaitReady("cpu"));
    wavefront.store().modify(id, a -> a.put("minutes", 30).put("condition", "ts(cpu.load) > 99"));

    long mark = log().mark();
    assertThat(controller.resyncNow()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> wavefront.store().get(id).path("minutes").asInt() == 5);
    assertThat(log().since(mark).stream().filter(r -> r.method().equals("PUT")).count())
        .isEqualTo(1);
    assertThat(wavefront.store().get(id).path("condition").asText())
        .isEqualTo("ts(cpu.load, env=\"prod\") > 4");
    await().until(() -> eventReasons(client, "cpu").contains("DriftCorrected"));
  }

  @Test
  void driftIsOnlyReportedInDetectMode() {
    controller =
        Harness.start(
            client,
            wavefront.emulator(),
            Harness.settings(DriftMode.DETECT, null),
            FileTokenSource.fixed(Harness.TOKEN));
    String id = alertId(createAndAwaitReady("cpu"));
    wavefront.store().modify(id, a -> a.put("minutes", 30));

    long mark = log().mark();
    controller.resyncNow();
    WavefrontAlert cr =
        awaitCr(
            client,
            "cpu",
            a -> Conditions.isTrue(a.getStatus().getConditions(), Conditions.DRIFTED));
    assertThat(log().since(mark).stream().filter(r -> r.isWrite()).count()).isZero();
    assertThat(wavefront.store().get(id).path("minutes").asInt()).isEqualTo(30);
    assertThat(
            Conditions.find(cr.getStatus().getConditions(), Conditions.DRIFTED).get().getMessage())
        .contains("minutes");
    assertThat(Conditions.isTrue(cr.getStatus().getConditions(), Conditions.READY)).isFalse();
    assertThat(eventReasons(client, "cpu")).containsExactly("Created", "DriftDetected");

    controller.resyncNow(); // still drifted: no second event, no write
    await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    assertThat(eventReasons(client, "cpu")).containsExactly("Created", "DriftDetected");
    assertThat(log().since(mark).stream().filter(r -> r.isWrite()).count()).isZero();
  }

  @Test
  void anAlertDeletedInWavefrontIsRecreated() {
    controller = Harness.start(client, wavefront.emulator());
    String first = alertId(createAndAwaitReady("cpu"));
    wavefront.store().purge(first);

    controller.resyncNow();
    WavefrontAlert cr = awaitCr(client, "cpu", a -> ready(a) && !alertId(a).equals(first));
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.store().get(alertId(cr))).isNotNull();
    assertThat(eventReasons(client, "cpu")).containsExactly("Created", "Recreated");
  }

  @Test
  void aCrashBetweenCreateAndStatusWriteLeavesExactlyOneAlert() {
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert cr = createAndAwaitReady("cpu");
    String id = alertId(cr);
    controller.close();
    controller = null;
    // what a crash right after the POST leaves: the alert exists, the status does not name it
    cr.getStatus().getAlertsStatus().clear();
    cr.getStatus().setState(null);
    cr.getStatus().setLastChangeChecksum(null);
    Harness.alerts(client).resource(cr).updateStatus();

    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert adopted =
        awaitCr(client, "cpu", a -> ready(a) && !a.getStatus().getAlertsStatus().isEmpty());
    assertThat(alertId(adopted)).isEqualTo(id);
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(log().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(eventReasons(client, "cpu")).containsExactly("Created", "Adopted");
  }

  @Test
  void aCreateWhoseAnswerIsLostIsFoundByTagNotRepeated() {
    wavefront.faults().add(Fault.drop().on("POST", "/api/v2/alert").once().afterProcessing());
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert cr = createAndAwaitReady("cpu");

    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(log().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(wavefront.store().get(alertId(cr))).isNotNull();
  }

  @Test
  void aTemplateIsIgnoredWithAStatusThatSaysSo() {
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert t = alert("tmpl");
    t.getSpec().setExportedParams(List.of("env"));
    create(client, t);
    WavefrontAlert cr =
        awaitCr(client, "tmpl", a -> a.getStatus() != null && a.getStatus().getState() != null);
    assertThat(cr.getStatus().getState()).isEqualTo("ReadyToBeUsed");
    assertThat(Conditions.find(cr.getStatus().getConditions(), Conditions.READY).get().getReason())
        .isEqualTo("Template");
    assertThat(log().size()).isZero();
  }

  @Test
  void aMalformedSpecIsReportedWithoutCallingWavefront() {
    controller = Harness.start(client, wavefront.emulator());
    WavefrontAlert bad = alert("bad");
    bad.getSpec().setSeverity("CRITICAL");
    create(client, bad);
    WavefrontAlert cr =
        awaitCr(
            client,
            "bad",
            a -> a.getStatus() != null && "MalformedSpec".equals(a.getStatus().getState()));
    assertThat(cr.getStatus().getErrorDescription()).contains("severity must be one of");
    assertThat(log().size()).isZero();
    assertThat(eventReasons(client, "bad")).containsExactly("InvalidSpec");
  }
}
