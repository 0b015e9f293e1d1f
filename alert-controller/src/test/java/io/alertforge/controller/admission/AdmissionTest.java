package io.alertforge.controller.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.AlertCompiler;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The validating webhook: the compiler's rules and messages with the policy from a ConfigMap, the
 * Git-managed objects only the controller may change, and HTTPS with a certificate reloaded when
 * its files change.
 */
@EnableKubernetesMockClient(crud = true)
class AdmissionTest {
  static final String CONTROLLER =
      "system:serviceaccount:alert-manager-system:alertforge-controller";
  static final Path SAMPLE = Path.of("..", "sample-repo");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SOURCE = "alertforge.io/source";

  static KubernetesClient client;
  @TempDir Path tmp;
  AdmissionReviewer reviewer;

  @BeforeEach
  void setUp() throws Exception {
    client
        .configMaps()
        .inNamespace("alert-manager-system")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("alertforge-policy")
                .endMetadata()
                .withData(
                    Map.of("alertforge.yaml", Files.readString(SAMPLE.resolve("alertforge.yaml"))))
                .build())
        .createOr(r -> r.update());
    reviewer =
        new AdmissionReviewer(
            client,
            new AlertCompiler(),
            CONTROLLER,
            new ConfigMapPolicy(client, "alert-manager-system", "alertforge-policy"));
  }

  @AfterEach
  void emptyTheCluster() {
    client
        .genericKubernetesResources(io.alertforge.controller.gitops.GitApplier.WAVEFRONT_ALERTS)
        .inAnyNamespace()
        .delete();
  }

  /** A sample-repo document as the API server sees it: with its namespace. */
  static ObjectNode load(String path) throws Exception {
    ObjectNode o = JSON.valueToTree(new Yaml().load(Files.readString(SAMPLE.resolve(path))));
    ObjectNode meta = (ObjectNode) o.path("metadata");
    if (!meta.has("namespace")) {
      meta.put("namespace", "payments");
    }
    return o;
  }

  static ObjectNode request(String operation, String user, JsonNode object, JsonNode old) {
    ObjectNode review = JSON.createObjectNode();
    review.put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    ObjectNode r = review.putObject("request");
    JsonNode o = object != null ? object : old;
    r.put("uid", "uid-1")
        .put("operation", operation)
        .put("namespace", o.path("metadata").path("namespace").asText())
        .put("name", o.path("metadata").path("name").asText());
    r.putObject("userInfo").put("username", user);
    if (object != null) {
      r.set("object", object);
    }
    if (old != null) {
      r.set("oldObject", old);
    }
    return review;
  }

  JsonNode response(String operation, String user, JsonNode object, JsonNode old) {
    JsonNode out = reviewer.review(request(operation, user, object, old));
    assertThat(out.path("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(out.path("response").path("uid").asText()).isEqualTo("uid-1");
    return out.path("response");
  }

  @Test
  void aValidAlertIsAllowedAndABadOneDeniedWithTheCompilersMessage() throws Exception {
    ObjectNode alert = load("payments/standalone/settlement-batch-heartbeat.yaml");
    JsonNode ok = response("CREATE", "alice", alert, null);
    assertThat(ok.path("allowed").asBoolean()).as(ok.toString()).isTrue();

    ((ObjectNode) alert.path("spec")).put("severity", "apocalyptic");
    JsonNode denied = response("CREATE", "alice", alert, null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("code").asInt()).isEqualTo(403);
    assertThat(denied.path("status").path("message").asText())
        .startsWith(
            "AlertForge denies WavefrontAlert payments/settlement-batch-heartbeat: object.yaml:")
        .contains("error [schema/")
        .contains("apocalyptic");
  }

  @Test
  void thePolicyFromTheConfigMapApplies() throws Exception {
    ObjectNode alert = load("payments/standalone/settlement-batch-heartbeat.yaml");
    ObjectNode spec = (ObjectNode) alert.path("spec");
    spec.put("condition", "ts(~wavefront.internal.points) > 1");
    spec.put("displayExpression", "ts(~wavefront.internal.points)");
    JsonNode denied = response("CREATE", "alice", alert, null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("message").asText())
        .contains("[policy/metric-allowlist]");
  }

  @Test
  void aManualEditOfAGitManagedObjectIsDeniedButTheControllerMayChangeIt() throws Exception {
    ObjectNode alert = load("payments/standalone/settlement-batch-heartbeat.yaml");
    ObjectNode meta = (ObjectNode) alert.path("metadata");
    meta.putObject("labels").put("app.kubernetes.io/managed-by", "alertforge");
    meta.putObject("annotations")
        .put("alertforge.io/source", "payments/standalone/settlement-batch-heartbeat.yaml");
    ObjectNode edited = alert.deepCopy();
    ((ObjectNode) edited.path("spec")).put("minutes", 30);

    JsonNode denied = response("UPDATE", "alice", edited, alert);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("message").asText())
        .isEqualTo(
            "payments/settlement-batch-heartbeat is managed from Git"
                + " (payments/standalone/settlement-batch-heartbeat.yaml): change it in the alert"
                + " repository, not in the cluster. Only "
                + CONTROLLER
                + " may update it");
    assertThat(response("DELETE", "alice", null, alert).path("allowed").asBoolean()).isFalse();
    assertThat(response("UPDATE", CONTROLLER, edited, alert).path("allowed").asBoolean()).isTrue();
    assertThat(response("DELETE", CONTROLLER, null, alert).path("allowed").asBoolean()).isTrue();
  }

  @Test
  void anAlertsConfigIsCheckedAgainstTheTemplatesInTheCluster() throws Exception {
    ObjectNode config = load("payments/apps/payments-ledger.yaml");
    JsonNode noTemplates = response("CREATE", "alice", config, null);
    assertThat(noTemplates.path("allowed").asBoolean()).isFalse();
    assertThat(noTemplates.path("status").path("message").asText())
        .contains("no WavefrontAlert template named");

    createTemplatesInCluster();
    JsonNode allowed = response("CREATE", "alice", config, null);
    assertThat(allowed.path("allowed").asBoolean()).as(allowed.toString()).isTrue();
  }

  /** Replaces the policy ConfigMap's alertforge.yaml. */
  void usePolicy(String alertforgeYaml) {
    client
        .configMaps()
        .inNamespace("alert-manager-system")
        .withName("alertforge-policy")
        .edit(
            cm ->
                new ConfigMapBuilder(cm)
                    .withData(Map.of("alertforge.yaml", alertforgeYaml))
                    .build());
  }

  /** The heartbeat alert claiming to come from {@code source} (unmanaged: no managed-by label). */
  static ObjectNode heartbeatFrom(String source) throws Exception {
    ObjectNode alert = load("payments/standalone/settlement-batch-heartbeat.yaml");
    ((ObjectNode) alert.path("metadata")).putObject("annotations").put(SOURCE, source);
    return alert;
  }

  static String message(JsonNode response) {
    return response.path("status").path("message").asText();
  }

  @Test
  void aMissingPolicyConfigMapDeniesWithItsNameAndNoServerError() throws Exception {
    client.configMaps().inNamespace("alert-manager-system").withName("alertforge-policy").delete();
    JsonNode denied =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("code").asInt()).isEqualTo(403);
    assertThat(message(denied))
        .isEqualTo(
            "AlertForge cannot check WavefrontAlert payments/settlement-batch-heartbeat: the policy"
                + " ConfigMap alert-manager-system/alertforge-policy does not exist; create it with"
                + " the key alertforge.yaml (--admission-policy-configmap)");

    Path crt = tmp.resolve("tls.crt");
    Path key = tmp.resolve("tls.key");
    X509Certificate cert = selfSigned("missing-policy", crt, key);
    try (AdmissionServer server =
        new AdmissionServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), crt, key, reviewer)) {
      HttpResponse<String> r = post(server, cert);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode answer = JSON.readTree(r.body()).path("response");
      assertThat(answer.path("allowed").asBoolean()).isFalse();
      assertThat(message(answer)).isEqualTo(message(denied));
    }
  }

  @Test
  void aPolicyConfigMapWithoutTheKeyDeniesWithItsName() throws Exception {
    client
        .configMaps()
        .inNamespace("alert-manager-system")
        .withName("alertforge-policy")
        .edit(cm -> new ConfigMapBuilder(cm).withData(Map.of("policy.yaml", "{}\n")).build());
    JsonNode denied =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(message(denied))
        .isEqualTo(
            "AlertForge cannot check WavefrontAlert payments/settlement-batch-heartbeat: the policy"
                + " ConfigMap alert-manager-system/alertforge-policy has no key alertforge.yaml");
  }

  @Test
  void aRuleScopedByNamespaceAppliesOnlyInItsNamespaces() throws Exception {
    String rule =
        "rules:\n  policy/required-tags:\n    options: {required: [\"owner:*\"]}\n    namespaces: ";
    usePolicy(rule + "[payments]\n");
    JsonNode denied =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(message(denied)).contains("error [policy/required-tags]").contains("owner:*");

    usePolicy(rule + "[checkout]\n");
    JsonNode allowed =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(allowed.path("allowed").asBoolean()).as(allowed.toString()).isTrue();
  }

  @Test
  void aRuleScopedByPathAppliesToTheObjectsSourcePath() throws Exception {
    usePolicy(
        "rules:\n  policy/required-tags:\n    options: {required: [\"owner:*\"]}\n"
            + "    paths: [\"payments/**\"]\n");
    JsonNode denied =
        response("CREATE", "alice", heartbeatFrom("payments/standalone/heartbeat.yaml"), null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(message(denied))
        .startsWith(
            "AlertForge denies WavefrontAlert payments/settlement-batch-heartbeat:"
                + " payments/standalone/heartbeat.yaml:")
        .contains("error [policy/required-tags]");

    JsonNode elsewhere = response("CREATE", "alice", heartbeatFrom("shared/heartbeat.yaml"), null);
    assertThat(elsewhere.path("allowed").asBoolean()).as(elsewhere.toString()).isTrue();
    JsonNode noPath =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(noPath.path("allowed").asBoolean()).as(noPath.toString()).isTrue();
  }

  @Test
  void theNamespacesOwnershipAppliesToTheSourcePath() throws Exception {
    JsonNode denied =
        response(
            "CREATE",
            "alice",
            heartbeatFrom("checkout/standalone/settlement-batch-heartbeat.yaml"),
            null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(message(denied))
        .isEqualTo(
            "AlertForge denies WavefrontAlert payments/settlement-batch-heartbeat:"
                + " checkout/standalone/settlement-batch-heartbeat.yaml:5:14: error"
                + " [namespace/isolation] WavefrontAlert settlement-batch-heartbeat is in namespace"
                + " payments, but checkout/standalone/settlement-batch-heartbeat.yaml is not one of"
                + " its paths (payments/**); this path may write namespace checkout; move the file,"
                + " or fix its namespace");

    JsonNode owned =
        response(
            "CREATE",
            "alice",
            heartbeatFrom("payments/standalone/settlement-batch-heartbeat.yaml"),
            null);
    assertThat(owned.path("allowed").asBoolean()).as(owned.toString()).isTrue();
    // no source path: no place in the repository that could own the namespace (RBAC decides)
    JsonNode unplaced =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(unplaced.path("allowed").asBoolean()).as(unplaced.toString()).isTrue();
  }

  @Test
  void aSourceAnnotationThatIsNoRepositoryPathIsNotUsed() throws Exception {
    for (String bad :
        new String[] {
          "../payments/x.yaml", "/etc/x.yaml", "payments/x.txt", ".github/x.yaml", "alertforge.yaml"
        }) {
      ObjectNode alert = heartbeatFrom(bad);
      ((ObjectNode) alert.path("spec")).put("severity", "apocalyptic");
      JsonNode denied = response("CREATE", "alice", alert, null);
      assertThat(message(denied))
          .as(bad)
          .startsWith(
              "AlertForge denies WavefrontAlert payments/settlement-batch-heartbeat: object.yaml:");
      assertThat(denied.path("warnings").toString())
          .as(bad)
          .contains(
              "the annotation alertforge.io/source is not a relative path to a .yaml or .yml file"
                  + " that the repository scan reads; the object is checked as object.yaml");
    }
  }

  @Test
  void aDuplicateAlertNameOfAnotherObjectInTheNamespaceDenies() throws Exception {
    ObjectNode existing = load("payments/standalone/settlement-batch-heartbeat.yaml");
    ((ObjectNode) existing.path("metadata")).put("name", "settlement-heartbeat-old");
    createInCluster(existing);

    ObjectNode alert = heartbeatFrom("payments/standalone/settlement-batch-heartbeat.yaml");
    JsonNode denied = response("CREATE", "alice", alert, null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    // one finding, the object's: the existing alert's own finding is not the reviewer's concern
    assertThat(message(denied))
        .isEqualTo(
            "AlertForge denies WavefrontAlert payments/settlement-batch-heartbeat:"
                + " payments/standalone/settlement-batch-heartbeat.yaml:10:14: error"
                + " [alert/duplicate-name] Wavefront alertName '[prod] payments - nightly"
                + " settlement batch did not complete' of payments/settlement-batch-heartbeat is"
                + " also rendered by payments/settlement-heartbeat-old"
                + " (in-the-cluster/payments/settlement-heartbeat-old.yaml:10:14); put a param such"
                + " as the app or cluster in alertName");

    // an UPDATE replaces the object itself: its version in the cluster is no duplicate
    deleteInCluster(existing);
    createInCluster(alert);
    ObjectNode edited = alert.deepCopy();
    ((ObjectNode) edited.path("spec")).put("minutes", 10);
    JsonNode updated = response("UPDATE", "alice", edited, alert);
    assertThat(updated.path("allowed").asBoolean()).as(updated.toString()).isTrue();
  }

  void deleteInCluster(ObjectNode object) {
    client
        .genericKubernetesResources(io.alertforge.controller.gitops.GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(object.path("metadata").path("namespace").asText())
        .withName(object.path("metadata").path("name").asText())
        .delete();
  }

  @Test
  void anAlertsConfigWhoseInstanceDuplicatesAnExistingAlertIsDeniedForItself() throws Exception {
    ObjectNode config = load("payments/apps/payments-ledger.yaml");
    String instanceName =
        new AlertCompiler()
            .compile(SAMPLE).alerts().stream()
                .filter(a -> "payments-ledger".equals(a.alertsConfig()))
                .findFirst()
                .orElseThrow()
                .alertName();
    createTemplatesInCluster();
    ObjectNode copy = load("payments/standalone/settlement-batch-heartbeat.yaml");
    ((ObjectNode) copy.path("metadata")).put("name", "ledger-copy");
    ((ObjectNode) copy.path("spec")).put("alertName", instanceName);
    createInCluster(copy);

    JsonNode denied = response("CREATE", "alice", config, null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(message(denied))
        .startsWith("AlertForge denies AlertsConfig payments/payments-ledger: object.yaml:")
        .contains("error [alert/duplicate-name] Wavefront alertName '" + instanceName + "'")
        .contains("is also rendered by payments/ledger-copy (in-the-cluster/payments/")
        .doesNotContain(": in-the-cluster/");
  }

  @Test
  void theControllersWritesOfGitManagedObjectsAreNotCompiledAgain() throws Exception {
    ObjectNode alert = load("payments/standalone/settlement-batch-heartbeat.yaml");
    ObjectNode meta = (ObjectNode) alert.path("metadata");
    meta.putObject("labels").put("app.kubernetes.io/managed-by", "alertforge");
    meta.putObject("annotations")
        .put(SOURCE, "payments/standalone/settlement-batch-heartbeat.yaml");
    // allowed by a newer commit's alertforge.yaml, not by the policy the webhook has now
    ((ObjectNode) alert.path("spec")).put("condition", "ts(~wavefront.internal.points) > 1");

    JsonNode fromGit = response("CREATE", CONTROLLER, alert, null);
    assertThat(fromGit.path("allowed").asBoolean()).as(fromGit.toString()).isTrue();

    meta.remove("labels"); // the same object, not managed from Git: compiled, and denied
    JsonNode byHand = response("CREATE", CONTROLLER, alert, null);
    assertThat(message(byHand)).contains("[policy/metric-allowlist]");
  }

  @Test
  void aPolicyWithErrorsDeniesWithItsFindings() throws Exception {
    usePolicy("rules:\n  policy/no-such-rule: {}\n");
    JsonNode denied =
        response(
            "CREATE", "alice", load("payments/standalone/settlement-batch-heartbeat.yaml"), null);
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(message(denied))
        .startsWith(
            "AlertForge denies WavefrontAlert payments/settlement-batch-heartbeat: alertforge.yaml:2:")
        .contains("policy/no-such-rule");
  }

  @Test
  void anAlertsConfigUsesTheTemplatesOfTheSharedTemplateNamespaces() throws Exception {
    for (Object doc :
        new Yaml()
            .loadAll(Files.readString(SAMPLE.resolve("platform/templates/wavefront-proxy.yaml")))) {
      createInCluster(JSON.valueToTree(doc));
    }
    ObjectNode config = load("platform/apps/wavefront-proxy.yaml");
    ((ObjectNode) config.path("metadata")).put("namespace", "checkout");

    usePolicy("{}\n");
    JsonNode unshared = response("CREATE", "alice", config, null);
    assertThat(unshared.path("allowed").asBoolean()).isFalse();
    assertThat(message(unshared)).contains("no WavefrontAlert template named");

    usePolicy("sharedTemplateNamespaces: [platform-observability]\n");
    JsonNode shared = response("CREATE", "alice", config, null);
    assertThat(shared.path("allowed").asBoolean()).as(shared.toString()).isTrue();
  }

  void createTemplatesInCluster() throws Exception {
    for (String t :
        new String[] {
          "pod-cpu-high", "pod-memory-high", "pod-restarts", "pvc-disk-usage", "http-latency-p99"
        }) {
      createInCluster(load("payments/templates/" + t + ".yaml"));
    }
  }

  void createInCluster(ObjectNode object) {
    client
        .genericKubernetesResources(io.alertforge.controller.gitops.GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(object.path("metadata").path("namespace").asText())
        .resource(JSON.convertValue(object, GenericKubernetesResource.class))
        .createOr(r -> r.update());
  }

  @Test
  void servesHttpsAndReloadsTheCertificateWhenItsFilesChange() throws Exception {
    Path crt = tmp.resolve("tls.crt");
    Path key = tmp.resolve("tls.key");
    X509Certificate first = selfSigned("first", crt, key);
    try (AdmissionServer server =
        new AdmissionServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), crt, key, reviewer)) {
      HttpResponse<String> r = post(server, first);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(r.body()).path("response").path("allowed").asBoolean()).isTrue();
      assertThat(peer(r)).isEqualTo(first);

      X509Certificate second = selfSigned("second", crt, key);
      Files.setLastModifiedTime(crt, FileTime.from(Instant.now().plusSeconds(5)));
      HttpResponse<String> after = post(server, second);
      assertThat(peer(after)).isEqualTo(second);
    }
  }

  private HttpResponse<String> post(AdmissionServer server, X509Certificate trusted)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", trusted);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
    String body =
        JSON.writeValueAsString(
            request(
                "CREATE",
                "alice",
                load("payments/standalone/settlement-batch-heartbeat.yaml"),
                null));
    return http.send(
        HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.port() + AdmissionServer.PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static X509Certificate peer(HttpResponse<?> r) throws Exception {
    return (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
  }

  /** A self-signed EC certificate for 127.0.0.1 made by keytool, written as PEM files. */
  private X509Certificate selfSigned(String name, Path crt, Path key) throws Exception {
    Path store = tmp.resolve(name + ".p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "w",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(store.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate("w");
    var mime = Base64.getMimeEncoder(64, "\n".getBytes());
    Files.writeString(
        crt,
        "-----BEGIN CERTIFICATE-----\n"
            + mime.encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + mime.encodeToString(ks.getKey("w", "changeit".toCharArray()).getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return cert;
  }
}
