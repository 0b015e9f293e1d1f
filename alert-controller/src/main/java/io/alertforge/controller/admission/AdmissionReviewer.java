package io.alertforge.controller.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.model.RepositoryConfig;
import io.alertforge.compiler.source.InMemorySourceTree;
import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SafeYamlReader;
import io.alertforge.compiler.source.YamlDocument;
import io.alertforge.compiler.source.YamlLimits;
import io.alertforge.model.Annotations;
import io.alertforge.model.KeikoprojApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Decides an AdmissionReview (v1) for a {@code WavefrontAlert} or {@code AlertsConfig}:
 *
 * <ol>
 *   <li>objects managed from Git (label {@code app.kubernetes.io/managed-by: alertforge} and an
 *       {@code alertforge.io/source} annotation) may be created, changed or deleted only by the
 *       controller's own service account, so nobody edits around the review;
 *   <li>any other object is compiled with {@link AlertCompiler}, the pull-request build's code, as
 *       a repository of the policy ({@link PolicySource}), the object at its source path, and the
 *       other WavefrontAlerts of its namespace read from the cluster: an error finding on the
 *       object (or in the policy) denies with the compiler's message, warnings are returned as
 *       admission warnings.
 * </ol>
 *
 * The controller's own writes of objects managed from Git are not compiled again: the Git source
 * compiled their commit, whole and with its own alertforge.yaml, before writing them (checked one
 * by one against the policy of the commit applied before, a commit that changes alertforge.yaml and
 * the alerts it allows could never apply).
 */
public final class AdmissionReviewer {
  /** Where an object without a usable source path is compiled. */
  static final String UNPLACED = "object.yaml";

  /**
   * The directory of the cluster's other objects in the compiled tree: not a repository path (an
   * annotation naming a path under it is not used), and readable in a finding's message.
   */
  static final String CLUSTER_DIR = "in-the-cluster";

  /** The rule of the policy's {@code namespaces}: which repository paths may write a namespace. */
  static final String OWNERSHIP_RULE = "namespace/isolation";

  private static final Logger LOG = LoggerFactory.getLogger(AdmissionReviewer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SafeYamlReader POLICY_READER = new SafeYamlReader(YamlLimits.DEFAULT);

  private final KubernetesClient client;
  private final AlertCompiler compiler;
  private final String controllerUser;
  private final PolicySource policy;

  /**
   * @param controllerUser the controller's user, {@code system:serviceaccount:<ns>:<name>}
   * @param policy where alertforge.yaml comes from
   */
  public AdmissionReviewer(
      KubernetesClient client, AlertCompiler compiler, String controllerUser, PolicySource policy) {
    this.client = client;
    this.compiler = compiler;
    this.controllerUser = controllerUser;
    this.policy = policy;
  }

  /** The AdmissionReview answer to {@code review}. */
  public ObjectNode review(JsonNode review) {
    JsonNode request = review.path("request");
    ObjectNode out = JSON.createObjectNode();
    out.put("apiVersion", "admission.k8s.io/v1");
    out.put("kind", "AdmissionReview");
    ObjectNode response = out.putObject("response");
    response.put("uid", request.path("uid").asText());
    Decision d;
    try {
      d = decide(request);
    } catch (RuntimeException e) {
      LOG.error("admission review failed", e);
      d = Decision.deny("AlertForge could not check the object: " + e.getMessage(), List.of());
    }
    response.put("allowed", d.allowed());
    if (!d.allowed()) {
      response
          .putObject("status")
          .put("code", 403)
          .put("reason", "Forbidden")
          .put("message", d.message());
    }
    if (!d.warnings().isEmpty()) {
      ArrayNode w = response.putArray("warnings");
      d.warnings().forEach(w::add);
    }
    return out;
  }

  record Decision(boolean allowed, String message, List<String> warnings) {
    static Decision allow(List<String> warnings) {
      return new Decision(true, null, warnings);
    }

    static Decision deny(String message, List<String> warnings) {
      return new Decision(false, message, warnings);
    }
  }

  Decision decide(JsonNode request) {
    String operation = request.path("operation").asText();
    String user = request.path("userInfo").path("username").asText();
    JsonNode object = request.path("object");
    JsonNode old = request.path("oldObject");
    boolean fromController = controllerUser.equals(user);
    for (JsonNode o : new JsonNode[] {old, object}) {
      if (!fromController && managedFromGit(o)) {
        return Decision.deny(
            request.path("namespace").asText()
                + "/"
                + request.path("name").asText()
                + " is managed from Git ("
                + o.path("metadata").path("annotations").path(Annotations.SOURCE).asText()
                + "): change it in the alert repository, not in the cluster. Only "
                + controllerUser
                + " may "
                + operation.toLowerCase(java.util.Locale.ROOT)
                + " it",
            List.of());
      }
    }
    if (operation.equals("DELETE") || !object.isObject()) {
      return Decision.allow(List.of());
    }
    if (object.path("metadata").path("deletionTimestamp").isTextual()) {
      return Decision.allow(List.of()); // finalizer removal on the way out: nothing to check
    }
    if (fromController && managedFromGit(object)) {
      return Decision.allow(List.of()); // compiled by the Git source (see the class comment)
    }
    return compile(object);
  }

  static boolean managedFromGit(JsonNode o) {
    JsonNode meta = o.path("metadata");
    return Annotations.MANAGED_BY.equals(
            meta.path("labels").path(Annotations.MANAGED_BY_LABEL).asText(null))
        && meta.path("annotations").path(Annotations.SOURCE).isTextual();
  }

  private Decision compile(JsonNode object) {
    String namespace = object.path("metadata").path("namespace").asText();
    String name = object.path("metadata").path("name").asText();
    String kind = object.path("kind").asText();
    String what = kind + " " + namespace + "/" + name;
    List<String> notes = new ArrayList<>();
    String path = sourcePath(object, notes);
    Map<String, byte[]> files = new HashMap<>();
    List<GenericKubernetesResource> others = new ArrayList<>();
    String listing = namespace;
    try {
      Optional<byte[]> text = policy.read();
      text.ifPresent(t -> files.put(RepositoryScanner.CONFIG_FILE, t));
      for (GenericKubernetesResource other : wavefrontAlerts(namespace)) {
        if (!(kind.equals(KeikoprojApi.WAVEFRONT_ALERT_KIND)
            && other.getMetadata().getName().equals(name))) {
          others.add(other); // the object itself is left out: an UPDATE replaces it
        }
      }
      if (kind.equals(KeikoprojApi.ALERTS_CONFIG_KIND)) {
        for (String shared : sharedTemplateNamespaces(text)) {
          if (!shared.equals(namespace)) {
            listing = shared;
            wavefrontAlerts(shared).stream()
                .filter(AdmissionReviewer::isTemplate)
                .forEach(others::add);
          }
        }
      }
    } catch (PolicySource.Unavailable e) {
      return Decision.deny("AlertForge cannot check " + what + ": " + e.getMessage(), notes);
    } catch (KubernetesClientException e) {
      LOG.warn("cannot list the WavefrontAlerts of {}: {}", listing, e.getMessage());
      return Decision.deny(
          "AlertForge cannot check "
              + what
              + ": cannot list the WavefrontAlerts of namespace "
              + listing
              + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : ""),
          notes);
    }
    Yaml yaml = new Yaml(options()); // one per review: not thread-safe, and costly to build
    for (GenericKubernetesResource other : others) {
      files.put(
          CLUSTER_DIR
              + "/"
              + other.getMetadata().getNamespace()
              + "/"
              + other.getMetadata().getName()
              + ".yaml",
          yaml(yaml, strip(JSON.valueToTree(other))));
    }
    files.put(path, yaml(yaml, strip(object)));
    Compilation c;
    try {
      c = compiler.compile(new InMemorySourceTree("the admission review of " + what, files));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory tree is always listed
    }
    List<Diagnostic> mine = concerning(c.diagnostics(), path);
    List<String> errors =
        mine.stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::format).toList();
    List<String> warnings = new ArrayList<>(notes);
    mine.stream()
        .filter(d -> d.severity() != Severity.ERROR)
        .map(Diagnostic::format)
        .forEach(warnings::add);
    if (!errors.isEmpty()) {
      return Decision.deny(
          "AlertForge denies " + what + ": " + String.join("; ", errors), warnings);
    }
    return Decision.allow(warnings);
  }

  /**
   * The findings the review answers with: those on the object's file, and the policy's own errors
   * (a policy that does not compile checks nothing: fail closed). Findings on the cluster's other
   * objects are theirs, not the object's.
   */
  private static List<Diagnostic> concerning(List<Diagnostic> all, String path) {
    boolean placed = !path.equals(UNPLACED);
    return all.stream()
        .filter(
            d ->
                d.position().file().equals(path)
                    || (d.position().file().equals(RepositoryScanner.CONFIG_FILE)
                        && d.severity() == Severity.ERROR))
        // Without a path the object has no place in the repository, so no path can own its
        // namespace; RBAC decides in the cluster who writes it.
        .filter(d -> placed || !d.rule().equals(OWNERSHIP_RULE))
        .toList();
  }

  /**
   * The object's {@code alertforge.io/source} when it is a repository path the compiler would read
   * as an alert source, else {@value #UNPLACED} (with a note why, for an annotation that is not).
   */
  static String sourcePath(JsonNode object, List<String> notes) {
    JsonNode source = object.path("metadata").path("annotations").path(Annotations.SOURCE);
    if (!source.isTextual()) {
      return UNPLACED;
    }
    String path = source.asText();
    if (InMemorySourceTree.isSourcePath(path) && !path.startsWith(CLUSTER_DIR + "/")) {
      return path;
    }
    notes.add(
        "the annotation "
            + Annotations.SOURCE
            + " is not a relative path to a .yaml or .yml file that the repository scan reads;"
            + " the object is checked as "
            + UNPLACED);
    return UNPLACED;
  }

  /** alertforge.yaml's {@code sharedTemplateNamespaces}, read as the compiler reads it. */
  private static List<String> sharedTemplateNamespaces(Optional<byte[]> policy) {
    if (policy.isEmpty()) {
      return List.of();
    }
    List<YamlDocument> documents =
        POLICY_READER.read(RepositoryScanner.CONFIG_FILE, policy.get(), new Diagnostics());
    return documents.isEmpty()
        ? List.of()
        : new RepositoryConfig(Optional.empty(), documents.get(0)).sharedTemplateNamespaces();
  }

  private static boolean isTemplate(GenericKubernetesResource alert) {
    return alert.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
        && spec.get("exportedParams") instanceof List<?> params
        && !params.isEmpty();
  }

  private List<GenericKubernetesResource> wavefrontAlerts(String namespace) {
    return client
        .genericKubernetesResources(io.alertforge.controller.gitops.GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(namespace)
        .list()
        .getItems();
  }

  /** apiVersion, kind, spec and the metadata a repository file has (no server fields). */
  private static ObjectNode strip(JsonNode object) {
    ObjectNode o = JSON.createObjectNode();
    o.put("apiVersion", object.path("apiVersion").asText());
    o.put("kind", object.path("kind").asText());
    ObjectNode meta = o.putObject("metadata");
    JsonNode m = object.path("metadata");
    meta.put("name", m.path("name").asText());
    meta.put("namespace", m.path("namespace").asText());
    if (m.path("labels").isObject()) {
      meta.set("labels", m.path("labels"));
    }
    if (object.has("spec")) {
      o.set("spec", object.path("spec"));
    }
    return o;
  }

  private static byte[] yaml(Yaml yaml, JsonNode node) {
    return yaml.dump(JSON.convertValue(node, Object.class)).getBytes(StandardCharsets.UTF_8);
  }

  private static DumperOptions options() {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return o;
  }
}
