package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.controller.AlertController;
import io.alertforge.controller.Harness;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.WavefrontRequest;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git source over HTTP with credentials, the push webhook, and the whole chain: a commit, the
 * CRs on the mock, the alerts in the Wavefront emulator.
 */
@EnableKubernetesMockClient(crud = true)
class GitSourceEndToEndTest {
  static final String TOKEN = "ghp_s3cret-git-token";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  static KubernetesClient client;

  @TempDir Path tmp;
  GitSourceFixture fixture;
  GitOrigin origin;
  DumbGitHttpServer http;
  GitSync sync;
  GitWebhook webhook;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new GitSourceFixture(client, tmp.resolve("origin"));
    origin = fixture.origin;
    http =
        fixture.closeAfter(
            new DumbGitHttpServer(origin.git.getRepository(), "x-access-token", TOKEN));
    Files.writeString(tmp.resolve("token"), TOKEN + "\n");
    Files.writeString(tmp.resolve("hook-secret"), "hook-secret\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  GitSourceSettings httpSettings() {
    return GitSourceSettings.builder(
            http.url(), "main", tmp.resolve("cache"), GitSourceFixture.SYSTEM_NS)
        .allowInsecureGit(true)
        .credentials(null, tmp.resolve("token"))
        .build();
  }

  GitSync newSync(GitSourceSettings settings) throws Exception {
    sync = fixture.newSync(settings);
    return sync;
  }

  @Test
  void fetchesOverHttpWithATokenAndReportsAWrongOneWithoutLeakingIt() throws Exception {
    GitSync.Result ok = newSync(httpSettings()).sync();
    assertThat(ok.state()).as(ok.message()).isEqualTo(GitSync.State.Applied);
    int count = fixture.crCount();
    assertThat(count).isEqualTo(ok.created()).isGreaterThan(10);

    Files.writeString(tmp.resolve("token"), "ghp_wrong-token");
    origin.replace("payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
    origin.commit("not fetched");
    GitSync.Result wrong = sync.sync();
    assertThat(wrong.state()).isEqualTo(GitSync.State.FetchFailed);
    assertThat(wrong.message()).contains("not authorized").doesNotContain("ghp_");
    assertThat(fixture.crCount()).isEqualTo(count);

    // rotated back: no restart needed
    Files.writeString(tmp.resolve("token"), TOKEN);
    GitSync.Result again = sync.sync();
    assertThat(again.state()).isEqualTo(GitSync.State.Applied);
    assertThat(again.updated()).isEqualTo(1);
  }

  @Test
  void closingLetsASyncInFlightFinishRatherThanFailIt() throws Exception {
    http.gate = new CountDownLatch(1);
    newSync(httpSettings()).trigger();
    assertThat(http.waiting.tryAcquire(20, TimeUnit.SECONDS))
        .as("the fetch reached the host")
        .isTrue();

    CompletableFuture<Void> closed = CompletableFuture.runAsync(sync::close);
    // the host answers only once close() has begun to wait for the sync
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !closed.isDone());
    http.gate.countDown();
    closed.get(30, TimeUnit.SECONDS);

    GitSync.Result result = sync.lastResult();
    assertThat(result).as("close() returned before the sync ended").isNotNull();
    assertThat(result.state()).as(result.message()).isEqualTo(GitSync.State.Applied);
    assertThat(fixture.crCount()).isEqualTo(result.created()).isGreaterThan(10);
  }

  @Test
  void theWebhookTriggersASyncOnlyWithAValidSignature() throws Exception {
    newSync(httpSettings());
    webhook =
        fixture.closeAfter(
            new GitWebhook(tmp.resolve("hook-secret"), sync::trigger)
                .serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
    String good =
        "sha256=" + HexFormat.of().formatHex(GitWebhook.hmac("hook-secret".getBytes(), body));
    String bad = "sha256=" + HexFormat.of().formatHex(GitWebhook.hmac("guess".getBytes(), body));

    assertThat(post(body, bad, "push")).isEqualTo(401);
    assertThat(post(body, null, "push")).isEqualTo(401);
    assertThat(post(body, "sha256=zz", "push")).isEqualTo(401);
    Thread.sleep(300);
    assertThat(sync.lastResult()).as("no sync after a bad signature").isNull();
    assertThat(post(body, good, "ping")).isEqualTo(200);
    Thread.sleep(300);
    assertThat(sync.lastResult()).isNull();

    assertThat(post(body, good, "push")).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> sync.lastResult() != null);
    assertThat(sync.lastResult().state()).isEqualTo(GitSync.State.Applied);
    assertThat(fixture.crCount()).isGreaterThan(10);
  }

  private int post(byte[] body, String signature, String event) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhook.port() + GitWebhook.PATH))
            .header("X-GitHub-Event", event)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      b.header("X-Hub-Signature-256", signature);
    }
    return HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aCommitReachesWavefrontThroughTheCluster() throws Exception {
    fixture.closeAfter(Harness.start(client, wavefront.emulator()));
    GitSync.Result first = newSync(httpSettings()).sync();
    int alerts = first.created();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> wavefront.store().size() == alerts);

    origin.replace("payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
    RevCommit change = origin.commit("ledger disk at 70%");
    assertThat(sync.sync().updated()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                wavefront.store().alerts().stream()
                    .anyMatch(a -> a.path("condition").asText().contains("> 70")));
    assertThat(wavefront.store().size()).isEqualTo(alerts);

    java.nio.file.Files.delete(origin.file("payments/apps/payments-ledger.yaml"));
    origin.commit("retire the ledger");
    GitSync.Result pruned = sync.sync();
    assertThat(pruned.pruned()).isGreaterThan(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> wavefront.store().size() == alerts - pruned.pruned());
    assertThat(change.name()).isNotBlank();
  }

  /**
   * What the compiler computes for a rendered alert (alert-model's mapping, for this controller's
   * cluster) is exactly what reaches Wavefront for it: through the Git source, the cluster, the
   * typed CR, the reconciler and the Wavefront client.
   */
  @Test
  void everyRenderedAlertReachesWavefrontAsTheCompilersRequestBody() throws Exception {
    AlertController.Settings settings = Harness.settings();
    fixture.closeAfter(
        Harness.start(
            client, wavefront.emulator(), settings, FileTokenSource.fixed(Harness.TOKEN)));
    int alerts = newSync(httpSettings()).sync().created();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> wavefront.store().size() == alerts);

    OwnershipTag cluster = new OwnershipTag(settings.clusterName());
    Instant now = Instant.now();
    Map<String, JsonNode> computed = new TreeMap<>();
    for (RenderedAlert alert : new AlertCompiler().compile(GitOrigin.SAMPLE).alerts()) {
      WavefrontRequest request = alert.wavefrontRequest(now, cluster);
      computed.put(request.name(), request.body());
    }
    Map<String, JsonNode> sent = new TreeMap<>();
    for (RecordedRequest post : wavefront.requests().entries("POST", "/api/v2/alert")) {
      JsonNode body = JSON.readTree(post.body());
      sent.put(body.path("name").asText(), body);
    }

    assertThat(computed).hasSize(alerts);
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(alerts);
    assertThat(sent.keySet()).isEqualTo(computed.keySet());
    computed.forEach((name, body) -> assertThat(sent.get(name)).as(name).isEqualTo(body));
  }

  @Test
  void aNewAlertBurnsInThenSwitchesToItsOwnTargetByItself() throws Exception {
    Files.writeString(
        origin.file("alertforge.yaml"),
        Files.readString(origin.file("alertforge.yaml"))
            + "\nburnIn:\n  period: 7d\n  targets:\n    payments: payments-burn-in@example.com\n");
    origin.commit("burn in new payments alerts");
    fixture.closeAfter(Harness.start(client, wavefront.emulator()));
    // the Git source's clock runs 7 days minus 4 s behind: the stamps end 4 s from now
    sync =
        fixture.newSync(
            httpSettings(), Clock.offset(Clock.systemUTC(), Duration.ofDays(-7).plusSeconds(4)));
    int alerts = sync.sync().created();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> wavefront.store().size() == alerts);

    var payments =
        wavefront.store().alerts().stream()
            .filter(a -> wavefront.store().tags(a.path("id").asText()).contains("team:payments"))
            .toList();
    assertThat(payments).isNotEmpty();
    assertThat(payments)
        .allSatisfy(
            a -> {
              assertThat(a.path("target").asText()).isEqualTo("payments-burn-in@example.com");
              assertThat(wavefront.store().tags(a.path("id").asText())).contains("burn-in");
            });
    assertThat(
            wavefront.store().alerts().stream()
                .filter(a -> wavefront.store().tags(a.path("id").asText()).contains("burn-in")))
        .hasSize(payments.size());

    // the window ends: every payments alert gets its own target back, without a commit
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                wavefront.store().alerts().stream()
                    .noneMatch(
                        a ->
                            wavefront.store().tags(a.path("id").asText()).contains("burn-in")
                                || a.path("target").asText().contains("burn-in")));
    assertThat(wavefront.store().size()).isEqualTo(alerts);
  }
}
