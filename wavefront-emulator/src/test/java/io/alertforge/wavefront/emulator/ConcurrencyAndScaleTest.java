package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyAndScaleTest {
  static final String TOKEN = "scale-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  /** Runs {@code perThread} calls of {@code task(thread, i)} on each of {@code threads} threads. */
  private static void inParallel(int threads, int perThread, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    task.run(thread, i);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  interface Task {
    void run(int thread, int i) throws Exception;
  }

  @Test
  @Timeout(120)
  void eightThreadsTimes500CreatesGive4000DistinctIds() throws Exception {
    Api api = new Api(wavefront.baseUri(), TOKEN);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    inParallel(
        8,
        500,
        (t, i) -> {
          Api.Resp r = api.post("/api/v2/alert", Api.alert("t" + t + "-" + i, "thread-" + t));
          assertThat(r.status()).isEqualTo(200);
          ids.add(r.id());
          if (i % 50 == 0) {
            assertThat(api.search(Api.query("tags", "thread-" + t, "EXACT")).status())
                .isEqualTo(200);
          }
        });
    assertThat(ids).hasSize(4000).allMatch(id -> id.matches("\\d+"));
    assertThat(wavefront.store().size()).isEqualTo(4000);
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(4000);
    JsonNode perThread = api.search(Api.query("tags", "thread-3", "EXACT")).response();
    assertThat(perThread.path("totalItems").asInt()).isEqualTo(500);
  }

  @Test
  @Timeout(60)
  void concurrentUpdatesDeletesAndSearchesOnTheSameAlertsStayConsistent() throws Exception {
    Api api = new Api(wavefront.baseUri(), TOKEN);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(
          wavefront.store().create(Api.alert("shared" + i, "shared"), "seed").path("id").asText());
    }
    inParallel(
        8,
        100,
        (t, i) -> {
          String id = ids.get((t * 7 + i) % ids.size());
          int status =
              switch (i % 4) {
                case 0 ->
                    api.put("/api/v2/alert/" + id, Api.alert("shared-upd", "shared")).status();
                case 1 -> api.put("/api/v2/alert/" + id + "/tag/t" + t, null).status();
                case 2 -> api.search(Api.query("tags", "shared", "EXACT")).status();
                default -> api.get("/api/v2/alert/" + id).status();
              };
          assertThat(status).isEqualTo(200);
        });
    assertThat(wavefront.store().size()).isEqualTo(40);
    JsonNode all = api.search(Api.query("tags", "shared", "EXACT")).response();
    assertThat(all.path("totalItems").asInt()).isEqualTo(40);
  }

  @Test
  @Timeout(180)
  void tenThousandAlertsCreateAndSearchWithoutError() throws Exception {
    Api api = new Api(wavefront.baseUri(), TOKEN);
    inParallel(
        4,
        2500,
        (t, i) -> {
          ObjectNode alert =
              Api.alert("scale-" + t + "-" + i, "k8s-controller:c" + t + "-" + i, "fleet");
          Api.Resp r = api.post("/api/v2/alert", alert);
          assertThat(r.status()).isEqualTo(200);
        });
    assertThat(wavefront.store().size()).isEqualTo(10_000);

    // Page through everything with the maximum page size.
    Set<String> seen = new HashSet<>();
    int offset = 0;
    int pages = 0;
    while (true) {
      ObjectNode req = Api.query("tags", "fleet", "EXACT");
      req.put("offset", offset).put("limit", 1000);
      JsonNode page = api.search(req).response();
      page.path("items").forEach(a -> seen.add(a.path("id").asText()));
      pages++;
      assertThat(page.path("totalItems").asInt()).isEqualTo(10_000);
      if (!page.path("moreItems").asBoolean()) {
        break;
      }
      offset += 1000;
    }
    assertThat(pages).isEqualTo(10);
    assertThat(seen).hasSize(10_000);

    // A full scan with CONTAINS and a sort, and the ownership-tag lookup.
    ObjectNode sorted = Api.query("name", "scale-3-24", "CONTAINS");
    sorted.putObject("sort").put("field", "name").put("ascending", false);
    JsonNode hits = api.search(sorted).response();
    assertThat(hits.path("totalItems").asInt())
        .isEqualTo(111); // scale-3-24, -240..249, -2400..2499
    assertThat(hits.path("items").get(0).path("name").asText()).isEqualTo("scale-3-2499");
    JsonNode owned = api.search(Api.query("tags", "k8s-controller:c2-1234", "EXACT")).response();
    assertThat(owned.path("totalItems").asInt()).isEqualTo(1);
    assertThat(owned.path("items").get(0).path("name").asText()).isEqualTo("scale-2-1234");

    // The list endpoint pages the same set.
    JsonNode last = api.get("/api/v2/alert?offset=9999&limit=1000").response();
    assertThat(last.path("items")).hasSize(1);
    assertThat(last.path("moreItems").asBoolean()).isFalse();
  }
}
