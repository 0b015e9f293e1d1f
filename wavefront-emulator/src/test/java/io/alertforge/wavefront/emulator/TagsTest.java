package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TagsTest {
  static final String TOKEN = "tags-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  Api api;
  String id;

  @BeforeEach
  void seed() {
    api = new Api(wavefront.baseUri(), TOKEN);
    id = api.create(Api.alert("tagged", "one")).id();
  }

  private List<String> tags() {
    Api.Resp r = api.get("/api/v2/alert/" + id + "/tag");
    assertThat(r.status()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.response().path("items").forEach(t -> out.add(t.asText()));
    return out;
  }

  @Test
  void getReturnsItems() {
    assertThat(tags()).containsExactly("one");
  }

  @Test
  void postReplacesAllTagsAndReturnsAVoidEnvelope() {
    Api.Resp r = api.post("/api/v2/alert/" + id + "/tag", List.of("x", "y", "x"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").path("result").asText()).isEqualTo("OK");
    assertThat(r.json().has("response")).isFalse();
    assertThat(tags()).containsExactly("x", "y");
    assertThat(
            api.get("/api/v2/alert/" + id).response().path("tags").path("customerTags").toString())
        .isEqualTo("[\"x\",\"y\"]");
  }

  @Test
  void putAddsAndDeleteRemovesIdempotently() {
    assertThat(api.put("/api/v2/alert/" + id + "/tag/k8s-controller:prod", null).status())
        .isEqualTo(200);
    assertThat(api.put("/api/v2/alert/" + id + "/tag/k8s-controller:prod", null).status())
        .isEqualTo(200);
    assertThat(tags()).containsExactly("one", "k8s-controller:prod");
    assertThat(api.delete("/api/v2/alert/" + id + "/tag/one").status()).isEqualTo(200);
    assertThat(api.delete("/api/v2/alert/" + id + "/tag/one").status()).isEqualTo(200);
    assertThat(tags()).containsExactly("k8s-controller:prod");
    Api.Resp found = api.search(Api.query("tags", "k8s-controller:prod", "EXACT"));
    assertThat(found.response().path("items").get(0).path("id").asText()).isEqualTo(id);
    assertThat(api.search(Api.query("tags", "one", "EXACT")).response().path("totalItems").asInt())
        .isZero();
  }

  @Test
  void invalidTagsAre400() {
    assertThat(api.put("/api/v2/alert/" + id + "/tag/bad%20tag", null).status()).isEqualTo(400);
    Api.Resp r = api.post("/api/v2/alert/" + id + "/tag", List.of("ok", "no/slash"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).contains("Invalid tag specified");
    assertThat(api.post("/api/v2/alert/" + id + "/tag", "{\"a\":1}").status()).isEqualTo(400);
    assertThat(tags()).containsExactly("one");
  }

  @Test
  void tagsOfUnknownAlertAre404() {
    assertThat(api.get("/api/v2/alert/1234567890123/tag").status()).isEqualTo(404);
    assertThat(api.put("/api/v2/alert/1234567890123/tag/x", null).status()).isEqualTo(404);
  }
}
