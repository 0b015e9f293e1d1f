package io.alertforge.controller.wavefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.Harness;
import io.alertforge.controller.wavefront.WavefrontException.Kind;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WavefrontClientTest {
  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingListener listener = new RecordingListener();

  private WavefrontClient client(TokenSource tokens) {
    return new WavefrontClient(Harness.options(wavefront.baseUri()).build(), tokens, listener);
  }

  private WavefrontClient client() {
    return client(FileTokenSource.fixed(Harness.TOKEN));
  }

  private static ObjectNode alert(String tag) {
    ObjectNode a = JSON.createObjectNode();
    a.put("name", "a").put("condition", "ts(x) > 1").put("severity", "warn").put("minutes", 5);
    a.putObject("tags").putArray("customerTags").add(tag);
    return a;
  }

  @Test
  void aThrottledCreateIsRetriedHonouringRetryAfterOrBackingOff() {
    wavefront.faults().add(Fault.tooManyRequests(0).on("POST", "/api/v2/alert").once());
    wavefront.faults().add(Fault.tooManyRequests().on("POST", "/api/v2/alert").once());
    wavefront.faults().add(Fault.notAcceptable().on("POST", "/api/v2/alert").once());
    ObjectNode created = client().create(alert("t"));
    assertThat(created.path("id").asText()).isNotEmpty();
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(4);
    assertThat(wavefront.store().size()).isEqualTo(1);
  }

  @Test
  void aCreateIsNotRepeatedAfterA503ButAnUpdateIs() {
    wavefront.faults().add(Fault.unavailable().on("POST", "/api/v2/alert").once());
    assertThatThrownBy(() -> client().create(alert("t")))
        .isInstanceOfSatisfying(
            WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN));
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(1);

    String id = client().create(alert("t")).path("id").asText();
    wavefront.faults().add(Fault.unavailable().on("PUT", "/api/v2/alert/*").times(2));
    client().update(id, alert("t").put("minutes", 7));
    assertThat(wavefront.requests().count("PUT", "/api/v2/alert/" + id)).isEqualTo(3);
    assertThat(wavefront.store().get(id).path("minutes").asInt()).isEqualTo(7);
  }

  @Test
  void aLongRetryAfterIsLeftToTheCaller() {
    wavefront.faults().add(Fault.tooManyRequests(3600).on("GET", "/api/v2/alert/*"));
    assertThatThrownBy(() -> client().get("123"))
        .isInstanceOfSatisfying(
            WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED));
    assertThat(wavefront.requests().count("GET", "/api/v2/alert/*")).isEqualTo(1);
  }

  @Test
  void searchPagesByOneThousand() {
    for (int i = 0; i < 2_100; i++) {
      wavefront.store().create(alert(i % 2 == 0 ? "even" : "odd"), "seed");
    }
    assertThat(client().searchByTag("even")).hasSize(1_050);
    assertThat(wavefront.requests().count("POST", "/api/v2/search/alert")).isEqualTo(2);
  }

  @Test
  void aRejectedTokenIsNotSentAgainUntilItChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "wrong-token\n");
    WavefrontClient c = client(new FileTokenSource(file));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> c.get("1"))
          .isInstanceOfSatisfying(
              WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-token"));
    }
    assertThat(wavefront.requests().size()).isEqualTo(1);

    // rotation: a new token in the file is used at once, without a restart
    wavefront
        .tokens()
        .add("rotated-token", "sa::rotated", Set.of(Permission.ALERTS, Permission.BROWSE));
    Files.writeString(file, "rotated-token\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
    assertThat(c.get("1")).isEmpty();
    assertThat(wavefront.requests().last().get().account()).isEqualTo("sa::rotated");
  }

  @Test
  void plainHttpNeedsExplicitConsentAndABareHostMeansHttps() {
    URI http = URI.create("http://127.0.0.1:1");
    assertThatThrownBy(() -> WavefrontClient.apiRoot(http, false))
        .hasMessageContaining("--allow-insecure-wavefront");
    assertThat(WavefrontClient.apiRoot(URI.create("try.wavefront.com"), false))
        .hasToString("https://try.wavefront.com/api/v2/");
    assertThat(WavefrontClient.apiRoot(URI.create("https://x.wavefront.com/api/v2/"), false))
        .hasToString("https://x.wavefront.com/api/v2/");
  }

  @Test
  void aConnectionRefusedIsUnavailableAfterRetries() {
    var options =
        WavefrontClient.Options.builder(URI.create("http://127.0.0.1:1"))
            .allowInsecure(true)
            .retries(3, Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
    var c = new WavefrontClient(options, FileTokenSource.fixed("secret-token"), CallListener.NONE);
    assertThatThrownBy(() -> c.create(alert("t")))
        .isInstanceOfSatisfying(
            WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-token"));
  }

  private static final String RAW_REFUSAL =
      "not sent: the Wavefront token holds a line break (U+000A) at character 4, a carriage"
          + " return (U+000D) at character 8, a tab (U+0009) at character 12 and a NUL character"
          + " (U+0000) at character 16";

  /** Every operation of the client, each expected to fail the same way. */
  private static List<Consumer<WavefrontClient>> everyOperation() {
    return List.of(
        c -> c.create(alert("t")),
        c -> c.get("1"),
        c -> c.update("1", alert("t")),
        c -> c.delete("1"),
        c -> c.searchByTag("t"));
  }

  @Test
  void aBadTokenFromARawSourceFailsEveryCallUnsentWithoutAnyPartOfIt() {
    WavefrontClient c = client(() -> new TokenSource.Token(TokenLeaks.BAD_TOKEN, 1, Instant.now()));
    assertThatThrownBy(() -> c.get("1"))
        .isInstanceOfSatisfying(
            WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessage("GET /api/v2/alert/1: " + RAW_REFUSAL)
        .hasNoCause();
    for (Consumer<WavefrontClient> operation : everyOperation()) {
      WavefrontException e =
          catchThrowableOfType(() -> operation.accept(c), WavefrontException.class);
      assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
      assertThat(e.getMessage()).endsWith(RAW_REFUSAL);
      TokenLeaks.assertNoPartIn(e);
    }
    assertThat(wavefront.requests().size()).isZero();
  }

  @Test
  void aBadTokenReachesNeitherTheWireNorTheMetrics() {
    WavefrontClient c = client(() -> new TokenSource.Token(TokenLeaks.BAD_TOKEN, 1, Instant.now()));
    for (Consumer<WavefrontClient> operation : everyOperation()) {
      catchThrowableOfType(() -> operation.accept(c), WavefrontException.class);
    }
    assertThat(listener.calls).isEmpty();
    assertThat(wavefront.requests().size()).isZero();
  }

  @Test
  void aTokenFileRotatedToABadValueFailsCallsAsATokenProblemUntilItIsFixed(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, Harness.TOKEN + "\n");
    WavefrontClient c = client(new FileTokenSource(file));
    assertThat(c.get("1")).isEmpty();

    Files.writeString(file, TokenLeaks.BAD_TOKEN);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
    for (Consumer<WavefrontClient> operation : everyOperation()) {
      WavefrontException e =
          catchThrowableOfType(() -> operation.accept(c), WavefrontException.class);
      assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
      assertThat(e.getMessage())
          .contains(
              ": not sent: the Wavefront token file "
                  + file
                  + " holds a line break (U+000A) at character 4,");
      TokenLeaks.assertNoPartIn(e);
    }
    assertThat(wavefront.requests().size()).isEqualTo(1);
    assertThat(listener.calls).containsExactly("get 404");

    Files.writeString(file, Harness.TOKEN);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
    assertThat(c.get("1")).isEmpty();
    assertThat(wavefront.requests().size()).isEqualTo(2);
  }

  @Test
  void whatATokenSourceThrowsIsShownByItsTypeOnly() {
    WavefrontClient c =
        client(
            () -> {
              throw new IllegalStateException("cannot use " + TokenLeaks.BAD_TOKEN);
            });
    assertThatThrownBy(() -> c.get("1"))
        .isInstanceOfSatisfying(
            WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessage(
            "GET /api/v2/alert/1: not sent: the token source failed (IllegalStateException)")
        .hasNoCause();
    assertThat(wavefront.requests().size()).isZero();
  }

  @Test
  void whatTheHttpClientThrowsIsShownByItsTypeOnly() {
    WavefrontClient c =
        new WavefrontClient(
            Harness.options(wavefront.baseUri()).build(),
            FileTokenSource.fixed(Harness.TOKEN),
            listener,
            Clock.systemUTC(),
            new HeaderQuotingHttpClient());
    for (Consumer<WavefrontClient> operation : everyOperation()) {
      WavefrontException e =
          catchThrowableOfType(() -> operation.accept(c), WavefrontException.class);
      assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
      assertThat(e.getMessage())
          .endsWith(": not sent: the HTTP client refused the request (IllegalArgumentException)");
      assertThat(e).hasNoCause();
      assertThat(e.getMessage()).doesNotContain(Harness.TOKEN);
    }
    assertThat(listener.calls).isEmpty();
  }

  @Test
  void anAnswerQuotingTheTokenIsShownWithoutIt() {
    wavefront
        .faults()
        .add(Fault.status(400).message("no such token: " + Harness.TOKEN).on("GET", "/api/**"));
    assertThatThrownBy(() -> client().get("1"))
        .isInstanceOfSatisfying(
            WavefrontException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
        .hasMessage("GET /api/v2/alert/1: HTTP 400: no such token: [the token]");
  }
}
