package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListAndSearchTest {
  static final String TOKEN = "search-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  Api api;

  @BeforeEach
  void seed() {
    api = new Api(wavefront.baseUri(), TOKEN);
  }

  private List<String> names(Api.Resp r) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.response().path("items").forEach(a -> out.add(a.path("name").asText()));
    return out;
  }

  private void seedFive() {
    api.create(
        Api.alert("CPU high on prod", "team-a", "myapp.database.latency", "k8s-controller:prod"));
    api.create(Api.alert("cpu low", "team-a", "myapp.web"));
    api.create(Api.alert("Memory high", "team-b", "myapp.database"));
    api.create(Api.alert("disk full", "team-b", "other.database.x"));
    ObjectNode severe = Api.alert("Error rate");
    severe.put("severity", "SEVERE");
    api.create(severe);
  }

  @Test
  void listPagesWithOffsetAndLimit() {
    for (int i = 0; i < 7; i++) {
      api.create(Api.alert("a" + i));
    }
    JsonNode p1 = api.get("/api/v2/alert?offset=0&limit=3").response();
    assertThat(p1.path("items")).hasSize(3);
    assertThat(p1.path("totalItems").asInt()).isEqualTo(7);
    assertThat(p1.path("moreItems").asBoolean()).isTrue();
    assertThat(p1.path("items").get(0).path("name").asText()).isEqualTo("a0");
    JsonNode p3 = api.get("/api/v2/alert?offset=6&limit=3").response();
    assertThat(p3.path("items")).hasSize(1);
    assertThat(p3.path("items").get(0).path("name").asText()).isEqualTo("a6");
    assertThat(p3.path("moreItems").asBoolean()).isFalse();
    JsonNode dflt = api.get("/api/v2/alert").response();
    assertThat(dflt.path("limit").asInt()).isEqualTo(100);
    assertThat(dflt.path("items")).hasSize(7);
    assertThat(api.get("/api/v2/alert?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/v2/alert?limit=1001").status()).isEqualTo(400);
    assertThat(api.get("/api/v2/alert?offset=-1").status()).isEqualTo(400);
    assertThat(api.get("/api/v2/alert?limit=ten").status()).isEqualTo(400);
  }

  @Test
  void paginatedListFollowsTheCursor() {
    for (int i = 0; i < 5; i++) {
      api.create(Api.alert("c" + i));
    }
    List<String> seen = new ArrayList<>();
    String cursor = "";
    for (int guard = 0; guard < 10; guard++) {
      JsonNode page = api.get("/api/v2/alert/paginated?limit=2&cursor=" + cursor).response();
      page.path("items").forEach(a -> seen.add(a.path("name").asText()));
      if (!page.path("moreItems").asBoolean()) {
        break;
      }
      cursor = page.path("cursor").asText();
    }
    assertThat(seen).containsExactly("c0", "c1", "c2", "c3", "c4");
  }

  @Test
  void containsIsTheDefaultAndIgnoresCase() {
    seedFive();
    assertThat(names(api.search(Api.query("name", "CPU", null))))
        .containsExactly("CPU high on prod", "cpu low");
    assertThat(names(api.search(Api.query("name", "high", "CONTAINS"))))
        .containsExactly("CPU high on prod", "Memory high");
  }

  @Test
  void startsWithAndExact() {
    seedFive();
    assertThat(names(api.search(Api.query("name", "cpu", "STARTSWITH"))))
        .containsExactly("CPU high on prod", "cpu low");
    assertThat(names(api.search(Api.query("name", "high", "STARTSWITH")))).isEmpty();
    assertThat(names(api.search(Api.query("name", "cpu low", "EXACT")))).containsExactly("cpu low");
    assertThat(names(api.search(Api.query("name", "cpu", "EXACT")))).isEmpty();
  }

  @Test
  void tagsKeyMatchesCustomerTags() {
    seedFive();
    assertThat(names(api.search(Api.query("tags", "k8s-controller:prod", "EXACT"))))
        .containsExactly("CPU high on prod");
    assertThat(names(api.search(Api.query("tags", "team-b", "EXACT"))))
        .containsExactly("Memory high", "disk full");
    assertThat(names(api.search(Api.query("tags", "TEAM", "STARTSWITH")))).hasSize(4);
  }

  @Test
  void tagPathMatchesTheTagAndEverythingBelowIt() {
    seedFive();
    assertThat(names(api.search(Api.query("tags", "myapp.database", "TAGPATH"))))
        .containsExactly("CPU high on prod", "Memory high");
    assertThat(names(api.search(Api.query("tagpath", "myapp.*", null))))
        .containsExactly("CPU high on prod", "cpu low", "Memory high");
    assertThat(names(api.search(Api.query("tags", "*.database", "TAGPATH"))))
        .containsExactly("CPU high on prod", "Memory high", "disk full");
  }

  @Test
  void valuesAreOredEntriesAreAndedAndNegatedInverts() {
    seedFive();
    ObjectNode req = Api.JSON.createObjectNode();
    var q = req.putArray("query");
    q.addObject()
        .put("key", "tags")
        .put("matchingMethod", "EXACT")
        .putArray("values")
        .add("team-a")
        .add("team-b");
    q.addObject().put("key", "name").put("value", "high");
    assertThat(names(api.search(req))).containsExactly("CPU high on prod", "Memory high");

    ObjectNode neg = Api.query("name", "high", "CONTAINS");
    ((ObjectNode) neg.path("query").get(0)).put("negated", true);
    assertThat(names(api.search(neg))).containsExactly("cpu low", "disk full", "Error rate");
  }

  @Test
  void valuesWinOverValue() {
    seedFive();
    ObjectNode req = Api.query("name", "disk", "CONTAINS");
    ((ObjectNode) req.path("query").get(0)).putArray("values").add("memory");
    assertThat(names(api.search(req))).containsExactly("Memory high");
  }

  @Test
  void freetextStatusAndSeverityKeys() {
    seedFive();
    assertThat(names(api.search(Api.query("freetext", "myapp.web", null))))
        .containsExactly("cpu low");
    assertThat(names(api.search(Api.query("severity", "severe", "EXACT"))))
        .containsExactly("Error rate");
    assertThat(names(api.search(Api.query("status", "checking", "EXACT")))).hasSize(5);
  }

  @Test
  void sortAndPagingBounds() {
    seedFive();
    ObjectNode req = Api.JSON.createObjectNode();
    req.putObject("sort").put("field", "name").put("ascending", true);
    req.put("limit", 2);
    Api.Resp first = api.search(req);
    assertThat(names(first)).containsExactly("CPU high on prod", "cpu low");
    assertThat(first.response().path("moreItems").asBoolean()).isTrue();
    assertThat(first.response().path("totalItems").asInt()).isEqualTo(5);
    assertThat(first.response().path("alertCounts").path("CHECKING").asInt()).isEqualTo(5);
    req.put("offset", 4);
    Api.Resp last = api.search(req);
    assertThat(names(last)).containsExactly("Memory high");
    assertThat(last.response().path("moreItems").asBoolean()).isFalse();

    req.put("offset", 0);
    req.putObject("sort").put("field", "name").put("ascending", false);
    req.put("limit", 1);
    assertThat(names(api.search(req))).containsExactly("Memory high");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, 5000})
  void searchLimitOutside1To1000Is400(int limit) {
    ObjectNode req = Api.JSON.createObjectNode();
    req.put("limit", limit);
    Api.Resp r = api.search(req);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).contains("limit");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void searchLimitAtTheBoundsIsAccepted(int limit) {
    ObjectNode req = Api.JSON.createObjectNode();
    req.put("limit", limit);
    Api.Resp r = api.search(req);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().path("limit").asInt()).isEqualTo(limit);
  }

  @Test
  void defaultSearchLimitIs100AndBadRequestsAre400() {
    for (int i = 0; i < 120; i++) {
      wavefront.store().create(Api.alert("bulk" + i), "seed");
    }
    Api.Resp r = api.search(Api.JSON.createObjectNode());
    assertThat(r.response().path("limit").asInt()).isEqualTo(100);
    assertThat(r.response().path("items")).hasSize(100);
    assertThat(r.response().path("totalItems").asInt()).isEqualTo(120);
    assertThat(api.search("").status()).isEqualTo(200);

    assertThat(api.search(Api.query("name", "x", "FUZZY")).status()).isEqualTo(400);
    assertThat(api.search("{\"offset\":-5}").status()).isEqualTo(400);
    assertThat(api.search("{\"query\":[{\"value\":\"x\"}]}").status()).isEqualTo(400);
    assertThat(api.search("{\"query\":{}}").status()).isEqualTo(400);
  }

  @Test
  void caseSensitivityCanBeSwitchedOn() {
    seedFive();
    wavefront.store().setSearchCaseSensitive(true);
    try {
      assertThat(names(api.search(Api.query("name", "cpu", "CONTAINS"))))
          .containsExactly("cpu low");
    } finally {
      wavefront.store().setSearchCaseSensitive(false);
    }
  }
}
