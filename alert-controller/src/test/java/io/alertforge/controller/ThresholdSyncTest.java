package io.alertforge.controller;

import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static io.alertforge.controller.Harness.eventReasons;
import static io.alertforge.controller.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * THRESHOLD alerts (AlertForge's extension of the WavefrontAlert spec) synced end to end: on the
 * fabric8 CRUD mock and the Wavefront emulator, created with their per-severity conditions and
 * targets, updated by one PUT, and their drift in Wavefront put back.
 */
class ThresholdSyncTest extends ControllerTestCase {

  private RequestLog log() {
    return wavefront.requests();
  }

  private static WavefrontAlert disk() {
    WavefrontAlert a = alert("disk");
    var spec = a.getSpec();
    spec.setAlertType("THRESHOLD");
    spec.setCondition(null);
    spec.setSeverity(null);
    spec.setTarget(null);
    spec.setDisplayExpression("ts(disk.used, env=\"prod\")");
    Map<String, String> conditions = new LinkedHashMap<>();
    conditions.put("warn", "ts(disk.used, env=\"prod\") > 90");
    conditions.put("severe", "ts(disk.used, env=\"prod\") > 95");
    spec.setConditions(conditions);
    spec.setTargets(Map.of("severe", "pd:disk-key", "warn", "oncall@example.com"));
    return a;
  }

  @Test
  void aThresholdAlertIsCreatedWithItsConditionsAndTargetsAndAResyncMakesNoWrite() {
    controller = Harness.start(client, wavefront.emulator());
    create(client, disk());
    WavefrontAlert cr = awaitCr(client, "disk", Harness::ready);

    ObjectNode live = wavefront.store().get(alertId(cr));
    assertThat(live.path("alertType").asText()).isEqualTo("THRESHOLD");
    assertThat(live.path("conditions").toString())
        .isEqualTo(
            "{\"severe\":\"ts(disk.used, env=\\\"prod\\\") > 95\","
                + "\"warn\":\"ts(disk.used, env=\\\"prod\\\") > 90\"}");
    assertThat(live.path("targets").toString())
        .isEqualTo("{\"severe\":\"pd:disk-key\",\"warn\":\"oncall@example.com\"}");
    assertThat(live.path("severity").asText()).isEqualTo("SEVERE");
    assertThat(live.path("condition").asText()).isEqualTo("ts(disk.used, env=\"prod\")");
    assertThat(eventReasons(client, "disk")).containsExactly("Created");

    long mark = log().mark();
    assertThat(controller.resyncNow()).isZero();
    assertThat(log().since(mark)).allMatch(r -> r.path().equals("/api/v2/search/alert")).hasSize(1);
  }

  @Test
  void aChangedConditionIsOnePut() {
    controller = Harness.start(client, wavefront.emulator());
    create(client, disk());
    String id = alertId(awaitCr(client, "disk", Harness::ready));

    Harness.editSpec(
        client,
        "disk",
        spec -> {
          Map<String, String> conditions = new LinkedHashMap<>(spec.getConditions());
          conditions.put("warn", "ts(disk.used, env=\"prod\") > 85");
          spec.setConditions(conditions);
        });
    awaitCr(client, "disk", a -> ready(a) && a.getStatus().getObservedGeneration() == 2);

    assertThat(log().count("PUT", "/api/v2/alert/" + id)).isEqualTo(1);
    assertThat(wavefront.store().get(id).path("conditions").path("warn").asText())
        .isEqualTo("ts(disk.used, env=\"prod\") > 85");
    assertThat(eventReasons(client, "disk")).containsExactly("Created", "Updated");
  }

  @Test
  void driftInAConditionOrTargetIsPutBack() {
    controller = Harness.start(client, wavefront.emulator());
    create(client, disk());
    String id = alertId(awaitCr(client, "disk", Harness::ready));
    wavefront
        .store()
        .modify(
            id,
            a -> {
              ((ObjectNode) a.get("conditions")).put("severe", "ts(disk.used) > 99");
              ((ObjectNode) a.get("targets")).remove("severe");
            });

    long mark = log().mark();
    assertThat(controller.resyncNow()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> wavefront.store().get(id).path("targets").has("severe"));
    assertThat(log().since(mark).stream().filter(r -> r.method().equals("PUT")).count())
        .isEqualTo(1);
    assertThat(wavefront.store().get(id).path("conditions").path("severe").asText())
        .isEqualTo("ts(disk.used, env=\"prod\") > 95");
    await().until(() -> eventReasons(client, "disk").contains("DriftCorrected"));
  }
}
