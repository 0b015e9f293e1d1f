package io.alertforge.controller.wavefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.alertforge.controller.Harness;
import io.alertforge.controller.TestClock;
import io.alertforge.controller.wavefront.WavefrontException.Kind;
import io.alertforge.wavefront.emulator.fault.ActiveFault;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A view made by {@code within(deadline)} ends every call by the deadline: the waits for the rate
 * limiter, for a request slot and for the pause, each attempt and each backoff. Bounds are asserted
 * by order (the call returns before the slow answer would come), never by timing.
 */
class WavefrontDeadlineTest {
  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingListener listener = new RecordingListener();

  private WavefrontClient client(UnaryOperator<WavefrontClient.Builder> options) {
    return client(options, Clock.systemUTC());
  }

  private WavefrontClient client(UnaryOperator<WavefrontClient.Builder> options, Clock clock) {
    return new WavefrontClient(
        options.apply(Harness.options(wavefront.baseUri())).build(),
        FileTokenSource.fixed(Harness.TOKEN),
        listener,
        clock);
  }

  private static ObjectNode alert() {
    ObjectNode a = JSON.createObjectNode();
    a.put("name", "a").put("condition", "ts(x) > 1").put("severity", "warn").put("minutes", 5);
    return a;
  }

  private static Instant inOneSecond() {
    return Instant.now().plusSeconds(1);
  }

  @Test
  void aSlowAnswerEndsTheCallAtTheDeadlineNotWhenTheAnswerComes() {
    wavefront.faults().add(Fault.latency(Duration.ofSeconds(3)).on("GET", "/api/v2/alert/*"));
    WavefrontClient c = client(o -> o);
    WavefrontException e =
        catchThrowableOfType(() -> c.within(inOneSecond()).get("1"), WavefrontException.class);
    assertThat(wavefront.requests().size()).as("answers the emulator sent").isZero();
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/alert/1: the reconcile's deadline of 1s passed during attempt 1;"
                + " 1 attempt made, the last: no answer yet");
    assertThat(listener.calls).containsExactly("get io_error");
    await().atMost(Duration.ofSeconds(10)).until(() -> wavefront.requests().size() == 1);
  }

  @Test
  void aCreateCutByTheDeadlineIsUncertainForItMayHaveBeenProcessed() {
    wavefront.faults().add(Fault.latency(Duration.ofSeconds(3)).on("POST", "/api/v2/alert"));
    WavefrontClient c = client(o -> o);
    WavefrontException e =
        catchThrowableOfType(
            () -> c.within(inOneSecond()).create(alert()), WavefrontException.class);
    assertThat(wavefront.store().size()).isZero();
    assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /api/v2/alert: the reconcile's deadline of 1s passed during attempt 1;"
                + " 1 attempt made, the last: no answer yet; the create may have been"
                + " processed");
    // and it was: the emulator created it after the client had stopped waiting
    await().atMost(Duration.ofSeconds(10)).until(() -> wavefront.store().size() == 1);
  }

  @Test
  void theWaitForTheRateLimiterEndsByTheDeadline() {
    WavefrontClient c = client(o -> o.rateLimit(0.2, 4)); // a slot every 5 s
    assertThat(c.get("1")).isEmpty();
    Instant nextSlot = Instant.now().plusSeconds(4);
    WavefrontException e =
        catchThrowableOfType(() -> c.within(inOneSecond()).get("2"), WavefrontException.class);
    assertThat(Instant.now()).as("returned before the rate limiter's next slot").isBefore(nextSlot);
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/alert/2: the reconcile's deadline of 1s leaves no time to wait for the"
                + " rate limiter; not sent");
    assertThat(wavefront.requests().size()).isEqualTo(1);
  }

  @Test
  void theWaitForARequestSlotEndsByTheDeadline() {
    ActiveFault slow =
        wavefront.faults().add(Fault.latency(Duration.ofSeconds(3)).on("GET", "/api/v2/alert/1"));
    WavefrontClient c = client(o -> o.rateLimit(2000, 1));
    CompletableFuture<?> holdingTheSlot = CompletableFuture.runAsync(() -> c.get("1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> slow.fired() == 1);

    WavefrontException e =
        catchThrowableOfType(() -> c.within(inOneSecond()).get("2"), WavefrontException.class);
    assertThat(holdingTheSlot).as("the call holding the only slot").isNotDone();
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/alert/2: the reconcile's deadline of 1s passed while waiting for a"
                + " request slot (at most 1 in flight); not sent");
    holdingTheSlot.join();
    assertThat(wavefront.requests().count("GET", "/api/v2/alert/2")).isZero();
  }

  @Test
  void aPauseEndingAfterTheDeadlineFailsTheCallAtOnce() {
    TestClock clock = new TestClock(Instant.now());
    wavefront.faults().add(Fault.tooManyRequests(5).on("GET", "/api/v2/alert/*").once());
    WavefrontClient c =
        client(o -> o.retries(4, Duration.ofMillis(20), Duration.ofSeconds(10)), clock);
    WavefrontException e =
        catchThrowableOfType(
            () -> c.within(clock.instant().plusSeconds(2)).get("1"), WavefrontException.class);
    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v2/alert/1: not sent: Wavefront asked to wait until "
                + clock.instant().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS)
                + " (Retry-After), after the reconcile's deadline of 2s; 1 attempt made, the"
                + " last: HTTP 429: User concurrent query limit exceeded. Please try again later.");
    assertThat(wavefront.requests().size()).isEqualTo(1);
  }

  @Test
  void aBackoffThatWouldOutlastTheDeadlineEndsTheCallAtOnce() {
    wavefront.faults().add(Fault.unavailable().on("GET", "/api/v2/alert/*"));
    WavefrontClient c = client(o -> o.retries(6, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    WavefrontException e =
        catchThrowableOfType(() -> c.within(inOneSecond()).get("1"), WavefrontException.class);
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .startsWith(
            "GET /api/v2/alert/1: the reconcile's deadline of 1s leaves no time for attempt"
                + " 2 (backoff ")
        .endsWith("); 1 attempt made, the last: HTTP 503: Service unavailable");
    assertThat(wavefront.requests().size()).isEqualTo(1);
  }

  @Test
  void aViewSharesThePauseWithItsClient() {
    wavefront.faults().add(Fault.tooManyRequests(120).on("GET", "/api/v2/alert/1").once());
    WavefrontClient c = client(o -> o);
    WavefrontClient view = c.within(Instant.now().plusSeconds(60));
    assertThat(catchThrowableOfType(() -> c.get("1"), WavefrontException.class).kind())
        .isEqualTo(Kind.THROTTLED);
    assertThat(view.pausedFor()).isGreaterThan(Duration.ofSeconds(100));
    assertThat(catchThrowableOfType(() -> view.get("2"), WavefrontException.class).kind())
        .isEqualTo(Kind.THROTTLED);
    assertThat(wavefront.requests().size()).isEqualTo(1);
  }

  @Test
  void aViewSharesTheRejectedTokenWithItsClient() {
    wavefront.faults().add(Fault.status(401).on("GET", "/api/v2/alert/1").once());
    WavefrontClient c = client(o -> o);
    WavefrontClient view = c.within(Instant.now().plusSeconds(60));
    assertThat(catchThrowableOfType(() -> view.get("1"), WavefrontException.class).status())
        .isEqualTo(401);
    assertThat(catchThrowableOfType(() -> c.get("2"), WavefrontException.class).getMessage())
        .isEqualTo(
            "GET /api/v2/alert/2: not sent: Wavefront rejected this token (401) less than 60s"
                + " ago; waiting for a new token");
    assertThat(wavefront.requests().size()).isEqualTo(1);
  }

  @Test
  void aStalledBodyHoldsNoCallPastItsDeadlineNorAPlainCallPastTheRequestTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stalled = new CountDownLatch(2);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 100);
          OutputStream body = exchange.getResponseBody();
          body.write("{\"response\":".getBytes(StandardCharsets.UTF_8));
          body.flush();
          stalled.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    ExecutorService handlers = Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      WavefrontClient c =
          new WavefrontClient(
              Harness.options(base)
                  .retries(1, Duration.ofMillis(20), Duration.ofMillis(20))
                  .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                  .build(),
              FileTokenSource.fixed(Harness.TOKEN),
              listener);
      WavefrontException cut =
          catchThrowableOfType(
              () -> c.within(Instant.now().plusMillis(500)).get("1"), WavefrontException.class);
      assertThat(cut.getMessage())
          .isEqualTo(
              "GET /api/v2/alert/1: the reconcile's deadline of 0.5s passed during attempt 1;"
                  + " 1 attempt made, the last: no answer yet");
      WavefrontException timedOut =
          catchThrowableOfType(() -> c.get("1"), WavefrontException.class);
      assertThat(timedOut.getMessage()).isEqualTo("GET /api/v2/alert/1: no answer within 1s");
      assertThat(release.getCount()).as("the server still stalls").isOne();
      assertThat(stalled.getCount()).as("both answers started").isZero();
    } finally {
      release.countDown();
      server.stop(0);
      handlers.shutdownNow();
    }
  }
}
