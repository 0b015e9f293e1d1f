package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertforge.wavefront.emulator.fault.ActiveFault;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest {
  static final String TOKEN = "fault-token";
  static final MutableClock CLOCK = new MutableClock(1_700_000_000_000L);

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.configure(b -> b.token(TOKEN).clock(CLOCK));

  Api api;

  @BeforeEach
  void client() {
    api = new Api(wavefront.baseUri(), TOKEN);
  }

  @Test
  void tooManyRequestsWithRetryAfterForTheNextNRequestsOnly() {
    wavefront.faults().add(Fault.tooManyRequests(7).on("POST", "/api/v2/alert").times(2));
    Api.Resp first = api.post("/api/v2/alert", Api.alert("a"));
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(first.json().path("status").path("result").asText()).isEqualTo("ERROR");
    assertThat(first.json().path("status").path("code").asInt()).isEqualTo(429);
    assertThat(api.post("/api/v2/alert", Api.alert("a")).status()).isEqualTo(429);
    assertThat(api.post("/api/v2/alert", Api.alert("a")).status()).isEqualTo(200);
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(3);
    assertThat(wavefront.requests().countFaulted()).isEqualTo(2);
  }

  @Test
  void tooManyRequestsWithoutRetryAfter() {
    wavefront.faults().add(Fault.tooManyRequests().once());
    Api.Resp r = api.get("/api/v2/alert");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(ints = {406, 500, 502, 503, 504})
  void statusFaults(int status) {
    ActiveFault f =
        wavefront.faults().add(Fault.status(status).on("GET", "/api/v2/alert/*").once());
    String id = api.create(Api.alert("a")).id();
    Api.Resp r = api.get("/api/v2/alert/" + id);
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.json().path("status").path("code").asInt()).isEqualTo(status);
    assertThat(f.fired()).isEqualTo(1);
    assertThat(f.exhausted()).isTrue();
    assertThat(api.get("/api/v2/alert/" + id).status()).isEqualTo(200);
  }

  @Test
  void faultsTargetMethodAndPath() {
    wavefront.faults().add(Fault.unavailable().on("PUT", "/api/v2/alert/*"));
    String id = api.create(Api.alert("a")).id();
    assertThat(api.get("/api/v2/alert/" + id).status()).isEqualTo(200);
    assertThat(api.get("/api/v2/alert/" + id + "/tag").status()).isEqualTo(200);
    assertThat(api.put("/api/v2/alert/" + id, Api.alert("b")).status()).isEqualTo(503);
    assertThat(api.put("/api/v2/alert/" + id, Api.alert("b")).status()).isEqualTo(503);
    assertThat(wavefront.store().get(id).path("name").asText()).isEqualTo("a");
  }

  @Test
  void statusFaultBeforeProcessingLeavesNoTraceButAfterProcessingDoes() {
    wavefront.faults().add(Fault.unavailable().on("POST", "/api/v2/alert").once());
    assertThat(api.post("/api/v2/alert", Api.alert("before")).status()).isEqualTo(503);
    assertThat(wavefront.store().size()).isZero();

    wavefront
        .faults()
        .add(Fault.internalError().afterProcessing().on("POST", "/api/v2/alert").once());
    assertThat(api.post("/api/v2/alert", Api.alert("after")).status()).isEqualTo(500);
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.requests().last().orElseThrow().faults())
        .containsExactly("status=500,after");
  }

  @Test
  void droppedConnectionIsAnIOExceptionForTheClient() {
    wavefront.faults().add(Fault.drop().on("POST", "/api/v2/alert").once());
    assertThatThrownBy(() -> api.sendOrThrow("POST", "/api/v2/alert", Api.alert("a")))
        .isInstanceOf(IOException.class);
    assertThat(wavefront.store().size()).isZero();
    RecordedRequest r = wavefront.requests().entries("POST", "/api/v2/alert").get(0);
    assertThat(r.dropped()).isTrue();
    assertThat(r.status()).isZero();
    assertThat(r.faults()).containsExactly("drop");
    // the next request is served normally
    assertThat(api.post("/api/v2/alert", Api.alert("a")).status()).isEqualTo(200);
  }

  @Test
  void droppedAfterProcessingStillCreates() {
    wavefront.faults().add(Fault.drop().afterProcessing().on("POST", "/api/v2/alert").once());
    assertThatThrownBy(() -> api.sendOrThrow("POST", "/api/v2/alert", Api.alert("a", "owner-tag")))
        .isInstanceOf(IOException.class);
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(
            api.search(Api.query("tags", "owner-tag", "EXACT"))
                .response()
                .path("totalItems")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void latencyIsAppliedAndRecordedInTheRequestLog() {
    wavefront
        .faults()
        .add(Fault.latency(Duration.ofMillis(50)).on("GET", "/api/v2/alert").times(1));
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
    List<RecordedRequest> gets = wavefront.requests().entries("GET", "/api/v2/alert");
    assertThat(gets).hasSize(2);
    assertThat(gets.get(0).faults()).containsExactly("latency=50ms");
    assertThat(gets.get(1).faults()).isEmpty();
  }

  @Test
  void latencyCombinesWithAStatusFault() {
    wavefront.faults().add(Fault.latency(Duration.ofMillis(10)));
    wavefront.faults().add(Fault.tooManyRequests(1).once());
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(429);
    assertThat(wavefront.requests().last().orElseThrow().faults())
        .containsExactly("latency=10ms", "status=429");
  }

  @Test
  void probabilityWithASeedIsReproducible() {
    List<Integer> first = statusesWithProbability();
    wavefront.reset();
    List<Integer> second = statusesWithProbability();
    assertThat(first).isEqualTo(second);
    assertThat(first).contains(503).contains(200);
    long failures = first.stream().filter(s -> s == 503).count();
    assertThat(failures).isBetween(5L, 35L); // p = 0.3 over 60 requests
  }

  private List<Integer> statusesWithProbability() {
    wavefront.faults().add(Fault.unavailable().on("GET", "/api/**").probability(0.3, 42));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      out.add(api.get("/api/v2/alert").status());
    }
    return out;
  }

  @Test
  void rejectedQueryIs400OnCreateAndUpdate() {
    String id = api.create(Api.alert("ok")).id();
    wavefront.faults().rejectQuery("app.errors");
    Api.Resp create = api.post("/api/v2/alert", Api.alert("bad"));
    assertThat(create.status()).isEqualTo(400);
    assertThat(create.message()).contains("Invalid query in condition");
    assertThat(api.put("/api/v2/alert/" + id, Api.alert("bad")).status()).isEqualTo(400);
    var fine = Api.alert("fine");
    fine.put("condition", "ts(other) > 1");
    fine.remove("displayExpression");
    assertThat(api.post("/api/v2/alert", fine).status()).isEqualTo(200);
  }

  @Test
  void searchLagsWritesByRequests() {
    wavefront.faults().searchLagRequests(2);
    String id = api.create(Api.alert("lagging", "lag-tag")).id();
    var byTag = Api.query("tags", "lag-tag", "EXACT");
    assertThat(api.search(byTag).response().path("totalItems").asInt()).isZero();
    assertThat(api.get("/api/v2/alert/" + id).status()).isEqualTo(200); // GET by id never lags
    assertThat(api.search(byTag).response().path("totalItems").asInt()).isEqualTo(1);

    // an update is seen late too: search still shows the old tags
    api.post("/api/v2/alert/" + id + "/tag", List.of("new-tag"));
    assertThat(api.search(byTag).response().path("totalItems").asInt()).isEqualTo(1);
    assertThat(
            api.search(Api.query("tags", "new-tag", "EXACT")).response().path("totalItems").asInt())
        .isZero();
    assertThat(
            api.search(Api.query("tags", "new-tag", "EXACT")).response().path("totalItems").asInt())
        .isEqualTo(1);
    assertThat(api.search(byTag).response().path("totalItems").asInt()).isZero();
  }

  @Test
  void searchLagsWritesByTime() {
    wavefront.faults().searchLag(Duration.ofSeconds(2));
    String id = api.create(Api.alert("lagging")).id();
    var byName = Api.query("name", "lagging", "EXACT");
    assertThat(api.search(byName).response().path("totalItems").asInt()).isZero();
    CLOCK.advance(Duration.ofMillis(1999));
    assertThat(api.search(byName).response().path("totalItems").asInt()).isZero();
    CLOCK.advance(Duration.ofMillis(1));
    assertThat(api.search(byName).response().path("totalItems").asInt()).isEqualTo(1);

    api.delete("/api/v2/alert/" + id + "?skipTrash=true");
    assertThat(api.search(byName).response().path("totalItems").asInt()).isEqualTo(1);
    CLOCK.advance(Duration.ofSeconds(2));
    assertThat(api.search(byName).response().path("totalItems").asInt()).isZero();
  }

  @Test
  void resetClearsFaultsRejectionsAndLag() {
    wavefront.faults().add(Fault.unavailable());
    wavefront.faults().rejectQuery("x");
    wavefront.faults().searchLagRequests(5);
    wavefront.reset();
    assertThat(wavefront.faults().active()).isEmpty();
    assertThat(wavefront.faults().rejectedQueries()).isEmpty();
    assertThat(wavefront.faults().searchLag().enabled()).isFalse();
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
  }

  @Test
  void specParsing() {
    Fault f = Fault.parse("status=429,retryAfter=2,method=post,path=/api/v2/alert,count=3");
    assertThat(f.kind()).isEqualTo(Fault.Kind.STATUS);
    assertThat(f.status()).isEqualTo(429);
    assertThat(f.retryAfter()).isEqualTo("2");
    assertThat(f.method()).isEqualTo("POST");
    assertThat(f.path()).isEqualTo("/api/v2/alert");
    assertThat(f.times()).isEqualTo(3);
    assertThat(Fault.parse(f.spec())).isEqualTo(f);
    assertThat(Fault.parse("latency=2s").latencyMillis()).isEqualTo(2000);
    assertThat(Fault.parse("drop,probability=0.5,seed=7,after").isAfterProcessing()).isTrue();
    assertThatThrownBy(() -> Fault.parse("status=429,drop"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.parse("method=GET"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.parse("status=200"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.parse("status=503,count=0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.parse("latency=5,after"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.parse("status=503,bogus=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
