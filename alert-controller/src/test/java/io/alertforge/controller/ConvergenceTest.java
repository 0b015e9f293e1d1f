package io.alertforge.controller;

import static io.alertforge.controller.Harness.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 1,000 alerts converge with about 10% of Wavefront requests failing (429 before, 503 before, and a
 * dropped answer after a create was done), and nothing is lost or duplicated. Then a resync of the
 * 1,000 unchanged alerts makes no write and at most 1000/1000 + 1 search calls. Bounded: 120 s.
 */
@EnableKubernetesMockClient(crud = true)
class ConvergenceTest {
  static final int N = 1_000;

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.configure(
          b ->
              b.token(Harness.TOKEN)
                  .fault(Fault.tooManyRequests().path("/api/**").probability(0.04, 1))
                  .fault(Fault.unavailable().path("/api/**").probability(0.04, 2))
                  .fault(
                      Fault.drop()
                          .on("POST", "/api/v2/alert")
                          .afterProcessing()
                          .probability(0.02, 3)));

  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void thousandAlertsConvergeUnderFaultsWithNothingLostOrDuplicated() throws Exception {
    Harness.registerCrd(client);
    try (AlertController controller = Harness.start(client, wavefront.emulator())) {
      for (int i = 0; i < N; i++) {
        Harness.create(client, alert("alert-" + i));
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  Harness.alerts(client).inAnyNamespace().list().getItems().stream()
                          .filter(Harness::ready)
                          .count()
                      == N);

      RequestLog log = wavefront.requests();
      assertThat(log.countFaulted()).as("faults were injected").isGreaterThan(50);
      assertThat(wavefront.store().size()).isEqualTo(N);
      Map<String, Long> byOwner =
          wavefront.store().alerts().stream()
              .flatMap(a -> wavefront.store().tags(a.path("id").asText()).stream())
              .filter(t -> t.startsWith("alertforge-owner:"))
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(byOwner).hasSize(N).allSatisfy((tag, count) -> assertThat(count).isEqualTo(1));
      List<WavefrontAlert> crs = Harness.alerts(client).inAnyNamespace().list().getItems();
      assertThat(crs.stream().map(Harness::alertId).distinct().count()).isEqualTo(N);
      // about N creates: a create is sent again only after a 429 or 503 (not done) or a lost
      // answer (done, then found by its tag and adopted, so never a second alert)
      assertThat(log.count("POST", "/api/v2/alert")).isBetween(N, N + N / 5);

      wavefront.faults().clearFaults();
      long mark = log.mark();
      assertThat(controller.resyncNow()).isZero();
      var resync = log.since(mark);
      assertThat(resync.stream().filter(r -> r.isWrite()).count()).isZero();
      assertThat(resync.stream().filter(r -> r.path().equals("/api/v2/search/alert")).count())
          .isLessThanOrEqualTo(N / 1000 + 1);
      assertThat(resync).hasSizeLessThanOrEqualTo(N / 1000 + 1);
    }
  }
}
