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
            client, new AlertCompiler(), CONTROLLER, "alert-manager-system", "alertforge-policy");
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

    for (String t :
        new String[] {
          "pod-cpu-high", "pod-memory-high", "pod-restarts", "pvc-disk-usage", "http-latency-p99"
        }) {
      ObjectNode template = load("payments/templates/" + t + ".yaml");
      ((ObjectNode) template.path("metadata")).put("namespace", "payments");
      client
          .genericKubernetesResources(io.alertforge.controller.gitops.GitApplier.WAVEFRONT_ALERTS)
          .inNamespace("payments")
          .resource(JSON.convertValue(template, GenericKubernetesResource.class))
          .createOr(r -> r.update());
    }
    JsonNode allowed = response("CREATE", "alice", config, null);
    assertThat(allowed.path("allowed").asBoolean()).as(allowed.toString()).isTrue();
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
