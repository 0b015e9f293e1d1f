package io.alertforge.controller.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
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
import java.util.IdentityHashMap;
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

  static List<HasMetadata> objects() throws Exception {
    List<HasMetadata> out = new ArrayList<>();
    for (Path p : yamlFiles()) {
      if (p.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      for (Object doc : new Yaml().loadAll(Files.readString(p))) {
        if (doc == null) {
          continue;
        }
        HasMetadata o = SERIALIZATION.convertValue(doc, HasMetadata.class);
        out.add(o);
      }
    }
    return out;
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
    for (Path k : yamlFiles()) {
      if (!k.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      Map<String, Object> doc = new Yaml().load(Files.readString(k));
      List<String> refs = new ArrayList<>();
      for (Object r : (List<?>) doc.getOrDefault("resources", List.of())) {
        refs.add(r.toString());
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
    Deployment d =
        objects().stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .filter(x -> x.getMetadata().getName().equals("alertforge-controller"))
            .findFirst()
            .orElseThrow();
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
        objects().stream()
            .filter(ValidatingWebhookConfiguration.class::isInstance)
            .map(ValidatingWebhookConfiguration.class::cast)
            .findFirst()
            .orElseThrow();
    var hook = vwc.getWebhooks().get(0);
    assertThat(hook.getTimeoutSeconds()).isLessThanOrEqualTo(5);
    assertThat(hook.getFailurePolicy()).isEqualTo("Fail");
    assertThat(hook.getSideEffects()).isEqualTo("None");
    assertThat(hook.getNamespaceSelector().getMatchExpressions().get(0).getValues())
        .contains("kube-system", "alert-manager-system");
    assertThat(hook.getRules().get(0).getResources())
        .containsExactly("wavefrontalerts", "alertsconfigs");
  }
}
