package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {
  static final String FULL = "full-token-0001";
  static final String READ = "read-token-0002";
  static final String NONE = "none-token-0003";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.configure(
          b -> b.token(FULL).token(READ, Permission.BROWSE).token(NONE, "sa::no-role", Set.of()));

  @Test
  void missingTokenIs401WithErrorEnvelope() {
    Api.Resp r = new Api(wavefront.baseUri(), null).get("/api/v2/alert");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("status").path("result").asText()).isEqualTo("ERROR");
    assertThat(r.json().path("status").path("code").asInt()).isEqualTo(401);
  }

  @Test
  void unknownTokenIs401AndTheMessageDoesNotEchoIt() {
    Api.Resp r =
        new Api(wavefront.baseUri(), "guessed-token-xyz").post("/api/v2/alert", Api.alert("a"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().toString()).doesNotContain("guessed-token-xyz");
    assertThat(wavefront.store().size()).isZero();
    assertThat(wavefront.requests().last().orElseThrow().account()).isNull();
  }

  @Test
  void xAuthTokenHeaderIsAcceptedToo() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(wavefront.baseUri().resolve("/api/v2/alert"))
            .header("X-AUTH-TOKEN", FULL)
            .GET()
            .build();
    HttpResponse<String> r = Api.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void browseOnlyTokenReadsButWritesGet403() {
    Api full = new Api(wavefront.baseUri(), FULL);
    Api read = full.withToken(READ);
    String id = full.create(Api.alert("a")).id();

    assertThat(read.get("/api/v2/alert/" + id).status()).isEqualTo(200);
    assertThat(read.get("/api/v2/alert").status()).isEqualTo(200);
    assertThat(read.search(Api.JSON.createObjectNode()).status()).isEqualTo(200);

    Api.Resp create = read.post("/api/v2/alert", Api.alert("b"));
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.json().path("status").path("code").asInt()).isEqualTo(403);
    assertThat(read.put("/api/v2/alert/" + id, Api.alert("c")).status()).isEqualTo(403);
    assertThat(read.delete("/api/v2/alert/" + id).status()).isEqualTo(403);
    assertThat(read.put("/api/v2/alert/" + id + "/tag/x", null).status()).isEqualTo(403);
    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.store().get(id).path("name").asText()).isEqualTo("a");
  }

  @Test
  void tokenWithoutPermissionsIs403EvenForReads() {
    Api none = new Api(wavefront.baseUri(), NONE);
    assertThat(none.get("/api/v2/alert").status()).isEqualTo(403);
    assertThat(none.post("/api/v2/alert", Api.alert("a")).status()).isEqualTo(403);
    assertThat(wavefront.requests().last().orElseThrow().account()).isEqualTo("sa::no-role");
  }

  @Test
  void revokedTokenIs401AndAddedTokenWorksThenResetRestoresConfiguredTokens() {
    Api full = new Api(wavefront.baseUri(), FULL);
    wavefront.tokens().add("rotated-token", Permission.full());
    wavefront.tokens().revoke(FULL);
    assertThat(full.get("/api/v2/alert").status()).isEqualTo(401);
    assertThat(full.withToken("rotated-token").get("/api/v2/alert").status()).isEqualTo(200);

    wavefront.reset();
    assertThat(full.get("/api/v2/alert").status()).isEqualTo(200);
    assertThat(full.withToken("rotated-token").get("/api/v2/alert").status()).isEqualTo(401);
  }

  @Test
  void requestLogNeverHoldsTheToken() {
    new Api(wavefront.baseUri(), FULL).create(Api.alert("a"));
    assertThat(wavefront.requests().entries().toString()).doesNotContain(FULL);
  }
}
