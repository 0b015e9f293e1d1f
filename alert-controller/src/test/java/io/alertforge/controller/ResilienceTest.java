package io.alertforge.controller;

import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static io.alertforge.controller.Harness.eventReasons;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.ops.OpsServer;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Throttling, tokens, leader election and the ops endpoints, end to end. */
@EnableKubernetesMockClient(crud = true)
class ResilienceTest {
  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.configure(
          b ->
              b.token(Harness.TOKEN)
                  .token("token-1", "sa::replica-1", Set.of(Permission.ALERTS))
                  .token("token-2", "sa::replica-2", Set.of(Permission.ALERTS)));

  static KubernetesClient client;
  static KubernetesMockServer server;
  final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Harness.registerCrd(client);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    Harness.cleanUp(client);
  }

  private AlertController start(AlertController c) {
    closing.add(c);
    return c;
  }

  @Test
  void aStormOf429sWithAndWithoutRetryAfterEndsInOneAlertEach() {
    wavefront.faults().add(Fault.tooManyRequests(0).on("POST", "/api/v2/alert").times(6));
    wavefront.faults().add(Fault.tooManyRequests().on("POST", "/api/v2/alert").times(6));
    start(Harness.start(client, wavefront.emulator()));
    for (int i = 0; i < 3; i++) {
      create(client, alert("a" + i));
    }
    for (int i = 0; i < 3; i++) {
      awaitCr(client, "a" + i, Harness::ready);
    }
    assertThat(wavefront.store().size()).isEqualTo(3);
    assertThat(wavefront.requests().count(r -> r.status() == 429)).isEqualTo(12);
    assertThat(
            wavefront
                .requests()
                .count(
                    r ->
                        r.method().equals("POST")
                            && r.status() == 200
                            && r.path().equals("/api/v2/alert")))
        .isEqualTo(3);
  }

  @Test
  void aBadTokenGivesAClearStatusAndEventAndNoRetryStorm(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "revoked-token");
    start(
        Harness.start(client, wavefront.emulator(), Harness.settings(), new FileTokenSource(file)));
    for (int i = 0; i < 5; i++) {
      create(client, alert("a" + i));
    }
    for (int i = 0; i < 5; i++) {
      WavefrontAlert cr =
          awaitCr(
              client,
              "a" + i,
              a -> a.getStatus() != null && "Error".equals(a.getStatus().getState()));
      var synced = Conditions.find(cr.getStatus().getConditions(), Conditions.SYNCED).get();
      assertThat(synced.getReason()).isEqualTo("Unauthorized");
      assertThat(cr.getStatus().getErrorDescription())
          .contains("401")
          .doesNotContain("revoked-token");
      assertThat(eventReasons(client, "a" + i)).containsExactly("Unauthorized");
    }
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    assertThat(wavefront.requests().size())
        .isEqualTo(1); // one 401, then nothing until the token changes

    // the Secret is rotated to a good token: the next sync uses it, no restart
    Files.writeString(file, Harness.TOKEN);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
    create(client, alert("after-rotation"));
    awaitCr(client, "after-rotation", Harness::ready);
    assertThat(wavefront.store().size()).isEqualTo(1);
  }

  @Test
  void aTokenRotatedWhileRunningIsUsedWithoutARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "token-1");
    start(
        Harness.start(client, wavefront.emulator(), Harness.settings(), new FileTokenSource(file)));
    WavefrontAlert cr = create(client, alert("cpu"));
    cr = awaitCr(client, "cpu", Harness::ready);

    Files.writeString(file, "token-2");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
    wavefront.tokens().revoke("token-1");
    Harness.editSpec(client, "cpu", spec -> spec.setMinutes(9));
    awaitCr(client, "cpu", a -> Harness.ready(a) && a.getStatus().getObservedGeneration() == 2);

    RecordedRequest put = wavefront.requests().entries("PUT", "/api/v2/alert/*").get(0);
    assertThat(put.account()).isEqualTo("sa::replica-2");
    assertThat(wavefront.requests().count(r -> r.status() == 401)).isZero();
  }

  @Test
  void twoReplicasWithLeaderElectionWriteFromOneOnly() throws Exception {
    Harness.allowLeaseChecks(server);
    AlertController one =
        start(
            Harness.start(
                client,
                wavefront.emulator(),
                Harness.settings(DriftMode.CORRECT, "replica-1"),
                FileTokenSource.fixed("token-1")));
    AlertController two =
        start(
            Harness.start(
                client,
                wavefront.emulator(),
                Harness.settings(DriftMode.CORRECT, "replica-2"),
                FileTokenSource.fixed("token-2")));
    await().atMost(Duration.ofSeconds(10)).until(() -> one.isLeader() || two.isLeader());
    for (int i = 0; i < 10; i++) {
      create(client, alert("a" + i));
    }
    for (int i = 0; i < 10; i++) {
      awaitCr(client, "a" + i, Harness::ready);
    }
    assertThat(one.isLeader() ^ two.isLeader()).isTrue();
    assertThat(wavefront.store().size()).isEqualTo(10);
    Set<String> writers =
        wavefront.requests().entries().stream()
            .map(RecordedRequest::account)
            .collect(Collectors.toSet());
    assertThat(writers).containsExactly(one.isLeader() ? "sa::replica-1" : "sa::replica-2");
    assertThat(
            client
                .leases()
                .inNamespace("default")
                .withName("alertforge-controller")
                .get()
                .getSpec()
                .getHolderIdentity())
        .isEqualTo(one.isLeader() ? "replica-1" : "replica-2");
  }

  @Test
  void metricsHealthAndReadinessAreServed() throws Exception {
    AlertController c = start(Harness.start(client, wavefront.emulator()));
    create(client, alert("cpu"));
    awaitCr(client, "cpu", Harness::ready);
    OpsServer ops =
        new OpsServer(
            new InetSocketAddress("127.0.0.1", 0), c.metrics()::scrape, () -> true, c::isReady);
    closing.add(ops);
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + ops.port();
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains("alertforge_syncs_total{result=\"created\"} 1.0")
        .contains("alertforge_wavefront_calls_total{operation=\"create\",outcome=\"200\"} 1.0")
        .contains("alertforge_queue_depth")
        .contains("alertforge_wavefront_token_age_seconds")
        .contains("alertforge_managed_alerts")
        .contains("jvm_memory_used_bytes");
    for (String probe : List.of("/healthz", "/readyz")) {
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create(base + probe)).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
