package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.Harness;
import io.alertforge.controller.admission.AdmissionReviewer;
import io.alertforge.controller.admission.ConfigMapPolicy;
import io.alertforge.controller.admission.GitPolicy;
import io.alertforge.controller.admission.PolicySource;
import io.alertforge.controller.ops.EventRecorder;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The webhook's policy with a Git source: alertforge.yaml of the commit the Git source applied
 * (under --git-path), from a real repository made with JGit, over a stale ConfigMap.
 */
@EnableKubernetesMockClient(crud = true)
class AdmissionPolicyFromGitTest {
  static final String SYSTEM_NS = "alert-manager-system";
  static final String CONTROLLER =
      "system:serviceaccount:alert-manager-system:alertforge-controller";
  static final ObjectMapper JSON = new ObjectMapper();

  static KubernetesClient client;

  @TempDir Path tmp;
  GitOrigin origin;
  GitSourceSettings settings;
  GitSync sync;

  @BeforeEach
  void setUp() throws Exception {
    Harness.registerCrd(client);
    // the alert repository under alerts/; a permissive alertforge.yaml at the Git root is not it
    origin = GitOrigin.withSampleRepo(tmp.resolve("origin"), "alerts");
    origin.write("alertforge.yaml", "{}\n");
    origin.commit("a decoy policy outside --git-path");
    settings =
        GitSourceSettings.builder(origin.url(), "main", tmp.resolve("cache"), SYSTEM_NS)
            .path("alerts")
            .build();
    sync = newSync(settings);
  }

  /** A Git source of its own: a replica's. */
  static GitSync newSync(GitSourceSettings settings) throws Exception {
    return new GitSync(
        client,
        settings,
        new AlertCompiler(),
        new SimpleMeterRegistry(),
        new EventRecorder(client, "admission-test", Clock.systemUTC()),
        Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    sync.close();
    origin.close();
    client.genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS).inAnyNamespace().delete();
    client.configMaps().inNamespace(SYSTEM_NS).delete();
  }

  AdmissionReviewer reviewer(PolicySource untilApplied) {
    return reviewer(sync, untilApplied);
  }

  AdmissionReviewer reviewer(GitSync git, PolicySource untilApplied) {
    return new AdmissionReviewer(
        client, new AlertCompiler(), CONTROLLER, new GitPolicy(git, untilApplied));
  }

  @Test
  void aFollowerChecksWithThePolicyTheLeaderApplied() throws Exception {
    staleConfigMap("{}\n");
    // another replica: its Git source never syncs (it does not lead), its clone stays empty
    try (GitSync follower =
        newSync(
            GitSourceSettings.builder(
                    origin.url(), "main", tmp.resolve("follower-cache"), SYSTEM_NS)
                .path("alerts")
                .build())) {
      AdmissionReviewer onFollower =
          reviewer(follower, new ConfigMapPolicy(client, SYSTEM_NS, "alertforge-policy"));
      assertThat(review(onFollower, internalMetricAlert()).path("allowed").asBoolean())
          .as("nothing applied anywhere yet: the ConfigMap's policy")
          .isTrue();

      assertThat(sync.sync().state()).isEqualTo(GitSync.State.Applied);
      JsonNode checked = review(onFollower, internalMetricAlert());
      assertThat(checked.path("allowed").asBoolean()).isFalse();
      assertThat(checked.path("status").path("message").asText())
          .contains("error [policy/metric-allowlist]");
      assertThat(follower.lastAppliedCommit()).isNull();
    }
  }

  /** A hand-made alert on an internal metric, which sample-repo's policy denies. */
  ObjectNode internalMetricAlert() throws Exception {
    ObjectNode o =
        JSON.valueToTree(
            new Yaml()
                .load(
                    Files.readString(
                        origin.file(
                            "alerts/payments/standalone/settlement-batch-heartbeat.yaml"))));
    ((ObjectNode) o.path("metadata")).put("name", "by-hand").put("namespace", "payments");
    ObjectNode spec = (ObjectNode) o.path("spec");
    spec.put("alertName", "[prod] payments - by hand");
    spec.put("condition", "ts(~wavefront.internal.points) > 1");
    spec.put("displayExpression", "ts(~wavefront.internal.points)");
    return o;
  }

  static JsonNode review(AdmissionReviewer reviewer, JsonNode object) {
    ObjectNode review = JSON.createObjectNode();
    ObjectNode r = review.putObject("request");
    r.put("uid", "u")
        .put("operation", "CREATE")
        .put("namespace", object.path("metadata").path("namespace").asText())
        .put("name", object.path("metadata").path("name").asText());
    r.putObject("userInfo").put("username", "alice");
    r.set("object", object);
    return reviewer.review(review).path("response");
  }

  void staleConfigMap(String policy) {
    client
        .configMaps()
        .inNamespace(SYSTEM_NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("alertforge-policy")
                .endMetadata()
                .withData(Map.of("alertforge.yaml", policy))
                .build())
        .createOr(c -> c.update());
  }

  @Test
  void theAppliedCommitsPolicyWinsOverAStaleConfigMap() throws Exception {
    staleConfigMap("{}\n");
    AdmissionReviewer reviewer =
        reviewer(new ConfigMapPolicy(client, SYSTEM_NS, "alertforge-policy"));

    JsonNode beforeApply = review(reviewer, internalMetricAlert());
    assertThat(beforeApply.path("allowed").asBoolean())
        .as("nothing applied yet: the ConfigMap's policy")
        .isTrue();

    assertThat(sync.sync().state()).isEqualTo(GitSync.State.Applied);
    JsonNode applied = review(reviewer, internalMetricAlert());
    assertThat(applied.path("allowed").asBoolean()).isFalse();
    assertThat(applied.path("status").path("message").asText())
        .startsWith("AlertForge denies WavefrontAlert payments/by-hand: object.yaml:")
        .contains("error [policy/metric-allowlist]");

    // a commit that relaxes the policy but does not compile applies nothing: its policy neither
    origin.replace(
        "alerts/alertforge.yaml",
        "  policy/metric-allowlist:\n",
        "  policy/metric-allowlist:\n    enabled: false\n");
    origin.replace(
        "alerts/payments/standalone/settlement-batch-heartbeat.yaml",
        "severity: severe",
        "severity: apocalyptic");
    origin.commit("internal metrics allowed, and a broken alert");
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.CompileFailed);
    assertThat(review(reviewer, internalMetricAlert()).path("allowed").asBoolean()).isFalse();

    origin.replace(
        "alerts/payments/standalone/settlement-batch-heartbeat.yaml",
        "severity: apocalyptic",
        "severity: severe");
    origin.commit("the alert fixed");
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.Applied);
    JsonNode relaxed = review(reviewer, internalMetricAlert());
    assertThat(relaxed.path("allowed").asBoolean()).as(relaxed.toString()).isTrue();
  }

  @Test
  void aCommitWithoutAlertforgeYamlMeansTheCompilersDefaults() throws Exception {
    staleConfigMap(Files.readString(GitOrigin.SAMPLE.resolve("alertforge.yaml")));
    origin.write(
        "solo/payments/heartbeat.yaml",
        Files.readString(origin.file("alerts/payments/standalone/settlement-batch-heartbeat.yaml"))
            .replace(
                "  name: settlement-batch-heartbeat\n", "  name: solo\n  namespace: payments\n"));
    origin.commit("a repository without alertforge.yaml under solo/");
    sync.close();
    sync =
        newSync(
            GitSourceSettings.builder(origin.url(), "main", tmp.resolve("solo-cache"), SYSTEM_NS)
                .path("solo")
                .build());
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.Applied);

    JsonNode allowed =
        review(
            reviewer(new ConfigMapPolicy(client, SYSTEM_NS, "alertforge-policy")),
            internalMetricAlert());
    assertThat(allowed.path("allowed").asBoolean()).as(allowed.toString()).isTrue();
  }

  @Test
  void withoutAConfigMapNoCommitAppliedYetDeniesClearly() throws Exception {
    JsonNode denied = review(reviewer(GitPolicy.NOTHING_APPLIED), internalMetricAlert());
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("message").asText())
        .isEqualTo(
            "AlertForge cannot check WavefrontAlert payments/by-hand: the Git source has not"
                + " applied a commit yet, so there is no policy to check against;"
                + " retry once it has (the ConfigMap alertforge-git-status says when), or give the"
                + " controller --admission-policy-configmap for that time");
  }
}
