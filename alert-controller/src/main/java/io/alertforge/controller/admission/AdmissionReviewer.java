package io.alertforge.controller.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.render.Annotations;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Decides an AdmissionReview (v1) for a {@code WavefrontAlert} or {@code AlertsConfig}:
 *
 * <ol>
 *   <li>objects managed from Git (label {@code app.kubernetes.io/managed-by: alertforge} and an
 *       {@code alertforge.io/source} annotation) may be created, changed or deleted only by the
 *       controller's own service account, so nobody edits around the review;
 *   <li>the object is compiled with {@link AlertCompiler}, the Maven plugin's code, with the policy
 *       ({@code alertforge.yaml}) from a ConfigMap: an error finding denies with the compiler's
 *       message, warnings are returned as admission warnings. An AlertsConfig is compiled with the
 *       templates of its namespace read from the cluster.
 * </ol>
 *
 * The policy's {@code namespaces} (which files may define which namespace) is about the
 * repository's layout and is not applied to objects sent to the API server; RBAC does that there.
 */
public final class AdmissionReviewer {
  static final String GROUP_VERSION = "alertmanager.keikoproj.io/v1alpha1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final AlertCompiler compiler;
  private final String controllerUser;
  private final String policyNamespace;
  private final String policyName;

  /**
   * @param controllerUser the controller's user, {@code system:serviceaccount:<ns>:<name>}
   * @param policyNamespace and {@code policyName}: the ConfigMap whose key {@code alertforge.yaml}
   *     is the policy (none: the compiler's defaults)
   */
  public AdmissionReviewer(
      KubernetesClient client,
      AlertCompiler compiler,
      String controllerUser,
      String policyNamespace,
      String policyName) {
    this.client = client;
    this.compiler = compiler;
    this.controllerUser = controllerUser;
    this.policyNamespace = policyNamespace;
    this.policyName = policyName;
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
    } catch (IOException | RuntimeException e) {
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

  Decision decide(JsonNode request) throws IOException {
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
    return compile(object);
  }

  static boolean managedFromGit(JsonNode o) {
    JsonNode meta = o.path("metadata");
    return Annotations.MANAGED_BY.equals(
            meta.path("labels").path(Annotations.MANAGED_BY_LABEL).asText(null))
        && meta.path("annotations").path(Annotations.SOURCE).isTextual();
  }

  private Decision compile(JsonNode object) throws IOException {
    Path dir = Files.createTempDirectory("alertforge-admission");
    try {
      String namespace = object.path("metadata").path("namespace").asText();
      String name = object.path("metadata").path("name").asText();
      String kind = object.path("kind").asText();
      Files.writeString(dir.resolve("alertforge.yaml"), policy());
      Files.writeString(dir.resolve("object.yaml"), yaml(strip(object)));
      if (kind.equals("AlertsConfig")) {
        int i = 0;
        for (GenericKubernetesResource t : templates(namespace)) {
          Files.writeString(
              dir.resolve("template-" + i++ + ".yaml"), yaml(strip(JSON.valueToTree(t))));
        }
      }
      Compilation c = compiler.compile(dir);
      List<Diagnostic> mine =
          c.diagnostics().stream()
              .filter(d -> d.position().toString().startsWith("object.yaml"))
              .toList();
      List<String> errors =
          mine.stream()
              .filter(d -> d.severity() == Severity.ERROR)
              .map(Diagnostic::format)
              .toList();
      List<String> warnings =
          mine.stream()
              .filter(d -> d.severity() != Severity.ERROR)
              .map(Diagnostic::format)
              .toList();
      if (!errors.isEmpty()) {
        return Decision.deny(
            "AlertForge denies "
                + kind
                + " "
                + namespace
                + "/"
                + name
                + ": "
                + String.join("; ", errors),
            warnings);
      }
      return Decision.allow(warnings);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The policy without {@code namespaces} (file layout; see the class comment). */
  private String policy() throws IOException {
    if (policyName == null) {
      return "{}\n";
    }
    ConfigMap cm = client.configMaps().inNamespace(policyNamespace).withName(policyName).get();
    String text = cm == null || cm.getData() == null ? null : cm.getData().get("alertforge.yaml");
    if (text == null) {
      throw new IOException(
          "the policy ConfigMap "
              + policyNamespace
              + "/"
              + policyName
              + " has no key alertforge.yaml");
    }
    Object loaded = new Yaml().load(text);
    if (loaded instanceof java.util.Map<?, ?> map) {
      java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>(map);
      copy.remove("namespaces");
      return new Yaml(options()).dump(copy);
    }
    return text;
  }

  private List<GenericKubernetesResource> templates(String namespace) {
    return client
        .genericKubernetesResources(io.alertforge.controller.gitops.GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .filter(
            t ->
                t.getAdditionalProperties().get("spec") instanceof java.util.Map<?, ?> s
                    && s.get("exportedParams") instanceof List<?> l
                    && !l.isEmpty())
        .toList();
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

  private static String yaml(JsonNode node) {
    return new Yaml(options()).dump(JSON.convertValue(node, Object.class));
  }

  private static DumperOptions options() {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return o;
  }
}
