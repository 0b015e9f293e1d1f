package io.alertforge.controller;

import static org.awaitility.Awaitility.await;

import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.testsupport.ShowsOutput;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The convergence benchmark of docs/benchmarks.md, not part of the default build:
 *
 * <pre>
 * mvn -B -o -pl alert-controller -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dtest=ConvergenceBenchmark -Dalertforge.benchmark.alerts=10000 -Dalertforge.benchmark.rate=500
 * </pre>
 *
 * Creates N CRs on the CRUD mock, times until every one is Ready against the in-process emulator at
 * the given Wavefront rate limit, then runs one resync and reports its calls, and the heap the
 * controller holds (heap after GC with it running, minus heap after GC once it is closed).
 */
@EnableKubernetesMockClient(crud = true)
@EnabledIfSystemProperty(named = "alertforge.benchmark.alerts", matches = "\\d+")
@ShowsOutput // its BENCHMARK line is its result
class ConvergenceBenchmark {
  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void converge() throws Exception {
    int n = Integer.getInteger("alertforge.benchmark.alerts");
    double rate = Double.parseDouble(System.getProperty("alertforge.benchmark.rate", "500"));
    Harness.registerCrd(client);
    WavefrontClient.Options options =
        Harness.options(wavefront.baseUri()).rateLimit(rate, 4).build();
    AlertController controller =
        new AlertController(
            client, options, FileTokenSource.fixed(Harness.TOKEN), Harness.settings());
    for (int i = 0; i < n; i++) {
      Harness.create(client, Harness.alert("alert-" + i));
    }
    Instant start = Instant.now();
    controller.start();
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Harness.alerts(client).inAnyNamespace().list().getItems().stream()
                        .filter(Harness::ready)
                        .count()
                    == n);
    Duration took = Duration.between(start, Instant.now());
    int requests = wavefront.requests().size();
    long mark = wavefront.requests().mark();
    int queued = controller.resyncNow();
    var resync = wavefront.requests().since(mark);
    long withController = usedHeapAfterGc();
    controller.close();
    long without = usedHeapAfterGc();
    System.out.printf(
        "BENCHMARK alerts=%d rate=%.0f/s converged_in=%.1fs wavefront_requests=%d"
            + " emulator_alerts=%d resync_requests=%d resync_writes=%d resync_queued=%d"
            + " heap_used_with_controller=%dMiB controller_heap=%dMiB%n",
        n,
        rate,
        took.toMillis() / 1000.0,
        requests,
        wavefront.store().size(),
        resync.size(),
        resync.stream().filter(r -> r.isWrite()).count(),
        queued,
        withController >> 20,
        (withController - without) >> 20);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
