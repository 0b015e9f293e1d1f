package io.alertforge.controller.process;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.alertforge.controller.Harness;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two controller processes with {@code --leader-elect}; the leader is killed with SIGKILL, so it
 * never releases its Lease. The other must wait for the Lease to run out, take it within the lease
 * duration plus a retry period, and then be the only one that talks to Wavefront. Each replica has
 * its own token (account), so the emulator's request log says who made each call.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderFailoverProcessTest {
  static final Duration STARTUP = Duration.ofSeconds(90);
  static final String LEASE_NAMESPACE = "default";
  static final String LEASE_NAME = "alertforge-controller";
  static final Duration LEASE = Duration.ofSeconds(6);

  /**
   * The longest a follower waits between two attempts at the Lease: Main's retry period (a fifth of
   * the lease) plus fabric8's jitter of up to 1.2 times it.
   */
  static final Duration RETRY = LEASE.dividedBy(5).multipliedBy(22).dividedBy(10);

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.configure(
          b ->
              b.token("token-replica-1", "sa::replica-1", Set.of(Permission.ALERTS))
                  .token("token-replica-2", "sa::replica-2", Set.of(Permission.ALERTS)));

  @RegisterExtension final ControllerProcesses controllers = new ControllerProcesses();

  static KubernetesClient client;
  static KubernetesMockServer server;

  @BeforeEach
  void setUp() throws Exception {
    Harness.registerCrd(client);
    Harness.allowLeaseChecks(server);
  }

  @AfterEach
  void tearDown() {
    Harness.cleanUp(client);
    client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE_NAME).delete();
  }

  @Test
  void aLeaderKilledWithoutReleasingItsLeaseIsReplacedAndOnlyTheSurvivorWritesAfter()
      throws Exception {
    for (String replica : List.of("replica-1", "replica-2")) {
      controllers.start(
          replica,
          controllers
              .command(client, wavefront.baseUri(), "token-" + replica)
              .with("--leader-elect")
              .with("--leader-election-namespace", LEASE_NAMESPACE)
              .with("--lease-duration", LEASE.toSeconds() + "s")
              .env("POD_NAME", replica));
    }
    Map<String, ControllerProcess> replicas =
        controllers.started().stream()
            .collect(Collectors.toMap(ControllerProcess::name, p -> p.awaitReady(STARTUP)));
    String leaderName =
        await().atMost(STARTUP).until(() -> holder(lease()), h -> replicas.containsKey(h));
    String survivorName = leaderName.equals("replica-1") ? "replica-2" : "replica-1";
    ControllerProcess leader = replicas.get(leaderName);
    ControllerProcess survivor = replicas.get(survivorName);
    for (int i = 0; i < 3; i++) {
      create(client, alert("before-" + i));
    }
    for (int i = 0; i < 3; i++) {
      awaitCr(client, "before-" + i, Harness::ready);
    }
    assertThat(accounts(wavefront.requests().entries())).containsExactly("sa::" + leaderName);
    assertThat(survivor.metrics()).contains("\nalertforge_leader 0.0");

    Instant killedAt = Instant.now();
    assertThat(leader.kill()).isEqualTo(137);
    LeaseSpec lastRenewal = lease().getSpec();
    assertThat(lastRenewal.getHolderIdentity())
        .as("a SIGKILL releases nothing")
        .isEqualTo(leaderName);

    LeaseSpec takenOver =
        await()
            .atMost(LEASE.plus(RETRY).plusSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> lease().getSpec(), l -> survivorName.equals(l.getHolderIdentity()));
    Instant acquired = takenOver.getAcquireTime().toInstant();
    assertThat(acquired)
        .as("taken only once the dead leader's lease ran out")
        .isAfterOrEqualTo(lastRenewal.getRenewTime().toInstant().plus(LEASE));
    assertThat(Duration.between(killedAt, acquired))
        .as("taken within the lease duration plus a retry period of the kill")
        .isLessThanOrEqualTo(LEASE.plus(RETRY));
    assertThat(takenOver.getLeaseTransitions()).isEqualTo(lastRenewal.getLeaseTransitions() + 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(survivor.metrics()).contains("\nalertforge_leader 1.0"));

    create(client, alert("after-kill"));
    awaitCr(client, "after-kill", Harness::ready);
    assertThat(WavefrontAlertsByOwner.of(wavefront.store()))
        .as("one alert per CR")
        .containsOnlyKeys(
            List.of("before-0", "before-1", "before-2", "after-kill").stream()
                .map(name -> WavefrontAlertsByOwner.ownerTag(NS, name))
                .toList())
        .allSatisfy((owner, ids) -> assertThat(ids).hasSize(1));
    // by arrival: the log has a request once it is handled, so one of the leader's last ones may be
    // logged after the kill
    List<RecordedRequest> sinceKill =
        wavefront.requests().filter(r -> r.timestamp().isAfter(killedAt));
    assertThat(accounts(sinceKill)).containsExactly("sa::" + survivorName);
    assertThat(sinceKill)
        .filteredOn(RecordedRequest::isWrite)
        .extracting(r -> r.method() + " " + r.path())
        .as("after the takeover the survivor writes only the new CR's alert")
        .containsExactly("POST /api/v2/alert");
    assertThat(survivor.isAlive()).isTrue();
    for (ControllerProcess p : controllers.started()) {
      assertThat(p.stdout()).contains("alertforge-controller started");
      assertThat(p.stdout() + p.stderr())
          .as(p.name() + "'s output")
          .doesNotContain("token-replica-1")
          .doesNotContain("token-replica-2")
          .doesNotContain(ControllerProcesses.KUBE_TOKEN);
    }
  }

  private static Lease lease() {
    return client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE_NAME).get();
  }

  private static String holder(Lease lease) {
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static Set<String> accounts(List<RecordedRequest> requests) {
    return requests.stream().map(RecordedRequest::account).collect(Collectors.toSet());
  }
}
