package io.alertforge.controller.wavefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.Harness;
import io.alertforge.controller.TestClock;
import io.alertforge.controller.wavefront.WavefrontException.Kind;
import io.alertforge.wavefront.emulator.fault.ActiveFault;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retry-After pauses every call of one client, from every thread, until the instant it names. */
class WavefrontPauseTest {
  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingListener listener = new RecordingListener();

  /** The test options: 4 attempts, backoff from 20 ms to {@code maxBackoff}. */
  private WavefrontClient client(Clock clock, Duration maxBackoff) {
    return new WavefrontClient(
        Harness.options(wavefront.baseUri()).retries(4, Duration.ofMillis(20), maxBackoff).build(),
        FileTokenSource.fixed(Harness.TOKEN),
        listener,
        clock);
  }

  private static ObjectNode alert() {
    ObjectNode a = JSON.createObjectNode();
    a.put("name", "a").put("condition", "ts(x) > 1").put("severity", "warn").put("minutes", 5);
    return a;
  }

  private static WavefrontException throttled(Runnable call) {
    WavefrontException e = catchThrowableOfType(call::run, WavefrontException.class);
    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    return e;
  }

  @Test
  void aLongRetryAfterPausesEveryCallOfTheClientFromEveryThreadAndNoneIsSent() throws Exception {
    wavefront.faults().add(Fault.tooManyRequests(120).on("POST", "/api/v2/alert"));
    WavefrontClient c = client(Clock.systemUTC(), Duration.ofMillis(500));
    WavefrontException first = throttled(() -> c.create(alert()));
    assertThat(first.retryAfter())
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
    assertThat(first.getMessage())
        .startsWith("POST /api/v2/alert: not sent: Wavefront asked to wait until ")
        .contains("(Retry-After)")
        .contains("1 attempt made, the last: HTTP 429");

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Instant windowEnd = Instant.now().plusSeconds(3);
      List<Future<List<WavefrontException>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            threads.submit(
                () -> {
                  List<WavefrontException> failures = new ArrayList<>();
                  while (Instant.now().isBefore(windowEnd)) {
                    failures.add(
                        catchThrowableOfType(() -> c.create(alert()), WavefrontException.class));
                    Thread.sleep(20);
                  }
                  return failures;
                }));
      }
      int calls = 0;
      for (Future<List<WavefrontException>> r : results) {
        for (WavefrontException e : r.get(30, TimeUnit.SECONDS)) {
          calls++;
          assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.retryAfter())
              .hasValueSatisfying(
                  d -> assertThat(d).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120)));
          assertThat(e.getMessage())
              .matches(
                  "POST /api/v2/alert: not sent: Wavefront asked to wait until"
                      + " \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\(Retry-After\\),"
                      + " longer than the client waits \\(at most 0.5s\\)");
        }
      }
      assertThat(calls).isGreaterThan(20);
    } finally {
      threads.shutdownNow();
    }
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(c.pausedFor()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
    assertThat(listener.pauses).hasSize(1);
    assertThat(listener.pauses.get(0)).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
  }

  @Test
  void anHttpDateRetryAfterPausesUntilThatInstantOnTheClientsClock() {
    TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Instant until = clock.instant().plusSeconds(120);
    wavefront
        .faults()
        .add(
            Fault.tooManyRequests()
                .retryAfter(
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atZone(ZoneOffset.UTC)))
                .on("GET", "/api/v2/alert/*")
                .once());
    WavefrontClient c = client(clock, Duration.ofSeconds(30));
    WavefrontException e = throttled(() -> c.get("1"));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.getMessage())
        .contains("Wavefront asked to wait until " + until + " (Retry-After)");
    assertThat(c.pausedFor()).isEqualTo(Duration.ofSeconds(120));

    clock.advance(Duration.ofSeconds(60));
    assertThat(throttled(() -> c.searchByTag("t")).retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(c.pausedFor()).isEqualTo(Duration.ofSeconds(60));
    assertThat(wavefront.requests().size()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(60));
    assertThat(c.pausedFor()).isZero();
    assertThat(c.get("1")).isEmpty();
    assertThat(wavefront.requests().size()).isEqualTo(2);
  }

  @Test
  void aShortRetryAfterIsWaitedForByEveryCallOfTheClientAndTheCallsSucceed() throws Exception {
    wavefront.faults().add(Fault.tooManyRequests(1).on("POST", "/api/v2/alert").once());
    WavefrontClient c = client(Clock.systemUTC(), Duration.ofSeconds(2));
    CompletableFuture<ObjectNode> create = CompletableFuture.supplyAsync(() -> c.create(alert()));
    assertThat(listener.paused.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(c.get("1")).isEmpty(); // from another thread, during the pause
    assertThat(create.get(10, TimeUnit.SECONDS).path("id").asText()).isNotEmpty();

    List<RecordedRequest> log = wavefront.requests().entries();
    assertThat(log).extracting(RecordedRequest::status).containsExactlyInAnyOrder(429, 200, 404);
    Instant throttledAt = log.get(0).timestamp();
    for (RecordedRequest later : log.subList(1, log.size())) {
      assertThat(Duration.between(throttledAt, later.timestamp()))
          .isGreaterThan(Duration.ofMillis(900));
    }
    assertThat(c.pausedFor()).isZero();
  }

  @Test
  void aShorterRetryAfterNeverShortensTheLongerPauseInForce() throws Exception {
    ActiveFault slow =
        wavefront
            .faults()
            .add(Fault.latency(Duration.ofMillis(1500)).on("GET", "/api/v2/alert/1").once());
    wavefront.faults().add(Fault.tooManyRequests(5).on("GET", "/api/v2/alert/1").once());
    wavefront.faults().add(Fault.tooManyRequests(120).on("GET", "/api/v2/alert/2").once());
    WavefrontClient c = client(Clock.systemUTC(), Duration.ofSeconds(10));
    CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> c.get("1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> slow.fired() == 1);

    throttled(() -> c.get("2"));
    assertThatThrownBy(inFlight::join)
        .satisfies(
            t ->
                assertThat(t.getCause())
                    .isInstanceOfSatisfying(
                        WavefrontException.class,
                        e ->
                            assertThat(e.retryAfter())
                                .hasValueSatisfying(
                                    d -> assertThat(d).isGreaterThan(Duration.ofSeconds(100)))));
    assertThat(c.pausedFor()).isGreaterThan(Duration.ofSeconds(100));
    assertThat(wavefront.requests().size()).isEqualTo(2);
    assertThat(listener.pauses).hasSize(1);
  }

  @Test
  void a503Or406WithRetryAfterPausesTooAndACreateAnswered503StaysUncertain() {
    wavefront
        .faults()
        .add(Fault.unavailable().retryAfterSeconds(120).on("POST", "/api/v2/alert").once());
    WavefrontClient c = client(Clock.systemUTC(), Duration.ofMillis(500));
    WavefrontException e = catchThrowableOfType(() -> c.create(alert()), WavefrontException.class);
    assertThat(e.kind()).isEqualTo(Kind.UNCERTAIN);
    assertThat(c.pausedFor()).isGreaterThan(Duration.ofSeconds(100));
    assertThat(throttled(() -> c.get("1")).status()).isEqualTo(503);
    assertThat(wavefront.requests().size()).isEqualTo(1);

    wavefront
        .faults()
        .add(Fault.notAcceptable().retryAfterSeconds(600).on("GET", "/api/v2/alert/*").once());
    WavefrontClient other = client(Clock.systemUTC(), Duration.ofMillis(500));
    assertThat(throttled(() -> other.get("1")).retryAfter())
        .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(500)));
    assertThat(other.pausedFor()).isGreaterThan(Duration.ofSeconds(500));
    assertThatThrownBy(() -> other.delete("1")).isInstanceOf(WavefrontException.class);
    assertThat(wavefront.requests().size()).isEqualTo(2);
  }

  @Test
  void a429WithoutRetryAfterBacksOffPerCallWithoutPausing() {
    wavefront.faults().add(Fault.tooManyRequests().on("GET", "/api/v2/alert/*").times(2));
    WavefrontClient c = client(Clock.systemUTC(), Duration.ofMillis(500));
    assertThat(c.get("1")).isEmpty();
    assertThat(wavefront.requests().size()).isEqualTo(3);
    assertThat(c.pausedFor()).isZero();
    assertThat(listener.pauses).isEmpty();
  }
}
