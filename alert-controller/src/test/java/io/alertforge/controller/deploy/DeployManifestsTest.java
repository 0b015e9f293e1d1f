package io.alertforge.controller.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every manifest under {@code deploy/} loads into the fabric8 model with no unknown field, every
 * kind is a Kubernetes kind (or one of the few CRD kinds named here), the CRDs are byte-identical
 * to {@code schemas/}, every file a kustomization names exists, and the Deployment is hardened.
 */
class DeployManifestsTest {
  static final Path DEPLOY = Path.of("deploy");
  static final Path SCHEMA_CRDS =
      Path.of("..", "schemas", "src", "main", "resources", "io", "alertforge", "schemas", "crds");

  /** Kinds of other projects' CRDs, not in the fabric8 model. */
  static final Set<String> FOREIGN_KINDS =
      Set.of("PodMonitor", "Issuer", "Certificate", "ExternalSecret");

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static List<Path> yamlFiles() throws Exception {
    try (Stream<Path> s = Files.walk(DEPLOY)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The files kustomize reads as patches: partial objects, checked in the builds instead. */
  static Set<Path> patchFiles() throws Exception {
    Set<Path> out = new HashSet<>();
    for (Path k : kustomizations()) {
      Map<String, Object> doc = new Yaml().load(Files.readString(k));
      for (Object p : (List<?>) doc.getOrDefault("patches", List.of())) {
        out.add(k.getParent().resolve(((Map<?, ?>) p).get("path").toString()).normalize());
      }
    }
    return out;
  }

  static List<Path> kustomizations() throws Exception {
    return yamlFiles().stream()
        .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
        .toList();
  }

  /**
   * Every manifest file but the kustomizations and their patches, and the objects of every build.
   */
  static List<HasMetadata> objects() throws Exception {
    Set<Path> patches = patchFiles();
    List<HasMetadata> out = new ArrayList<>();
    for (Path p : yamlFiles()) {
      if (p.getFileName().toString().equals("kustomization.yaml") || patches.contains(p)) {
        continue;
      }
      for (Map<String, Object> doc : KustomizeBuild.documents(p)) {
        out.add(SERIALIZATION.convertValue(doc, HasMetadata.class));
      }
    }
    for (List<Map<String, Object>> build : builds().values()) {
      out.addAll(KustomizeBuild.objects(build, HasMetadata.class));
    }
    return out;
  }

  /**
   * What can be installed: the base alone, with each component, with all of them, and every
   * overlay; by name ({@code base}, {@code base+git-ssh}, {@code base+all}, {@code
   * overlays/sample-repo}).
   */
  static Map<String, List<Map<String, Object>>> builds() throws Exception {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    Path base = DEPLOY.resolve("base");
    out.put("base", KustomizeBuild.build(base));
    List<Path> components = directories(DEPLOY.resolve("components"));
    for (Path c : components) {
      out.put("base+" + c.getFileName(), KustomizeBuild.build(base, c));
    }
    out.put("base+all", KustomizeBuild.build(base, components.toArray(Path[]::new)));
    for (Path o : directories(DEPLOY.resolve("overlays"))) {
      out.put(DEPLOY.relativize(o).toString(), KustomizeBuild.build(o));
    }
    return out;
  }

  /** The builds a platform team applies as they are: the base and every overlay. */
  static Map<String, List<Map<String, Object>>> installs() throws Exception {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>(builds());
    out.keySet().removeIf(name -> name.startsWith("base+"));
    return out;
  }

  static List<Path> directories(Path parent) throws Exception {
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void everyManifestIsAKnownKindWithNoUnknownField() throws Exception {
    List<HasMetadata> objects = objects();
    assertThat(objects).hasSizeGreaterThan(15);
    for (HasMetadata o : objects) {
      String what = o.getKind() + " " + o.getMetadata().getName();
      if (o instanceof GenericKubernetesResource) {
        assertThat(FOREIGN_KINDS).as(what + " is not a Kubernetes kind").contains(o.getKind());
        continue;
      }
      List<String> unknown = new ArrayList<>();
      unknownFields(o, what, unknown, new IdentityHashMap<>());
      assertThat(unknown).as(what).isEmpty();
    }
    assertThat(objects.stream().map(HasMetadata::getKind))
        .contains(
            "Namespace",
            "CustomResourceDefinition",
            "ServiceAccount",
            "ClusterRole",
            "Role",
            "Deployment",
            "Service",
            "PodMonitor",
            "NetworkPolicy",
            "ValidatingWebhookConfiguration",
            "Secret",
            "ExternalSecret");
  }

  /** Walks the fabric8 model: any non-empty additionalProperties is a field the model lacks. */
  private static void unknownFields(
      Object o, String path, List<String> out, Map<Object, Object> seen) throws Exception {
    if (o == null || seen.put(o, o) != null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      for (Object e : c) {
        unknownFields(e, path + "[]", out, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        unknownFields(e.getValue(), path + "." + e.getKey(), out, seen);
      }
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = m.invoke(o);
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          out.add(path + ": unknown " + extra.keySet());
        }
      } else {
        unknownFields(value, path + "." + m.getName().substring(3), out, seen);
      }
    }
  }

  @Test
  void theCrdsAreByteIdenticalToTheSchemasModule() throws Exception {
    try (Stream<Path> crds = Files.list(SCHEMA_CRDS)) {
      for (Path crd : crds.toList()) {
        assertThat(DEPLOY.resolve("base/crds").resolve(crd.getFileName()))
            .as("deploy/base/crds must be a copy of schemas/: cp %s", crd)
            .hasSameBinaryContentAs(crd);
      }
    }
  }

  @Test
  void everyFileAKustomizationNamesExists() throws Exception {
    for (Path k : kustomizations()) {
      Map<String, Object> doc = new Yaml().load(Files.readString(k));
      List<String> refs = new ArrayList<>();
      for (Object r : (List<?>) doc.getOrDefault("resources", List.of())) {
        refs.add(r.toString());
      }
      for (Object c : (List<?>) doc.getOrDefault("components", List.of())) {
        assertThat(k.getParent().resolve(c.toString()).resolve("kustomization.yaml"))
            .as(k + " names the component " + c)
            .exists();
      }
      for (Object p : (List<?>) doc.getOrDefault("patches", List.of())) {
        refs.add(((Map<?, ?>) p).get("path").toString());
      }
      for (Object g : (List<?>) doc.getOrDefault("configMapGenerator", List.of())) {
        for (Object f : (List<?>) ((Map<?, ?>) g).get("files")) {
          String file = f.toString();
          refs.add(file.substring(file.indexOf('=') + 1));
        }
      }
      assertThat(refs).as(k.toString()).isNotEmpty();
      for (String ref : refs) {
        assertThat(k.getParent().resolve(ref)).as(k + " names " + ref).exists();
      }
    }
  }

  @Test
  void theDeploymentIsHardened() throws Exception {
    Deployment d = deployment(KustomizeBuild.build(DEPLOY.resolve("base")));
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("control-plane", "controller-manager");
    var pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getServiceAccountName()).isEqualTo("alertforge-controller");
    Container c = pod.getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(c.getResources().getLimits()).containsKey("memory");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getPorts())
        .anyMatch(p -> p.getName().equals("metrics") && p.getContainerPort() == 8080);

    ValidatingWebhookConfiguration vwc =
        KustomizeBuild.objects(
                KustomizeBuild.build(DEPLOY.resolve("base")), ValidatingWebhookConfiguration.class)
            .get(0);
    var hook = vwc.getWebhooks().get(0);
    assertThat(hook.getTimeoutSeconds()).isLessThanOrEqualTo(5);
    assertThat(hook.getFailurePolicy()).isEqualTo("Fail");
    assertThat(hook.getSideEffects()).isEqualTo("None");
    assertThat(hook.getNamespaceSelector().getMatchExpressions().get(0).getValues())
        .contains("kube-system", "alert-manager-system");
    assertThat(hook.getRules().get(0).getResources())
        .containsExactly("wavefrontalerts", "alertsconfigs");
  }

  /**
   * Each install (the base, every overlay) and the base with the keikoproj component (which sets
   * its own flags) carries the components of the modes its Deployment's flags turn on, and none
   * other: the Git source's writes with GIT_URL, the push webhook's ingress with
   * GIT_WEBHOOK_SECRET_FILE, SSH egress with an ssh:// GIT_URL, the Secret read with
   * KEIKOPROJ_CONFIGMAP and no token file.
   */
  @Test
  void everyInstallGrantsTheModesItsFlagsTurnOn() throws Exception {
    Map<String, List<Map<String, Object>>> modes = new LinkedHashMap<>(installs());
    modes.put(
        "base+keikoproj-mode",
        KustomizeBuild.build(DEPLOY.resolve("base"), DEPLOY.resolve("components/keikoproj-mode")));
    for (var install : modes.entrySet()) {
      List<Map<String, Object>> build = install.getValue();
      Map<String, String> env = new HashMap<>();
      for (EnvVar e :
          deployment(build).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
        env.put(e.getName(), e.getValue());
      }
      Set<String> names = new HashSet<>();
      build.forEach(
          o -> names.add(o.get("kind") + "/" + ((Map<?, ?>) o.get("metadata")).get("name")));
      String gitUrl = env.getOrDefault("GIT_URL", "");
      assertThat(names.contains("Role/alertforge-controller-git-source"))
          .as(install.getKey() + ": GIT_URL and the component git-source")
          .isEqualTo(!gitUrl.isEmpty());
      assertThat(names.contains("ClusterRole/alertforge-controller-git-source"))
          .as(install.getKey() + ": GIT_URL and the component git-source")
          .isEqualTo(!gitUrl.isEmpty());
      assertThat(names.contains("NetworkPolicy/alertforge-controller-git-webhook"))
          .as(install.getKey() + ": GIT_WEBHOOK_SECRET_FILE and the component git-webhook")
          .isEqualTo(env.containsKey("GIT_WEBHOOK_SECRET_FILE"));
      assertThat(names.contains("NetworkPolicy/alertforge-controller-git-ssh"))
          .as(install.getKey() + ": an ssh:// GIT_URL and the component git-ssh")
          .isEqualTo(gitUrl.startsWith("ssh://"));
      assertThat(names.contains("Role/alertforge-controller-keikoproj"))
          .as(install.getKey() + ": KEIKOPROJ_CONFIGMAP without a token file and keikoproj-mode")
          .isEqualTo(
              env.containsKey("KEIKOPROJ_CONFIGMAP") && !env.containsKey("WAVEFRONT_TOKEN_FILE"));
    }
  }

  /** The controller's Deployment in a build. */
  static Deployment deployment(List<Map<String, Object>> build) {
    List<Deployment> d = KustomizeBuild.objects(build, Deployment.class);
    assertThat(d)
        .extracting(x -> x.getMetadata().getName())
        .containsExactly("alertforge-controller");
    return d.get(0);
  }
}
