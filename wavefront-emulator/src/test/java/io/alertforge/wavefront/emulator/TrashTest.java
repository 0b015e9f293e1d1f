package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrashTest {
  static final String TOKEN = "trash-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  Api api;

  @BeforeEach
  void client() {
    api = new Api(wavefront.baseUri(), TOKEN);
  }

  private JsonNode deletedSearch() {
    Api.Resp r = api.post("/api/v2/search/alert/deleted", Api.JSON.createObjectNode());
    assertThat(r.status()).isEqualTo(200);
    return r.response();
  }

  @Test
  void deleteMovesToTrashThenUndeleteRestores() {
    String id = api.create(Api.alert("a", "owned")).id();

    Api.Resp deleted = api.delete("/api/v2/alert/" + id);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.response().path("inTrash").asBoolean()).isTrue();
    assertThat(deleted.response().path("status").toString()).isEqualTo("[\"TRASH\"]");

    assertThat(api.get("/api/v2/alert/" + id).status()).isEqualTo(404);
    assertThat(api.put("/api/v2/alert/" + id, Api.alert("b")).status()).isEqualTo(404);
    assertThat(api.put("/api/v2/alert/" + id + "/tag/x", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/alert/" + id + "/tag").status()).isEqualTo(404);
    assertThat(api.post("/api/v2/alert/" + id + "/snooze", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/alert").response().path("totalItems").asInt()).isZero();
    assertThat(
            api.search(Api.query("tags", "owned", "EXACT")).response().path("totalItems").asInt())
        .isZero();

    JsonNode trash = deletedSearch();
    assertThat(trash.path("totalItems").asInt()).isEqualTo(1);
    assertThat(trash.path("items").get(0).path("id").asText()).isEqualTo(id);
    assertThat(trash.path("items").get(0).path("inTrash").asBoolean()).isTrue();
    assertThat(trash.has("alertCounts")).isFalse();

    Api.Resp restored = api.post("/api/v2/alert/" + id + "/undelete", null);
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.response().path("inTrash").asBoolean()).isFalse();
    assertThat(restored.response().path("status").toString()).isEqualTo("[\"CHECKING\"]");
    assertThat(api.get("/api/v2/alert/" + id).status()).isEqualTo(200);
    assertThat(deletedSearch().path("totalItems").asInt()).isZero();
    assertThat(
            api.search(Api.query("tags", "owned", "EXACT")).response().path("totalItems").asInt())
        .isEqualTo(1);
  }

  @Test
  void deletingATrashedAlertPurgesIt() {
    String id = api.create(Api.alert("a")).id();
    assertThat(api.delete("/api/v2/alert/" + id).status()).isEqualTo(200);
    Api.Resp purge = api.delete("/api/v2/alert/" + id);
    assertThat(purge.status()).isEqualTo(200);
    assertThat(purge.response().path("deleted").asBoolean()).isTrue();
    assertThat(deletedSearch().path("totalItems").asInt()).isZero();
    assertThat(api.post("/api/v2/alert/" + id + "/undelete", null).status()).isEqualTo(404);
    assertThat(api.delete("/api/v2/alert/" + id).status()).isEqualTo(404);
    assertThat(wavefront.store().find(id)).isEmpty();
  }

  @Test
  void skipTrashDeletesPermanentlyAtOnce() {
    String id = api.create(Api.alert("a")).id();
    Api.Resp r = api.delete("/api/v2/alert/" + id + "?skipTrash=true");
    assertThat(r.status()).isEqualTo(200);
    assertThat(api.get("/api/v2/alert/" + id).status()).isEqualTo(404);
    assertThat(deletedSearch().path("totalItems").asInt()).isZero();
    assertThat(wavefront.store().trashSize()).isZero();
    assertThat(wavefront.store().size()).isZero();
  }

  @Test
  void skipTrashFalseIsASoftDeleteAndBadValueIs400() {
    String id = api.create(Api.alert("a")).id();
    assertThat(api.delete("/api/v2/alert/" + id + "?skipTrash=maybe").status()).isEqualTo(400);
    assertThat(api.delete("/api/v2/alert/" + id + "?skipTrash=false").status()).isEqualTo(200);
    assertThat(wavefront.store().trashSize()).isEqualTo(1);
  }

  @Test
  void deleteUnknownIs404() {
    assertThat(api.delete("/api/v2/alert/1234567890123").status()).isEqualTo(404);
    assertThat(api.post("/api/v2/alert/1234567890123/undelete", null).status()).isEqualTo(404);
  }
}
