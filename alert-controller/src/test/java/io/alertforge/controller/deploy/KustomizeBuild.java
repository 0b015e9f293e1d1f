package io.alertforge.controller.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects {@code kubectl kustomize} builds from a directory of {@code deploy/}, composed in the
 * test so that no test needs kubectl. It implements only the kustomize features {@code deploy/}
 * uses (resources, components, strategic-merge patches by path, a configMapGenerator without name
 * hash, namespace, metadata labels) and refuses anything else: another kustomization field, or a
 * list in a patch whose merge it does not know. So what it builds is what kustomize builds, or it
 * fails.
 *
 * <p>Order, as in kustomize: the resources, then each component (its resources join, then its
 * generators, patches and transformers act on everything so far), then the generators, the patches
 * and the transformers of the kustomization itself.
 *
 * <p>Strategic merge: maps merge key by key ({@code null} removes a key); the lists of a pod
 * template merge by their Kubernetes merge key ({@code $patch: delete} removes an entry); lists
 * Kubernetes declares atomic (NetworkPolicy rules, RBAC rules and subjects) and lists of scalars
 * are replaced whole.
 */
public final class KustomizeBuild {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final Set<String> FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "resources",
          "components",
          "patches",
          "configMapGenerator",
          "namespace",
          "labels");

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleBinding",
          "ValidatingWebhookConfiguration");

  /** Lists merged by key, by {@code Kind:path} with {@code []} for each list entry on the way. */
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "Deployment:spec.template.spec.containers", "name",
          "Deployment:spec.template.spec.containers[].env", "name",
          "Deployment:spec.template.spec.containers[].volumeMounts", "mountPath",
          "Deployment:spec.template.spec.containers[].ports", "containerPort",
          "Deployment:spec.template.spec.volumes", "name");

  /** Lists of maps that Kubernetes declares atomic: a patch replaces them whole. */
  private static final Set<String> ATOMIC =
      Set.of(
          "NetworkPolicy:spec.ingress",
          "NetworkPolicy:spec.egress",
          "Role:rules",
          "ClusterRole:rules",
          "RoleBinding:subjects",
          "ClusterRoleBinding:subjects");

  private KustomizeBuild() {}

  /**
   * The build of the kustomization in {@code dir}, with {@code extraComponents} after the ones it
   * lists: what an overlay of {@code dir} that adds those components builds.
   */
  public static List<Map<String, Object>> build(Path dir, Path... extraComponents) {
    return kustomize(dir, new ArrayList<>(), false, List.of(extraComponents));
  }

  /** The objects of a build that are a {@code type} of the fabric8 model. */
  public static <T extends HasMetadata> List<T> objects(
      List<Map<String, Object>> build, Class<T> type) {
    String kind = type == HasMetadata.class ? null : HasMetadata.getKind(type);
    List<T> out = new ArrayList<>();
    for (Map<String, Object> o : build) {
      if (kind == null || kind.equals(o.get("kind"))) {
        out.add(type.cast(SERIALIZATION.convertValue(o, HasMetadata.class)));
      }
    }
    return out;
  }

  private static List<Map<String, Object>> kustomize(
      Path dir, List<Map<String, Object>> out, boolean component, List<Path> extraComponents) {
    Map<String, Object> k = map(documents(dir.resolve("kustomization.yaml")).get(0));
    String expected = component ? "Component" : "Kustomization";
    if (!expected.equals(k.get("kind"))) {
      throw new IllegalStateException(dir + " is a " + k.get("kind") + ", not a " + expected);
    }
    for (String field : k.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalStateException(dir + ": the test's build does not know " + field);
      }
    }
    for (Object r : list(k.get("resources"))) {
      Path p = dir.resolve(r.toString()).normalize();
      out.addAll(
          Files.isDirectory(p) ? kustomize(p, new ArrayList<>(), false, List.of()) : documents(p));
    }
    List<Path> components = new ArrayList<>();
    list(k.get("components")).forEach(c -> components.add(dir.resolve(c.toString()).normalize()));
    components.addAll(extraComponents);
    for (Path c : components) {
      kustomize(c, out, true, List.of());
    }
    for (Object g : list(k.get("configMapGenerator"))) {
      generateConfigMap(dir, map(g), out);
    }
    for (Object p : list(k.get("patches"))) {
      Map<String, Object> ref = map(p);
      if (!ref.keySet().equals(Set.of("path"))) {
        throw new IllegalStateException(dir + ": the test's build knows only patches by path");
      }
      for (Map<String, Object> patch : documents(dir.resolve(ref.get("path").toString()))) {
        Map<String, Object> target = find(out, patch);
        merge(target, patch, kind(target) + ":");
      }
    }
    if (k.get("namespace") != null) {
      setNamespace(k.get("namespace").toString(), out);
    }
    for (Object l : list(k.get("labels"))) {
      Map<String, Object> labels = map(l);
      if (!Boolean.FALSE.equals(labels.get("includeSelectors"))
          || labels.containsKey("includeTemplates")) {
        throw new IllegalStateException(dir + ": the test's build knows only metadata labels");
      }
      for (Map<String, Object> o : out) {
        map(metadata(o).computeIfAbsent("labels", x -> new LinkedHashMap<>()))
            .putAll(map(labels.get("pairs")));
      }
    }
    return out;
  }

  private static void setNamespace(String namespace, List<Map<String, Object>> objects) {
    for (Map<String, Object> o : objects) {
      if (CLUSTER_SCOPED.contains(kind(o))) {
        continue;
      }
      Object before = metadata(o).put("namespace", namespace);
      // kustomize would move it; the manifests say their namespace, so a move is a mistake
      if (before != null && !before.equals(namespace)) {
        throw new IllegalStateException(id(o) + " is in " + before + ", not " + namespace);
      }
    }
  }

  private static void generateConfigMap(
      Path dir, Map<String, Object> generator, List<Map<String, Object>> out) {
    Map<String, Object> options = map(generator.getOrDefault("options", Map.of()));
    if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
      throw new IllegalStateException(dir + ": the test's build knows no name hash");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    for (Object f : list(generator.get("files"))) {
      String file = f.toString();
      int eq = file.indexOf('=');
      Path path = dir.resolve(file.substring(eq + 1));
      data.put(eq < 0 ? path.getFileName().toString() : file.substring(0, eq), read(path));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", generator.get("name"));
    if (generator.get("namespace") != null) {
      metadata.put("namespace", generator.get("namespace"));
    }
    Map<String, Object> configMap = new LinkedHashMap<>();
    configMap.put("apiVersion", "v1");
    configMap.put("kind", "ConfigMap");
    configMap.put("metadata", metadata);
    configMap.put("data", data);
    switch (String.valueOf(generator.getOrDefault("behavior", "create"))) {
      case "create" -> out.add(configMap);
      case "replace" -> find(out, configMap).put("data", data);
      default -> throw new IllegalStateException(dir + ": behavior " + generator.get("behavior"));
    }
  }

  /** The object a patch is for: the same kind and name, and namespace if the patch names one. */
  private static Map<String, Object> find(
      List<Map<String, Object>> objects, Map<String, Object> patch) {
    Object namespace = metadata(patch).get("namespace");
    List<Map<String, Object>> matches =
        objects.stream()
            .filter(o -> kind(o).equals(kind(patch)))
            .filter(o -> Objects.equals(metadata(o).get("name"), metadata(patch).get("name")))
            .filter(o -> namespace == null || namespace.equals(metadata(o).get("namespace")))
            .toList();
    if (matches.size() != 1) {
      throw new IllegalStateException(matches.size() + " objects match the patch " + id(patch));
    }
    return matches.get(0);
  }

  private static void merge(Map<String, Object> target, Map<String, Object> patch, String path) {
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      String key = e.getKey();
      String at = path.endsWith(":") ? path + key : path + "." + key;
      Object value = e.getValue();
      Object current = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
        merge(map(c), map(m), at);
      } else if (value instanceof List<?> l && current instanceof List<?> c) {
        target.put(key, mergeList(c, l, at));
      } else {
        target.put(key, value);
      }
    }
  }

  private static List<Object> mergeList(List<?> target, List<?> patch, String path) {
    boolean maps = patch.stream().anyMatch(Map.class::isInstance);
    String key = MERGE_KEYS.get(path);
    if (key == null) {
      if (maps && !ATOMIC.contains(path)) {
        throw new IllegalStateException("the test's build does not know how " + path + " merges");
      }
      return new ArrayList<>(patch);
    }
    List<Object> out = new ArrayList<>(target);
    for (Object p : patch) {
      Map<String, Object> entry = map(p);
      Map<String, Object> existing =
          out.stream()
              .map(KustomizeBuild::map)
              .filter(o -> Objects.equals(o.get(key), entry.get(key)))
              .findFirst()
              .orElse(null);
      if ("delete".equals(entry.get("$patch"))) {
        out.remove(existing);
      } else if (existing == null) {
        out.add(entry);
      } else {
        merge(existing, entry, path + "[]");
      }
    }
    return out;
  }

  static List<Map<String, Object>> documents(Path file) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(read(file))) {
      if (doc != null) {
        out.add(map(doc));
      }
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kind(Map<String, Object> o) {
    return String.valueOf(o.get("kind"));
  }

  private static String id(Map<String, Object> o) {
    return kind(o) + " " + metadata(o).get("name");
  }

  private static Map<String, Object> metadata(Map<String, Object> o) {
    return map(o.computeIfAbsent("metadata", x -> new LinkedHashMap<>()));
  }

  private static List<?> list(Object o) {
    return o == null ? List.of() : (List<?>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
