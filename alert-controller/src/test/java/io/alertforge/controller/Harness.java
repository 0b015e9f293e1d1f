package io.alertforge.controller;

import static org.awaitility.Awaitility.await;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.model.WavefrontAlertSpec;
import io.alertforge.wavefront.emulator.WavefrontEmulator;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Builds controllers on the fabric8 CRUD mock and the Wavefront emulator, and small CRs. */
public final class Harness {
  public static final String NS = "team-a";
  public static final String TOKEN = "controller-token";

  private Harness() {}

  /** Registers the CRD from the schemas module, so status behaves like a real apiserver's. */
  public static void registerCrd(KubernetesClient client) throws Exception {
    try (InputStream in =
        Harness.class.getResourceAsStream(
            "/io/alertforge/schemas/crds/alertmanager.keikoproj.io_wavefrontalerts.yaml")) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(crd)
          .createOr(r -> r.update());
    }
  }

  /** JOSDK checks its Lease permissions with a SelfSubjectRulesReview, which the mock lacks. */
  public static void allowLeaseChecks(
      io.fabric8.kubernetes.client.server.mock.KubernetesMockServer server) {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder()
                .withNewMetadata()
                .endMetadata()
                .withNewStatus()
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("create", "update", "get")
                .endResourceRule()
                .withIncomplete(false)
                .endStatus()
                .build())
        .always();
  }

  public static WavefrontClient.Builder options(URI base) {
    return WavefrontClient.Options.builder(base)
        .allowInsecure(true)
        .retries(4, Duration.ofMillis(20), Duration.ofMillis(500))
        .rateLimit(2000, 8)
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  public static AlertController.Settings settings() {
    return settingsBuilder().build();
  }

  /**
   * Test settings: resync only when a test calls {@code resyncNow()}, fast JOSDK retries, and a
   * lost Lease never exits the test JVM.
   */
  public static AlertController.Settings.Builder settingsBuilder() {
    return AlertController.Settings.builder("test-cluster")
        .resyncPeriod(Duration.ofHours(1))
        .retry(Duration.ofMillis(100), Duration.ofSeconds(1))
        .identity("test")
        .exitOnStopLeading(false);
  }

  /** With an {@code identity}, leader election on a 2 s Lease in namespace {@code default}. */
  public static AlertController.Settings settings(DriftMode drift, String identity) {
    AlertController.Settings.Builder b = settingsBuilder().driftMode(drift);
    if (identity != null) {
      b.identity(identity)
          .leaderElection("alertforge-controller", "default", Duration.ofSeconds(2));
    }
    return b.build();
  }

  public static AlertController start(KubernetesClient client, WavefrontEmulator wf) {
    return start(client, wf, settings(), FileTokenSource.fixed(TOKEN));
  }

  public static AlertController start(
      KubernetesClient client,
      WavefrontEmulator wf,
      AlertController.Settings settings,
      TokenSource tokens) {
    return new AlertController(client, options(wf.baseUri()).build(), tokens, settings).start();
  }

  public static MixedOperation<
          WavefrontAlert, KubernetesResourceList<WavefrontAlert>, Resource<WavefrontAlert>>
      alerts(KubernetesClient client) {
    return client.resources(WavefrontAlert.class);
  }

  public static WavefrontAlert alert(String name) {
    WavefrontAlertSpec spec = new WavefrontAlertSpec();
    spec.setAlertType("CLASSIC");
    spec.setAlertName("cpu high " + name);
    spec.setCondition("ts(cpu.load, env=\"prod\") > 4");
    spec.setDisplayExpression("ts(cpu.load, env=\"prod\")");
    spec.setSeverity("warn");
    spec.setMinutes(5);
    spec.setResolveAfterMinutes(5);
    spec.setTarget("oncall@example.com");
    spec.setTags(List.of("team-a", "cpu"));
    WavefrontAlert a = new WavefrontAlert();
    a.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(NS)
            .withAnnotations(
                Map.of(
                    "alertforge.io/source",
                    "alerts/" + name + ".yaml",
                    "alertforge.io/spec-hash",
                    "abc123"))
            .build());
    a.setSpec(spec);
    return a;
  }

  public static WavefrontAlert create(KubernetesClient client, WavefrontAlert a) {
    return alerts(client).inNamespace(NS).resource(a).create();
  }

  public static WavefrontAlert get(KubernetesClient client, String name) {
    return alerts(client).inNamespace(NS).withName(name).get();
  }

  /**
   * Changes the spec of CR {@code name} with a patch, so a status write the controller makes at the
   * same moment cannot fail the test with a conflict.
   */
  public static WavefrontAlert editSpec(
      KubernetesClient client, String name, Consumer<WavefrontAlertSpec> change) {
    return alerts(client)
        .inNamespace(NS)
        .withName(name)
        .edit(
            a -> {
              change.accept(a.getSpec());
              return a;
            });
  }

  /** Removes every CR (finalizers first) and every event: a clean namespace for the next test. */
  public static void cleanUp(KubernetesClient client) {
    alerts(client).inAnyNamespace().list().getItems().stream()
        .forEach(
            a -> {
              // a merge patch carries no resourceVersion: a late status write cannot make it fail
              Resource<WavefrontAlert> cr =
                  alerts(client)
                      .inNamespace(a.getMetadata().getNamespace())
                      .withName(a.getMetadata().getName());
              cr.patch(
                  PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
              cr.delete();
            });
    client.v1().events().inNamespace(NS).delete();
  }

  /** Waits (up to 20 s) until the CR satisfies {@code p}, and returns it. */
  public static WavefrontAlert awaitCr(
      KubernetesClient client, String name, Predicate<WavefrontAlert> p) {
    WavefrontAlert[] last = new WavefrontAlert[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              last[0] = get(client, name);
              return last[0] != null && p.test(last[0]);
            });
    return last[0];
  }

  public static boolean ready(WavefrontAlert a) {
    return a.getStatus() != null
        && "Ready".equals(a.getStatus().getState())
        && a.getMetadata().getGeneration().equals(a.getStatus().getObservedGeneration());
  }

  public static String alertId(WavefrontAlert a) {
    return a.getStatus().getAlertsStatus().values().iterator().next().getId();
  }

  /** The reasons of the events recorded on CR {@code name}, oldest first. */
  public static List<String> eventReasons(KubernetesClient client, String name) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .sorted(java.util.Comparator.comparing(e -> e.getMetadata().getName()))
        .map(io.fabric8.kubernetes.api.model.Event::getReason)
        .toList();
  }
}
