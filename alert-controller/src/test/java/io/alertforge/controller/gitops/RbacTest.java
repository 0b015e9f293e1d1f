package io.alertforge.controller.gitops;

import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.AlertController;
import io.alertforge.controller.Harness;
import io.alertforge.controller.KeikoprojConfig;
import io.alertforge.controller.admission.AdmissionReviewer;
import io.alertforge.controller.admission.ConfigMapPolicy;
import io.alertforge.controller.deploy.KustomizeBuild;
import io.alertforge.controller.ops.EventRecorder;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.SecretTokenSource;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The RBAC of each install mode against the calls the controller really makes in it. Every part of
 * the controller runs on the mock with a client of its own (its own User-Agent), so the mock's
 * record tells their calls apart: the Wavefront sync (leader election, finalizer, status, events)
 * and the admission webhook, which every mode runs; the Git source (apply, update, prune, status
 * ConfigMap, events); keikoproj's ConfigMap and token Secret. Each mode's calls are then checked
 * against exactly the roles its build binds to the controller's ServiceAccount (the base, plus the
 * mode's component, composed as kustomize does): none is denied, and no permission is granted that
 * none of them uses, but the few in {@link #NOT_CALLED}, with their reason.
 */
@EnableKubernetesMockClient(crud = true)
class RbacTest {
  static final String SYSTEM_NS = "alert-manager-system";
  static final Path DEPLOY = Path.of("deploy");

  /** Granted in every mode, not called here, and why. */
  static final Map<String, String> NOT_CALLED =
      Map.of(
          "update coordination.k8s.io/leases alertforge-controller in " + SYSTEM_NS,
          "JOSDK refuses to start without it (LeaderElectionManager.checkLeaseAccess asks for"
              + " create, update and get); fabric8's LeaseLock writes with a patch",
          "get alertmanager.keikoproj.io/wavefrontalerts",
          "JOSDK reads a CR again when its finalizer patch meets a conflict"
              + " (ReconciliationDispatcher.conflictRetryingPatch)");

  /** A part of the controller, with a Kubernetes client of its own. */
  enum Part {
    SYNC,
    GIT,
    KEIKOPROJ;

    String userAgent() {
      return "alertforge-rbac-test-" + name().toLowerCase();
    }
  }

  /** An install mode: the base with these components, running these parts. */
  record Mode(String name, List<Path> components, Set<Part> parts) {}

  static final List<Mode> MODES =
      List.of(
          new Mode("base", List.of(), Set.of(Part.SYNC)),
          new Mode(
              "git-source",
              List.of(DEPLOY.resolve("components/git-source")),
              Set.of(Part.SYNC, Part.GIT)),
          new Mode(
              "keikoproj-mode",
              List.of(DEPLOY.resolve("components/keikoproj-mode")),
              Set.of(Part.SYNC, Part.KEIKOPROJ)));

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  static KubernetesClient client;
  static KubernetesMockServer server;
  @TempDir Path tmp;

  /** One API call: who does what to which object. */
  record Call(String verb, String group, String resource, String namespace, String name) {}

  /**
   * One permission of a bound role: a verb on a resource, one name or all, in a namespace or all.
   */
  record Grant(String verb, String group, String resource, String name, String namespace) {
    boolean allows(Call c) {
      return verb.equals(c.verb())
          && (group.equals(c.group()) || group.equals("*"))
          && resource.equals(c.resource())
          && (name == null || name.equals(c.name()))
          && (namespace == null || namespace.equals(c.namespace()));
    }

    @Override
    public String toString() {
      return verb
          + " "
          + group
          + "/"
          + resource
          + (name == null ? "" : " " + name)
          + (namespace == null ? "" : " in " + namespace);
    }
  }

  @Test
  void eachModeIsGrantedExactlyTheCallsItMakes() throws Exception {
    Map<Part, List<Call>> calls = callsOfEveryPart();
    for (Mode mode : MODES) {
      List<Grant> grants = grants(build(mode));
      List<Call> made =
          mode.parts().stream().flatMap(p -> calls.get(p).stream()).distinct().toList();
      assertThat(denied(grants, made)).as(mode.name() + ": calls its RBAC would deny").isEmpty();
      Set<String> uncalled =
          grants.stream()
              .filter(g -> made.stream().noneMatch(g::allows))
              .map(Grant::toString)
              .collect(toCollection(TreeSet::new));
      // a listed grant may be called in a mode with more parts (the Git source reads a CR again
      // before it prunes it), but none beyond the list goes uncalled
      assertThat(uncalled)
          .as(mode.name() + ": granted, and no call uses it but the listed ones")
          .isSubsetOf(NOT_CALLED.keySet());
      if (mode.components().isEmpty()) {
        assertThat(uncalled)
            .as("the base: every listed grant uncalled")
            .isEqualTo(NOT_CALLED.keySet());
      }
      if (!mode.components().isEmpty()) {
        List<Call> own =
            mode.parts().stream()
                .filter(p -> p != Part.SYNC)
                .flatMap(p -> calls.get(p).stream())
                .toList();
        assertThat(denied(grants(build(MODES.get(0))), own))
            .as(mode.name() + ": the base alone denies its calls, so it needs its component")
            .isNotEmpty();
      }
    }
    assertThat(calls.get(Part.SYNC).stream().map(c -> c.verb() + " " + c.resource()))
        .as("the sync's calls exercised")
        .contains(
            "watch wavefrontalerts",
            "patch wavefrontalerts",
            "patch wavefrontalerts/status",
            "create events",
            "create leases",
            "patch leases",
            "get configmaps");
    assertThat(calls.get(Part.GIT).stream().map(c -> c.verb() + " " + c.resource()))
        .as("the Git source's calls exercised")
        .contains(
            "create wavefrontalerts",
            "update wavefrontalerts",
            "delete wavefrontalerts",
            "create configmaps",
            "patch configmaps");
  }

  static List<Map<String, Object>> build(Mode mode) {
    return KustomizeBuild.build(DEPLOY.resolve("base"), mode.components().toArray(Path[]::new));
  }

  static Set<String> denied(List<Grant> grants, List<Call> calls) {
    return calls.stream()
        .filter(c -> grants.stream().noneMatch(g -> g.allows(c)))
        .map(Call::toString)
        .collect(toCollection(TreeSet::new));
  }

  /**
   * Runs every part on the mock and returns the calls each one made. The sync runs with leader
   * election in the controller's namespace, its Lease check answered with the base Role's Lease
   * rules (as the API server would answer it); the Git source applies the sample repository, a
   * change and a deletion; the webhook reviews an AlertsConfig; keikoproj's ConfigMap (the one the
   * keikoproj component names) and token Secret are read as {@code --keikoproj-configmap} reads
   * them.
   */
  Map<Part, List<Call>> callsOfEveryPart() throws Exception {
    Harness.registerCrd(client);
    answerLeaseChecks(build(MODES.get(0)));
    String[] keikoproj = keikoprojConfigMap(build(MODES.get(2))).split("/", 2);
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
    client
        .configMaps()
        .inNamespace(keikoproj[0])
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(keikoproj[1])
                .endMetadata()
                .withData(Map.of("wavefront.api.url", "try.wavefront.com"))
                .build())
        .create();
    client
        .secrets()
        .inNamespace(keikoproj[0])
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("wavefront-api-token")
                .endMetadata()
                .withData(
                    Map.of(
                        "wavefront-api-token",
                        Base64.getEncoder()
                            .encodeToString("keikoproj-token".getBytes(StandardCharsets.UTF_8))))
                .build())
        .create();
    GitOrigin origin = GitOrigin.withSampleRepo(tmp.resolve("origin"), "");

    AlertController.Settings settings =
        Harness.settingsBuilder()
            .identity("replica-1")
            .leaderElection("alertforge-controller", SYSTEM_NS, Duration.ofSeconds(2))
            .build();
    List<RecordedRequest> requests = new ArrayList<>();
    try (KubernetesClient syncClient = clientOf(Part.SYNC);
        KubernetesClient gitClient = clientOf(Part.GIT);
        KubernetesClient keikoprojClient = clientOf(Part.KEIKOPROJ);
        AlertController controller =
            Harness.start(
                syncClient, wavefront.emulator(), settings, FileTokenSource.fixed(Harness.TOKEN));
        GitSync sync =
            new GitSync(
                gitClient,
                GitSourceSettings.builder(origin.url(), "main", tmp.resolve("cache"), SYSTEM_NS)
                    .build(),
                new AlertCompiler(),
                new SimpleMeterRegistry(),
                new EventRecorder(gitClient, "rbac-test", Clock.systemUTC()),
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
              syncClient,
              new AlertCompiler(),
              "system:serviceaccount:x:y",
              new ConfigMapPolicy(syncClient, SYSTEM_NS, "alertforge-policy"))
          .review(review);

      KeikoprojConfig k = KeikoprojConfig.read(keikoprojClient, keikoproj[0], keikoproj[1]);
      assertThat(k.url()).hasToString("https://try.wavefront.com");
      assertThat(
              new SecretTokenSource(keikoprojClient, keikoproj[0], k.tokenSecret(), Duration.ZERO)
                  .current()
                  .value())
          .isEqualTo("keikoproj-token");

      RecordedRequest r;
      while ((r = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
        requests.add(r);
      }
    } finally {
      origin.close();
      Harness.cleanUp(client);
    }
    Map<Part, List<Call>> calls = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      calls.put(p, new ArrayList<>());
    }
    for (RecordedRequest request : requests) {
      Call call = parse(request.getMethod(), request.getPath());
      Part part =
          Stream.of(Part.values())
              .filter(p -> p.userAgent().equals(request.getHeader("User-Agent")))
              .findFirst()
              .orElse(null);
      if (call != null && part != null) {
        calls.get(part).add(call); // null: discovery (any user may), or the test's own set-up
      }
    }
    return calls;
  }

  /** The namespace/name of keikoproj's ConfigMap that the mode's Deployment is given. */
  static String keikoprojConfigMap(List<Map<String, Object>> build) {
    Deployment d = KustomizeBuild.objects(build, Deployment.class).get(0);
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals("KEIKOPROJ_CONFIGMAP"))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow();
  }

  static KubernetesClient clientOf(Part part) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(client.getConfiguration()).withUserAgent(part.userAgent()).build())
        .build();
  }

  /**
   * JOSDK's Lease check (a SelfSubjectRulesReview, which the mock lacks), answered from the Role.
   */
  static void answerLeaseChecks(List<Map<String, Object>> build) {
    var status =
        new SelfSubjectRulesReviewBuilder().withNewMetadata().endMetadata().withNewStatus();
    for (Role role : KustomizeBuild.objects(build, Role.class)) {
      for (PolicyRule rule : role.getRules()) {
        if (rule.getResources().contains("leases")) {
          status
              .addNewResourceRule()
              .withApiGroups(rule.getApiGroups())
              .withResources(rule.getResources())
              .withResourceNames(rule.getResourceNames())
              .withVerbs(rule.getVerbs())
              .endResourceRule();
        }
      }
    }
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, status.withIncomplete(false).endStatus().build())
        .always();
  }

  /**
   * The permissions a build gives the controller's ServiceAccount: a ClusterRoleBinding's role in
   * every namespace, a RoleBinding's role in the binding's namespace.
   */
  static List<Grant> grants(List<Map<String, Object>> build) {
    Map<String, List<PolicyRule>> roles = new java.util.HashMap<>();
    KustomizeBuild.objects(build, ClusterRole.class)
        .forEach(r -> roles.put("ClusterRole/" + r.getMetadata().getName(), r.getRules()));
    KustomizeBuild.objects(build, Role.class)
        .forEach(
            r ->
                roles.put(
                    "Role/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(),
                    r.getRules()));
    List<Grant> out = new ArrayList<>();
    for (ClusterRoleBinding b : KustomizeBuild.objects(build, ClusterRoleBinding.class)) {
      if (bindsTheController(b.getSubjects())) {
        out.addAll(grants(roles, b.getRoleRef(), null, null));
      }
    }
    for (RoleBinding b : KustomizeBuild.objects(build, RoleBinding.class)) {
      if (bindsTheController(b.getSubjects())) {
        String ns = b.getMetadata().getNamespace();
        out.addAll(grants(roles, b.getRoleRef(), ns, ns));
      }
    }
    return out;
  }

  private static List<Grant> grants(
      Map<String, List<PolicyRule>> roles, RoleRef ref, String roleNamespace, String where) {
    String key =
        ref.getKind().equals("Role")
            ? "Role/" + roleNamespace + "/" + ref.getName()
            : "ClusterRole/" + ref.getName();
    assertThat(roles).as("the bound role " + key).containsKey(key);
    List<Grant> out = new ArrayList<>();
    for (PolicyRule rule : roles.get(key)) {
      List<String> names = rule.getResourceNames().isEmpty() ? null : rule.getResourceNames();
      for (String g : rule.getApiGroups()) {
        for (String res : rule.getResources()) {
          for (String v : rule.getVerbs()) {
            if (names == null) {
              out.add(new Grant(v, g, res, null, where));
            } else {
              names.forEach(n -> out.add(new Grant(v, g, res, n, where)));
            }
          }
        }
      }
    }
    return out;
  }

  static boolean bindsTheController(List<Subject> subjects) {
    return subjects.stream()
        .anyMatch(
            s ->
                s.getKind().equals("ServiceAccount")
                    && s.getName().equals("alertforge-controller")
                    && SYSTEM_NS.equals(s.getNamespace()));
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
