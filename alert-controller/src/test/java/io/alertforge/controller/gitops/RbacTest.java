package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.AlertController;
import io.alertforge.controller.Harness;
import io.alertforge.controller.admission.AdmissionReviewer;
import io.alertforge.controller.admission.ConfigMapPolicy;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The RBAC of {@code deploy/base/rbac.yaml} against the calls the controller really makes: runs the
 * Wavefront sync (leader election in its namespace, create, status, finalizer, events, delete), the
 * Git source (apply, prune, status ConfigMap, events) and the admission webhook on the mock,
 * records every request the mock received, and checks that each one is allowed by the ClusterRole,
 * or by the Role in the controller's namespace, as the API server's RBAC would decide it.
 */
@EnableKubernetesMockClient(crud = true)
class RbacTest {
  static final String SYSTEM_NS = "alert-manager-system";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  static KubernetesClient client;
  static KubernetesMockServer server;
  @TempDir Path tmp;

  /** One API call: who does what to which object. */
  record Call(String verb, String group, String resource, String namespace, String name) {}

  @Test
  void everyCallTheControllerMakesIsAllowedByTheShippedRoles() throws Exception {
    Harness.registerCrd(client);
    Harness.allowLeaseChecks(server);
    client
        .configMaps()
        .inNamespace(SYSTEM_NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("alertforge-policy")
                .endMetadata()
                .withData(Map.of("alertforge.yaml", "{}\n"))
                .build())
        .create();
    GitOrigin origin = GitOrigin.withSampleRepo(tmp.resolve("origin"), "");
    while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // the test's own set-up calls are not the controller's
    }

    AlertController.Settings settings =
        Harness.settingsBuilder()
            .identity("replica-1")
            .leaderElection("alertforge-controller", SYSTEM_NS, Duration.ofSeconds(2))
            .build();
    List<RecordedRequest> requests = new ArrayList<>();
    try (AlertController controller =
            Harness.start(
                client, wavefront.emulator(), settings, FileTokenSource.fixed(Harness.TOKEN));
        GitSync sync =
            new GitSync(
                client,
                GitSourceSettings.of(origin.url(), "main", "", tmp.resolve("cache"), SYSTEM_NS),
                new AlertCompiler(),
                new SimpleMeterRegistry(),
                Clock.systemUTC())) {
      int alerts = sync.sync().created();
      await().atMost(Duration.ofSeconds(60)).until(() -> wavefront.store().size() == alerts);
      origin.replace(
          "payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
      origin.commit("ledger disk at 70%");
      assertThat(sync.sync().updated()).isEqualTo(1);
      Files.delete(origin.file("payments/apps/payments-ledger.yaml"));
      origin.commit("retire the ledger");
      int pruned = sync.sync().pruned();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> wavefront.store().size() == alerts - pruned);

      ObjectMapper json = new ObjectMapper();
      ObjectNode config =
          json.valueToTree(
              new Yaml().load(Files.readString(origin.file("payments/apps/payments-api.yaml"))));
      ObjectNode review = json.createObjectNode();
      review
          .putObject("request")
          .put("uid", "1")
          .put("operation", "CREATE")
          .put("namespace", "payments")
          .put("name", "payments-api")
          .set("object", config);
      new AdmissionReviewer(
              client,
              new AlertCompiler(),
              "system:serviceaccount:x:y",
              new ConfigMapPolicy(client, SYSTEM_NS, "alertforge-policy"))
          .review(review);
      RecordedRequest r;
      while ((r = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
        requests.add(r);
      }
    } finally {
      origin.close();
      Harness.cleanUp(client);
    }

    List<PolicyRule> clusterRules = new ArrayList<>();
    List<PolicyRule> namespaceRules = new ArrayList<>();
    KubernetesSerialization serialization = new KubernetesSerialization();
    for (Object doc : new Yaml().loadAll(Files.readString(Path.of("deploy/base/rbac.yaml")))) {
      Map<?, ?> m = (Map<?, ?>) doc;
      if (m.get("rules") == null) {
        continue;
      }
      List<PolicyRule> rules =
          ((List<?>) m.get("rules"))
              .stream().map(x -> serialization.convertValue(x, PolicyRule.class)).toList();
      (m.get("kind").equals("ClusterRole") ? clusterRules : namespaceRules).addAll(rules);
    }

    Set<String> used = new TreeSet<>();
    Set<String> denied = new TreeSet<>();
    for (RecordedRequest request : requests) {
      Call call = parse(request.getMethod(), request.getPath());
      if (call == null) {
        continue; // discovery: every authenticated user may
      }
      used.add(call.verb() + " " + call.group() + "/" + call.resource());
      boolean ok =
          clusterRules.stream().anyMatch(rule -> allows(rule, call))
              || (SYSTEM_NS.equals(call.namespace())
                  && namespaceRules.stream().anyMatch(rule -> allows(rule, call)));
      if (!ok) {
        denied.add(call.toString());
      }
    }
    assertThat(denied).as("calls the shipped RBAC would deny").isEmpty();
    // and no verb granted that no call uses, but for the paths this scenario cannot take
    Set<String> notExercised =
        Set.of(
            "get /secrets", // only with --keikoproj-configmap
            "update alertmanager.keikoproj.io/wavefrontalerts/finalizers", // admission, not a call
            "get alertmanager.keikoproj.io/wavefrontalerts/status", // JOSDK re-reads on a conflict
            "get alertmanager.keikoproj.io/wavefrontalerts", // likewise
            "update coordination.k8s.io/leases"); // fabric8's LeaseLock, taking over a lease
    Set<String> granted = new TreeSet<>();
    for (PolicyRule rule : concat(clusterRules, namespaceRules)) {
      for (String g : rule.getApiGroups()) {
        for (String res : rule.getResources()) {
          for (String v : rule.getVerbs()) {
            granted.add(v + " " + g + "/" + res);
          }
        }
      }
    }
    granted.removeAll(used);
    granted.removeAll(notExercised);
    assertThat(granted).as("granted but never used").isEmpty();
    assertThat(used)
        .as("the calls exercised")
        .contains(
            "create alertmanager.keikoproj.io/wavefrontalerts",
            "delete alertmanager.keikoproj.io/wavefrontalerts",
            "watch alertmanager.keikoproj.io/wavefrontalerts",
            "patch alertmanager.keikoproj.io/wavefrontalerts/status",
            "create /events",
            "create /configmaps",
            "get /configmaps",
            "create coordination.k8s.io/leases");
  }

  static List<PolicyRule> concat(List<PolicyRule> a, List<PolicyRule> b) {
    List<PolicyRule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static boolean allows(PolicyRule rule, Call call) {
    return (rule.getApiGroups().contains(call.group()) || rule.getApiGroups().contains("*"))
        && rule.getResources().contains(call.resource())
        && rule.getVerbs().contains(call.verb())
        && (rule.getResourceNames() == null
            || rule.getResourceNames().isEmpty()
            || (call.name() != null && rule.getResourceNames().contains(call.name())));
  }

  /** The RBAC view of a request path, or null for discovery. */
  static Call parse(String method, String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    String[] p = uri.getPath().replaceAll("^/+", "").split("/");
    boolean watch = uri.getQuery() != null && uri.getQuery().contains("watch=true");
    int i;
    String group;
    if (p[0].equals("api") && p.length > 2) {
      group = "";
      i = 2;
    } else if (p[0].equals("apis") && p.length > 3) {
      group = p[1];
      i = 3;
    } else {
      return null;
    }
    String namespace = null;
    if (p[i].equals("namespaces") && p.length > i + 2) {
      namespace = p[i + 1];
      i += 2;
    }
    String resource = p[i];
    String name = p.length > i + 1 ? p[i + 1] : null;
    if (p.length > i + 2) {
      resource = resource + "/" + p[i + 2];
    }
    String verb =
        switch (method) {
          case "GET" -> watch ? "watch" : name == null ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name == null ? "deletecollection" : "delete";
          default -> method.toLowerCase();
        };
    return new Call(verb, group, resource, namespace, name);
  }
}
