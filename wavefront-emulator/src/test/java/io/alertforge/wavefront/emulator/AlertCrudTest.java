package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertCrudTest {
  static final String TOKEN = "a411c16b-3cf7-4f03-bf11-8ca05aab898d";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  Api api;

  @BeforeEach
  void client() {
    api = new Api(wavefront.baseUri(), TOKEN);
  }

  @Test
  void createThenGetRoundTripsWithEnvelopeDefaultsAndDerivedFields() {
    ObjectNode body = Api.alert("High errors", "team-a", "k8s-controller:prod");
    body.put("severity", "sEvErE");
    body.put("target", "oncall@example.com, pd:abc123 ,target:9R8xByg3rrJ4aiHt");
    body.put("additionalInformation", "runbook: https://example.com/rb");

    Api.Resp created = api.create(body);
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().path("status").toString())
        .isEqualTo("{\"result\":\"OK\",\"message\":\"\",\"code\":200}");
    String id = created.id();
    assertThat(id).matches("\\d{13}");

    Api.Resp got = api.get("/api/v2/alert/" + id);
    assertThat(got.status()).isEqualTo(200);
    JsonNode a = got.response();
    assertThat(a.path("id").isTextual()).isTrue();
    assertThat(a.path("name").asText()).isEqualTo("High errors");
    assertThat(a.path("severity").asText()).isEqualTo("SEVERE");
    assertThat(a.path("severityList").toString()).isEqualTo("[\"SEVERE\"]");
    assertThat(a.path("alertType").asText()).isEqualTo("CLASSIC");
    assertThat(a.path("resolveAfterMinutes").asInt()).isEqualTo(5);
    assertThat(a.path("processRateMinutes").asInt()).isEqualTo(5);
    assertThat(a.path("evaluateRealtimeData").asBoolean(true)).isFalse();
    assertThat(a.path("includeObsoleteMetrics").asBoolean(true)).isFalse();
    assertThat(a.path("status").toString()).isEqualTo("[\"CHECKING\"]");
    assertThat(a.path("inTrash").asBoolean(true)).isFalse();
    assertThat(a.path("deleted").asBoolean(true)).isFalse();
    assertThat(a.path("tags").path("customerTags").toString())
        .isEqualTo("[\"team-a\",\"k8s-controller:prod\"]");
    assertThat(a.path("creatorId").asText()).isEqualTo("sa::wavefront-emulator");
    assertThat(a.path("acl").path("canModify").toString())
        .isEqualTo("[\"sa::wavefront-emulator\"]");
    assertThat(a.path("created").asLong())
        .isEqualTo(a.path("createdEpochMillis").asLong())
        .isPositive();
    assertThat(a.path("notificants").toString()).isEqualTo("[\"9R8xByg3rrJ4aiHt\"]");
    assertThat(a.path("targetEndpoints")).hasSize(3);
    assertThat(a.path("metricsUsed").isArray()).isTrue();
    assertThat(got.response()).isEqualTo(created.response());
  }

  @Test
  void namesAreNotUniqueAndIdsAreDistinctDigitStrings() {
    String first = api.create(Api.alert("same")).id();
    String second = api.create(Api.alert("same")).id();
    assertThat(first).isNotEqualTo(second);
    assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
    assertThat(wavefront.store().size()).isEqualTo(2);
  }

  @Test
  void putReplacesTheWholeObjectAndOmittedFieldsRevertToDefaults() {
    ObjectNode body = Api.alert("full", "t1", "t2");
    body.put("additionalInformation", "info");
    body.put("resolveAfterMinutes", 30);
    body.put("processRateMinutes", 2);
    body.put("evaluateRealtimeData", true);
    body.put("target", "a@example.com");
    body.putArray("runbookLinks").add("https://example.com/rb");
    Api.Resp created = api.create(body);
    String id = created.id();

    ObjectNode replacement = Api.alert("renamed");
    replacement.put("minutes", 7);
    replacement.put("id", id);
    // read-only and unknown fields are ignored
    replacement.put("created", 1);
    replacement.put("creatorId", "mallory");
    replacement.put("inTrash", true);
    replacement.put("somethingUnknown", "x");
    Api.Resp updated = api.put("/api/v2/alert/" + id, replacement);
    assertThat(updated.status()).isEqualTo(200);

    JsonNode a = api.get("/api/v2/alert/" + id).response();
    assertThat(a.path("name").asText()).isEqualTo("renamed");
    assertThat(a.path("minutes").asInt()).isEqualTo(7);
    assertThat(a.path("resolveAfterMinutes").asInt()).isEqualTo(7);
    assertThat(a.path("processRateMinutes").asInt()).isEqualTo(5);
    assertThat(a.path("evaluateRealtimeData").asBoolean()).isFalse();
    assertThat(a.has("additionalInformation")).isFalse();
    assertThat(a.has("target")).isFalse();
    assertThat(a.has("runbookLinks")).isFalse();
    assertThat(a.has("somethingUnknown")).isFalse();
    assertThat(a.path("tags").path("customerTags")).isEmpty();
    assertThat(a.path("inTrash").asBoolean()).isFalse();
    assertThat(a.path("created").asLong()).isEqualTo(created.response().path("created").asLong());
    assertThat(a.path("creatorId").asText()).isEqualTo("sa::wavefront-emulator");
    assertThat(a.path("updated").asLong())
        .isGreaterThanOrEqualTo(created.response().path("updated").asLong());
  }

  @Test
  void putWithNullsFromAGoStyleClientIsAccepted() {
    String id = api.create(Api.alert("go")).id();
    String goBody =
        "{\"name\":\"go\",\"condition\":\"ts(x) > 1\",\"minutes\":5,\"severity\":\"info\","
            + "\"targets\":null,\"conditions\":null,\"severityList\":null,\"status\":null,\"acl\":null,"
            + "\"additionalInformation\":\"\",\"notificationResendFrequencyMinutes\":0,"
            + "\"tags\":{\"customerTags\":null}}";
    Api.Resp r = api.put("/api/v2/alert/" + id, goBody);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().path("severity").asText()).isEqualTo("INFO");
    assertThat(r.response().path("tags").path("customerTags")).isEmpty();
  }

  @Test
  void putWithAMismatchedBodyIdIs400AndUnknownIdIs404() {
    String id = api.create(Api.alert("x")).id();
    ObjectNode body = Api.alert("x");
    body.put("id", "1");
    Api.Resp mismatch = api.put("/api/v2/alert/" + id, body);
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.message()).contains("does not match");

    Api.Resp missing = api.put("/api/v2/alert/1234567890123", Api.alert("y"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("status").path("result").asText()).isEqualTo("ERROR");
    assertThat(missing.json().path("status").path("code").asInt()).isEqualTo(404);
  }

  @Test
  void getUnknownOrNonDigitIdIs404WithErrorEnvelope() {
    Api.Resp r = api.get("/api/v2/alert/1000000000000");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("status").path("result").asText()).isEqualTo("ERROR");
    assertThat(api.get("/api/v2/alert/not-a-number").status()).isEqualTo(404);
    assertThat(api.get("/api/v2/alert/0123").status()).isEqualTo(404);
  }

  @Test
  void thresholdAlertDerivesConditionSeverityAndSeverityList() {
    ObjectNode body = Api.JSON.createObjectNode();
    body.put("name", "multi");
    body.put("alertType", "threshold");
    body.put("displayExpression", "ts(cpu)");
    body.put("minutes", 5);
    body.putObject("conditions").put("info", "ts(cpu) > 50").put("WARN", "ts(cpu) > 80");
    body.putObject("targets").put("warn", "ops@example.com");
    JsonNode a = api.create(body).response();
    assertThat(a.path("alertType").asText()).isEqualTo("THRESHOLD");
    assertThat(a.path("condition").asText()).isEqualTo("ts(cpu)");
    assertThat(a.path("severity").asText()).isEqualTo("WARN");
    assertThat(a.path("severityList").toString()).isEqualTo("[\"WARN\",\"INFO\"]");
    assertThat(a.path("conditions").path("warn").asText()).isEqualTo("ts(cpu) > 80");
    assertThat(a.path("targets").path("warn").asText()).isEqualTo("ops@example.com");
  }

  @Test
  void aThresholdAlertIgnoresASingleConditionAndSeverityAndAReplaceDropsOmittedTargets() {
    ObjectNode body = Api.JSON.createObjectNode();
    body.put("name", "multi");
    body.put("alertType", "THRESHOLD");
    body.put("condition", "ts(other) > 1");
    body.put("severity", "SMOKE");
    body.put("displayExpression", "ts(cpu)");
    body.put("minutes", 5);
    body.putObject("conditions").put("warn", "ts(cpu) > 80").put("severe", "ts(cpu) > 95");
    body.putObject("targets").put("severe", "pd:key").put("warn", "ops@example.com");
    String id = api.create(body).id();

    JsonNode created = api.get("/api/v2/alert/" + id).response();
    assertThat(created.path("condition").asText()).isEqualTo("ts(cpu)");
    assertThat(created.path("severity").asText()).isEqualTo("SEVERE");
    assertThat(created.path("conditions").toString())
        .isEqualTo("{\"severe\":\"ts(cpu) > 95\",\"warn\":\"ts(cpu) > 80\"}");
    assertThat(created.has("target")).isFalse();

    body.remove("targets");
    body.putObject("conditions").put("info", "ts(cpu) > 50");
    JsonNode replaced = api.put("/api/v2/alert/" + id, body).response();
    assertThat(replaced.has("targets")).isFalse();
    assertThat(replaced.path("severityList").toString()).isEqualTo("[\"INFO\"]");
    assertThat(api.get("/api/v2/alert/" + id).response().path("conditions").toString())
        .isEqualTo("{\"info\":\"ts(cpu) > 50\"}");
  }

  @Test
  void snoozeAndUnsnooze() {
    String id = api.create(Api.alert("s")).id();
    Api.Resp snoozed = api.post("/api/v2/alert/" + id + "/snooze", null);
    assertThat(snoozed.response().path("snoozed").asLong()).isNegative();
    assertThat(snoozed.response().path("status").toString()).contains("SNOOZED");
    Api.Resp timed = api.post("/api/v2/alert/" + id + "/snooze?seconds=60", null);
    assertThat(timed.response().path("snoozed").asLong()).isPositive();
    Api.Resp unsnoozed = api.post("/api/v2/alert/" + id + "/unsnooze", null);
    assertThat(unsnoozed.response().has("snoozed")).isFalse();
    assertThat(unsnoozed.response().path("status").toString()).isEqualTo("[\"CHECKING\"]");
  }

  @Test
  void unknownRouteIs404EnvelopeAndWrongMethodIs405() {
    Api.Resp r = api.get("/api/v2/dashboard");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("status").path("code").asInt()).isEqualTo(404);
    assertThat(api.get("/api/v1/alert").status()).isEqualTo(404);
    assertThat(api.send("PATCH", "/api/v2/alert", null).status()).isEqualTo(405);
  }

  @Test
  void uiEditThroughTheJavaApiIsVisibleOverHttpButNotInTheRequestLog() {
    String id = api.create(Api.alert("ui")).id();
    int before = wavefront.requests().size();
    wavefront.store().modify(id, a -> a.put("minutes", 42));
    assertThat(wavefront.requests().size()).isEqualTo(before);
    JsonNode a = api.get("/api/v2/alert/" + id).response();
    assertThat(a.path("minutes").asInt()).isEqualTo(42);
    assertThat(a.path("updaterId").asText()).isEqualTo("ui-user@wavefront-emulator.local");
  }
}
