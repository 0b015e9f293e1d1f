package io.alertforge.controller.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.Harness;
import io.alertforge.controller.gitops.GitApplier;
import io.alertforge.testsupport.ShowsOutput;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of one admission review in a namespace that already holds N WavefrontAlerts (the figure
 * in docs/controller.md), not part of the default build:
 *
 * <pre>
 * mvn -B -pl alert-controller -am verify -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dtest=AdmissionBenchmark -Dalertforge.benchmark.admission.alerts=1000
 * </pre>
 *
 * Creates N alerts in namespace payments on the CRUD mock, then reviews the CREATE of one more
 * (sample-repo's policy from the ConfigMap) 20 times to warm up and 50 times measured, and prints
 * the median and the slowest review, and the median of the namespace's list alone.
 */
@EnableKubernetesMockClient(crud = true)
@EnabledIfSystemProperty(named = "alertforge.benchmark.admission.alerts", matches = "\\d+")
@ShowsOutput // its BENCHMARK line is its result
class AdmissionBenchmark {
  static KubernetesClient client;

  @Test
  void reviewInAFullNamespace() throws Exception {
    int n = Integer.getInteger("alertforge.benchmark.admission.alerts");
    Harness.registerCrd(client);
    client
        .configMaps()
        .inNamespace("alert-manager-system")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("alertforge-policy")
                .endMetadata()
                .withData(
                    Map.of(
                        "alertforge.yaml",
                        Files.readString(AdmissionTest.SAMPLE.resolve("alertforge.yaml"))))
                .build())
        .create();
    for (int i = 0; i < n; i++) {
      ObjectNode alert = heartbeat("existing-" + i);
      client
          .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
          .inNamespace("payments")
          .resource(AdmissionTest.JSON.convertValue(alert, GenericKubernetesResource.class))
          .create();
    }
    AdmissionReviewer reviewer =
        new AdmissionReviewer(
            client,
            new AlertCompiler(),
            AdmissionTest.CONTROLLER,
            new ConfigMapPolicy(client, "alert-manager-system", "alertforge-policy"));
    JsonNode request = AdmissionTest.request("CREATE", "alice", heartbeat("the-new-one"), null);

    List<Long> reviews = new ArrayList<>();
    List<Long> lists = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      long start = System.nanoTime();
      JsonNode answer = reviewer.review(request).path("response");
      long reviewed = System.nanoTime();
      client.genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS).inNamespace("payments").list();
      long listed = System.nanoTime();
      assertThat(answer.path("allowed").asBoolean()).as(answer.toString()).isTrue();
      if (i >= 20) {
        reviews.add((reviewed - start) / 1_000_000);
        lists.add((listed - reviewed) / 1_000_000);
      }
    }
    Collections.sort(reviews);
    Collections.sort(lists);
    System.out.printf(
        "admission review with %d alerts in the namespace: median %d ms, slowest %d ms;"
            + " the namespace's list alone: median %d ms%n",
        n,
        reviews.get(reviews.size() / 2),
        reviews.get(reviews.size() - 1),
        lists.get(lists.size() / 2));
  }

  /** The sample heartbeat under another name and alertName, valid under sample-repo's policy. */
  static ObjectNode heartbeat(String name) throws Exception {
    ObjectNode alert = AdmissionTest.load("payments/standalone/settlement-batch-heartbeat.yaml");
    ((ObjectNode) alert.path("metadata")).put("name", name);
    ((ObjectNode) alert.path("spec")).put("alertName", "[prod] payments - " + name);
    return alert;
  }
}
