package io.alertforge.controller;

import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bad day at Wavefront, end to end: a long {@code Retry-After} pauses every call of the
 * controller and reschedules the CRs for its end (it used to be dropped, and the controller kept
 * calling: 8 POSTs in 6 s under {@code Retry-After: 120}); a slow answer cannot hold a reconcile
 * thread past the reconcile's deadline, so one slow alert does not delay the others.
 */
class ThrottleTest extends ControllerTestCase {

  private static boolean throttled(WavefrontAlert a) {
    return a.getStatus() != null
        && Conditions.find(a.getStatus().getConditions(), Conditions.SYNCED)
            .map(c -> "Throttled".equals(c.getReason()))
            .orElse(false);
  }

  private String metric(String name) {
    return controller
        .metrics()
        .scrape()
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .findFirst()
        .orElse(name + " absent");
  }

  /**
   * One reconcile thread, so that the CRs' calls come one after another: calls already in flight
   * when Wavefront answers 429 cannot be called back, by any client.
   */
  private void startOneThread() {
    controller =
        Harness.start(
            client,
            wavefront.emulator(),
            Harness.settingsBuilder().reconcileThreads(1).build(),
            FileTokenSource.fixed(Harness.TOKEN));
  }

  @Test
  void aLongRetryAfterPausesEveryCallAndTheCrsWaitForIt() {
    wavefront.faults().add(Fault.tooManyRequests(120).on("POST", "/api/v2/alert").once());
    startOneThread();
    for (String name : List.of("a", "b", "c")) {
      create(client, alert(name));
    }
    for (String name : List.of("a", "b", "c")) {
      WavefrontAlert cr = awaitCr(client, name, ThrottleTest::throttled);
      assertThat(cr.getStatus().getErrorDescription()).contains("Retry-After");
    }
    long sent = wavefront.requests().size();
    await().pollDelay(Duration.ofSeconds(4)).until(() -> true);

    assertThat(wavefront.requests().size()).as("nothing sent while paused").isEqualTo(sent);
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(wavefront.store().size()).isZero();
    assertThat(Double.parseDouble(metric("alertforge_wavefront_pause_seconds").split(" ")[1]))
        .isBetween(100.0, 120.0);
    assertThat(metric("alertforge_wavefront_pauses_total"))
        .isEqualTo("alertforge_wavefront_pauses_total 1.0");
  }

  @Test
  void theCrsSyncOnceThePauseEnds() {
    wavefront.faults().add(Fault.tooManyRequests(3).on("POST", "/api/v2/alert").once());
    startOneThread();
    for (String name : List.of("a", "b", "c")) {
      create(client, alert(name));
    }
    for (String name : List.of("a", "b", "c")) {
      awaitCr(client, name, Harness::ready);
    }

    assertThat(wavefront.store().size()).isEqualTo(3);
    RecordedRequest refused = wavefront.requests().filter(r -> r.status() == 429).get(0);
    Instant resume = refused.timestamp().plusSeconds(3);
    assertThat(wavefront.requests().entries())
        .filteredOn(r -> r.seq() > refused.seq())
        .as("no call before the pause ends")
        .allMatch(r -> !r.timestamp().isBefore(resume));
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(4);
  }

  @Test
  void aSlowAnswerCannotHoldAReconcileThreadPastTheDeadline() {
    // one reconcile thread, a 60 s request timeout as in production, a 1 s reconcile deadline
    WavefrontClient.Options options =
        Harness.options(wavefront.baseUri())
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(60))
            .build();
    controller =
        new AlertController(
                client,
                options,
                FileTokenSource.fixed(Harness.TOKEN),
                Harness.settingsBuilder()
                    .reconcileThreads(1)
                    .reconcileTimeout(Duration.ofSeconds(1))
                    .build())
            .start();
    create(client, alert("slow"));
    String slowId = Harness.alertId(awaitCr(client, "slow", Harness::ready));
    // Wavefront loses the slow alert and then answers its GET only after 30 s
    wavefront.store().purge(slowId);
    wavefront
        .faults()
        .add(Fault.latency(Duration.ofSeconds(30)).on("GET", "/api/v2/alert/" + slowId));
    controller.resyncNow(); // the slow CR reconciles: its status id is no longer listed

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Harness.get(client, "slow").getStatus().getErrorDescription().contains("deadline"));
    create(client, alert("fast"));
    awaitCr(client, "fast", Harness::ready); // within awaitCr's 20 s, not after the 30 s answer
    assertThat(Harness.get(client, "slow").getStatus().getErrorDescription())
        .contains("deadline of 1s");
  }
}
