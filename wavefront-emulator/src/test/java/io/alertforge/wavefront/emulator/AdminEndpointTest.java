package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The run-time control surface under /_emulator: plain JSON, no auth, not recorded, never faulted.
 */
class AdminEndpointTest {
  static final String TOKEN = "admin-test-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  Api api;
  Api admin;

  @BeforeEach
  void clients() {
    api = new Api(wavefront.baseUri(), TOKEN);
    admin = new Api(wavefront.baseUri(), null);
  }

  @Test
  void faultsCanBeAddedListedAndCleared() {
    Api.Resp added =
        admin.post(
            "/_emulator/faults",
            Map.of("spec", "status=429,retryAfter=3,method=POST,path=/api/v2/alert,count=1"));
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().path("spec").asText()).contains("status=429");

    Api.Resp throttled = api.post("/api/v2/alert", Api.alert("a"));
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");

    JsonNode list = admin.get("/_emulator/faults").json();
    assertThat(list.path("faults").get(0).path("fired").asInt()).isEqualTo(1);
    assertThat(list.path("faults").get(0).path("remaining").asInt()).isZero();

    admin.post("/_emulator/faults", Map.of("spec", "status=503"));
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(503);
    assertThat(admin.get("/_emulator").status()).isEqualTo(200); // admin calls are never faulted
    assertThat(admin.delete("/_emulator/faults").json().path("faults")).isEmpty();
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
  }

  @Test
  void badSpecIs400() {
    Api.Resp r = admin.post("/_emulator/faults", Map.of("spec", "status=429,bogus"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").asText()).contains("bogus");
  }

  @Test
  void adminCallsAreNotInTheRequestLogAndTheLogIsReadable() {
    api.create(Api.alert("a"));
    admin.get("/_emulator");
    admin.get("/_emulator/faults");
    JsonNode log = admin.get("/_emulator/requests?method=POST&path=/api/v2/alert").json();
    assertThat(log.path("count").asInt()).isEqualTo(1);
    assertThat(log.path("requests").get(0).path("status").asInt()).isEqualTo(200);
    assertThat(wavefront.requests().size()).isEqualTo(1);
    admin.delete("/_emulator/requests");
    assertThat(wavefront.requests().size()).isZero();
  }

  @Test
  void searchLagRejectedQueriesTokensAndReset() {
    assertThat(
            admin
                .put("/_emulator/search-lag", Map.of("requests", 1))
                .json()
                .path("requests")
                .asInt())
        .isEqualTo(1);
    assertThat(wavefront.faults().searchLag().requests()).isEqualTo(1);

    admin.post("/_emulator/rejected-queries", Map.of("contains", "forbidden.metric"));
    var bad = Api.alert("a");
    bad.put("condition", "ts(forbidden.metric) > 1");
    assertThat(api.post("/api/v2/alert", bad).status()).isEqualTo(400);

    admin.post(
        "/_emulator/tokens",
        Map.of("token", "added-at-runtime", "permissions", new String[] {"browse"}));
    Api added = api.withToken("added-at-runtime");
    assertThat(added.get("/api/v2/alert").status()).isEqualTo(200);
    assertThat(added.post("/api/v2/alert", Api.alert("b")).status()).isEqualTo(403);
    assertThat(admin.get("/_emulator/tokens").json().toString()).doesNotContain("added-at-runtime");
    admin.send("DELETE", "/_emulator/tokens", Map.of("token", "added-at-runtime"));
    assertThat(added.get("/api/v2/alert").status()).isEqualTo(401);

    api.create(Api.alert("c"));
    JsonNode status = admin.post("/_emulator/reset", null).json();
    assertThat(status.path("alerts").asInt()).isZero();
    assertThat(wavefront.faults().searchLag().enabled()).isFalse();
    assertThat(wavefront.faults().rejectedQueries()).isEmpty();
  }

  @Test
  void unknownAdminRouteIs404() {
    assertThat(admin.get("/_emulator/nope").status()).isEqualTo(404);
  }
}
