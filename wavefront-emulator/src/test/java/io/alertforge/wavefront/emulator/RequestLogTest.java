package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestLogTest {
  static final String TOKEN = "log-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  @Test
  void recordsMethodPathQueryStatusAndCountsByGlob() {
    Api api = new Api(wavefront.baseUri(), TOKEN);
    String id = api.create(Api.alert("a")).id();
    api.get("/api/v2/alert/" + id);
    api.get("/api/v2/alert/" + id + "/tag");
    api.put("/api/v2/alert/" + id, Api.alert("b"));
    api.search(Api.query("name", "b", null));
    api.delete("/api/v2/alert/" + id + "?skipTrash=true");
    api.get("/api/v2/alert/" + id);

    var log = wavefront.requests();
    assertThat(log.size()).isEqualTo(7);
    assertThat(log.count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(log.count("GET", "/api/v2/alert/*")).isEqualTo(2);
    assertThat(log.count("GET", "/api/v2/alert/**")).isEqualTo(3);
    assertThat(log.count("*", "/api/v2/alert/" + id)).isEqualTo(4);
    assertThat(log.count(null, "/api/v2/search/alert")).isEqualTo(1);
    assertThat(log.countWrites()).isEqualTo(3); // POST, PUT, DELETE; the search POST is a read

    RecordedRequest delete = log.entries("DELETE", "/api/v2/alert/*").get(0);
    assertThat(delete.query()).isEqualTo("skipTrash=true");
    assertThat(delete.status()).isEqualTo(200);
    assertThat(delete.account()).isEqualTo("sa::wavefront-emulator");
    assertThat(log.last().orElseThrow().status()).isEqualTo(404);
    assertThat(log.entries().get(0).body()).contains("\"name\":\"a\"");
    assertThat(log.entries().get(0).seq()).isLessThan(log.entries().get(1).seq());
    assertThat(log.entries().get(0).timestamp()).isNotNull();
  }

  @Test
  void markAndSinceIsolateAPhase() {
    Api api = new Api(wavefront.baseUri(), TOKEN);
    api.create(Api.alert("a"));
    long mark = wavefront.requests().mark();
    api.get("/api/v2/alert");
    api.search(Api.JSON.createObjectNode());
    assertThat(wavefront.requests().since(mark)).hasSize(2).noneMatch(RecordedRequest::isWrite);
  }

  @Test
  void startsEmptyForEachTest() {
    assertThat(wavefront.requests().size()).isZero();
  }
}
