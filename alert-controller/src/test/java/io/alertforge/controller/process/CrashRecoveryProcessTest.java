package io.alertforge.controller.process;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static io.alertforge.controller.Harness.eventReasons;
import static io.alertforge.controller.Harness.get;
import static io.alertforge.controller.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.Harness;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.wavefront.emulator.fault.ActiveFault;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGKILL of the controller process between a Wavefront create and the status write that records
 * its id, then a new process: it must find the alert by its ownership tag and adopt it, never
 * create a second one. Two places of that window: the status write in flight (the mock server holds
 * it), and the create itself in flight (the emulator holds it and handles it after the kill).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class CrashRecoveryProcessTest {
  static final String TOKEN = "wavefront-token-of-the-crash-test";
  static final Duration STARTUP = Duration.ofSeconds(90);
  static final String STATUS_PATH =
      "/apis/alertmanager.keikoproj.io/v1alpha1/namespaces/" + NS + "/wavefrontalerts/cpu/status";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  @RegisterExtension final ControllerProcesses controllers = new ControllerProcesses();

  static KubernetesClient client;
  static KubernetesMockServer server;

  @BeforeEach
  void setUp() throws Exception {
    Harness.registerCrd(client);
  }

  @AfterEach
  void tearDown() {
    Harness.cleanUp(client);
  }

  @Test
  void aKillWhileTheStatusWriteIsInFlightLeavesOneAlertThatTheNextProcessAdopts() throws Exception {
    // the mock answers the first status write of the CR only after a minute: it never lands
    CompletableFuture<String> heldStatus = new CompletableFuture<>();
    server
        .expect()
        .patch()
        .delay(60, TimeUnit.SECONDS)
        .withPath(STATUS_PATH)
        .andReply(
            200,
            request -> {
              heldStatus.complete(request.getUtf8Body());
              return "{}";
            })
        .once();
    ControllerCommand command = controllers.command(client, wavefront.baseUri(), TOKEN);
    ControllerProcess first = controllers.start("first", command).awaitReady(STARTUP);
    create(client, alert("cpu"));

    String heldWrite = heldStatus.get(60, TimeUnit.SECONDS);
    List<ObjectNode> created = wavefront.store().alerts();
    assertThat(created).hasSize(1);
    String id = created.get(0).path("id").asText();
    assertThat(heldWrite).as("the status write in flight names the new alert").contains(id);
    assertThat(statusId(get(client, "cpu"))).isNull();
    assertThat(first.kill()).isEqualTo(137);

    assertThat(statusId(get(client, "cpu"))).as("nothing of the held write was stored").isNull();
    restartAndExpectAdoption(command, id);
    assertThat(eventReasons(client, "cpu")).containsExactly("Created", "Adopted");
  }

  @Test
  void aKillWhileTheCreateIsInFlightLeavesOneAlertThatTheNextProcessAdopts() throws Exception {
    // the emulator holds the create before handling it: the kill lands while the controller
    // waits for the answer, and the alert is created after the controller is gone
    Duration hold = Duration.ofSeconds(4);
    ActiveFault held =
        wavefront.faults().add(Fault.latency(hold).on("POST", "/api/v2/alert").once());
    ControllerCommand command = controllers.command(client, wavefront.baseUri(), TOKEN);
    ControllerProcess first = controllers.start("first", command).awaitReady(STARTUP);
    create(client, alert("cpu"));

    await().atMost(Duration.ofSeconds(60)).until(() -> held.fired() == 1);
    Instant killedAt = Instant.now();
    assertThat(first.kill()).isEqualTo(137);

    // the request log has a request once it is handled (the store has the alert by then)
    await()
        .atMost(hold.plusSeconds(10))
        .until(() -> wavefront.requests().count("POST", "/api/v2/alert") == 1);
    RecordedRequest post = wavefront.requests().entries("POST", "/api/v2/alert").get(0);
    assertThat(post.status()).isEqualTo(200);
    assertThat(post.faults()).containsExactly("latency=4000ms");
    assertThat(killedAt)
        .as("killed while the create was held")
        .isBefore(post.timestamp().plus(hold));
    List<ObjectNode> created = wavefront.store().alerts();
    assertThat(created).hasSize(1);
    String id = created.get(0).path("id").asText();
    assertThat(statusId(get(client, "cpu"))).isNull();
    restartAndExpectAdoption(command, id);
    assertThat(eventReasons(client, "cpu"))
        .as("the first never heard back")
        .containsExactly("Adopted");
  }

  /**
   * Starts a second process on what the first left (alert {@code id} in Wavefront, no id in the
   * CR's status) and checks that it adopts that alert: one alert, named by a Ready status, one POST
   * in all (the first process's); then that a SIGTERM stops it cleanly, and that no token is in any
   * output.
   */
  private void restartAndExpectAdoption(ControllerCommand command, String id) throws Exception {
    long restart = wavefront.requests().mark();
    ControllerProcess second = controllers.start("second", command).awaitReady(STARTUP);

    WavefrontAlert cr = awaitCr(client, "cpu", a -> ready(a) && statusId(a) != null);
    assertThat(alertId(cr)).isEqualTo(id);
    assertThat(cr.getStatus().getState()).isEqualTo("Ready");
    assertThat(WavefrontAlertsByOwner.of(wavefront.store()))
        .containsExactly(Map.entry(WavefrontAlertsByOwner.ownerTag(NS, "cpu"), List.of(id)));
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(wavefront.requests().since(restart))
        .extracting(r -> r.method() + " " + r.path())
        .doesNotContain("POST /api/v2/alert");
    assertThat(second.stop()).as("SIGTERM: the shutdown hook ran").isEqualTo(143);
    assertThat(second.stdout()).doesNotContain(" ERROR ").doesNotContain("while stopping");
    assertThat(second.stderr()).isEmpty();
    for (ControllerProcess p : controllers.started()) {
      assertThat(p.stdout()).contains("alertforge-controller started");
      assertThat(p.stdout() + p.stderr())
          .as(p.name() + "'s output")
          .doesNotContain(TOKEN)
          .doesNotContain(ControllerProcesses.KUBE_TOKEN);
    }
  }

  private static String statusId(WavefrontAlert cr) {
    if (cr.getStatus() == null || cr.getStatus().getAlertsStatus().isEmpty()) {
      return null;
    }
    return alertId(cr);
  }
}
