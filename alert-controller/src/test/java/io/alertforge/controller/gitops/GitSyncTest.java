package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.Harness;
import io.alertforge.controller.ops.EventRecorder;
import io.alertforge.controller.reconcile.WavefrontAlertReconciler;
import io.alertforge.model.Annotations;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git source on the fabric8 CRUD mock (CRD registered), fetching over {@code file://} from a
 * real Git repository made with JGit that holds sample-repo.
 */
@EnableKubernetesMockClient(crud = true)
class GitSyncTest {
  static final String SYSTEM_NS = "alert-manager-system";
  static final AlertCompiler COMPILER = new AlertCompiler();

  static KubernetesClient client;

  @TempDir Path tmp;
  GitOrigin origin;
  GitSync sync;
  SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void crd() throws Exception {
    Harness.registerCrd(client);
  }

  @BeforeEach
  void setUp() throws Exception {
    origin = GitOrigin.withSampleRepo(tmp.resolve("origin"), "alerts");
  }

  @AfterEach
  void tearDown() {
    if (sync != null) {
      sync.close();
    }
    origin.close();
    Harness.cleanUp(client); // finalizers off, so that every object can go
    for (GenericKubernetesResource r : crs()) {
      client
          .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
          .inNamespace(r.getMetadata().getNamespace())
          .withName(r.getMetadata().getName())
          .delete();
    }
    client.configMaps().inNamespace(SYSTEM_NS).delete();
    client.v1().events().inNamespace(SYSTEM_NS).delete();
  }

  GitSync start(GitSourceSettings settings) throws Exception {
    return start(settings, Clock.systemUTC());
  }

  GitSync start(GitSourceSettings settings, Clock clock) throws Exception {
    sync =
        new GitSync(
            client,
            settings,
            COMPILER,
            registry,
            new EventRecorder(client, "git-sync-test", clock),
            clock);
    return sync;
  }

  GitSourceSettings settings() {
    return GitSourceSettings.builder(origin.url(), "main", tmp.resolve("cache"), SYSTEM_NS)
        .path("alerts")
        .build();
  }

  List<GenericKubernetesResource> crs() {
    return GitSourceFixture.crs(client);
  }

  GenericKubernetesResource cr(String namespace, String name) {
    return client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  /** The CR rendered from {@code template} for AlertsConfig {@code config}. */
  GenericKubernetesResource instance(String config, String template) {
    return crs().stream()
        .filter(c -> config.equals(c.getMetadata().getAnnotations().get(Annotations.ALERTS_CONFIG)))
        .filter(c -> template.equals(c.getMetadata().getAnnotations().get(Annotations.TEMPLATE)))
        .findFirst()
        .orElseThrow();
  }

  Map<String, String> status() {
    return GitSourceFixture.status(client);
  }

  List<String> eventReasons() {
    return GitSourceFixture.events(client).stream().map(Event::getReason).toList();
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  double syncs(String result) {
    var c = registry.find("alertforge.git.syncs").tag("result", result).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void firstSyncCreatesEveryRenderedAlertStampedWithTheCommit() throws Exception {
    int expected = COMPILER.compile(GitOrigin.SAMPLE).alerts().size();
    RevCommit head = origin.git.log().call().iterator().next();
    GitSync.Result r = start(settings()).sync();

    assertThat(r.state()).isEqualTo(GitSync.State.Applied);
    assertThat(r.created()).isEqualTo(expected).isGreaterThan(10);
    assertThat(crs()).hasSize(expected);
    assertThat(crs())
        .allSatisfy(
            cr -> {
              assertThat(cr.getMetadata().getLabels())
                  .containsEntry(Annotations.MANAGED_BY_LABEL, Annotations.MANAGED_BY);
              assertThat(cr.getMetadata().getAnnotations())
                  .containsEntry(Annotations.COMMIT, head.name())
                  .containsKey(Annotations.SPEC_HASH)
                  .containsKey(Annotations.SOURCE);
            });
    assertThat(status())
        .containsEntry("state", "Applied")
        .containsEntry("lastAppliedCommit", head.name())
        .containsEntry("created", Integer.toString(expected))
        .containsEntry("lastAppliedSubject", "sample-repo")
        .containsKey("lastAppliedTime");
    assertThat(eventReasons()).containsExactly("GitApplied");
    assertThat(syncs("Applied")).isEqualTo(1);
    assertThat(
            registry
                .get("alertforge.git.last.applied.objects")
                .tag("action", "created")
                .gauge()
                .value())
        .isEqualTo(expected);

    // nothing new: no write, no second event
    GitSync.Result again = sync.sync();
    assertThat(again.state()).isEqualTo(GitSync.State.Applied);
    assertThat(again.unchanged()).as(again.message()).isEqualTo(expected);
    assertThat(again.created() + again.updated() + again.pruned()).isZero();
    assertThat(eventReasons()).hasSize(1);
  }

  @Test
  void aChangeUpdatesOnlyThatAlertAndATemplateChangeFansOut() throws Exception {
    start(settings()).sync();
    GenericKubernetesResource before = instance("payments-ledger", "pod-restarts");
    String beforeVersion = before.getMetadata().getResourceVersion();
    client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace("payments")
        .withName(before.getMetadata().getName())
        .edit(
            r -> {
              r.getMetadata().getAnnotations().put("alertforge.io/burn-in-until", "kept");
              return r;
            });

    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml",
        "threshold: \"1\"      # a restarting",
        "threshold: \"2\"      # a restarting");
    RevCommit change = origin.commit("ledger: tolerate one restart");
    GitSync.Result r = sync.sync();

    assertThat(r.state()).isEqualTo(GitSync.State.Applied);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.created() + r.pruned()).isZero();
    GenericKubernetesResource after = cr("payments", before.getMetadata().getName());
    assertThat(after.getMetadata().getResourceVersion()).isNotEqualTo(beforeVersion);
    assertThat(after.getMetadata().getAnnotations())
        .containsEntry(Annotations.COMMIT, change.name())
        .containsEntry("alertforge.io/burn-in-until", "kept");
    assertThat(
            ((Map<?, ?>) after.getAdditionalProperties().get("spec")).get("condition").toString())
        .contains("> 2");

    // the payments template: every payments instance of it changes, nothing else
    long instances =
        crs().stream()
            .filter(
                c ->
                    "pod-restarts"
                        .equals(c.getMetadata().getAnnotations().get(Annotations.TEMPLATE)))
            .filter(c -> c.getMetadata().getNamespace().equals("payments"))
            .count();
    assertThat(instances).isGreaterThanOrEqualTo(2);
    origin.replace(
        "alerts/payments/templates/pod-restarts.yaml",
        "resolveAfterMinutes: 15",
        "resolveAfterMinutes: 20");
    RevCommit template = origin.commit("pod-restarts: resolve after 20 minutes");
    GitSync.Result fan = sync.sync();
    assertThat(fan.state()).isEqualTo(GitSync.State.Applied);
    assertThat(fan.updated()).isEqualTo((int) instances);
    assertThat(
            crs().stream()
                .filter(
                    c ->
                        template
                            .name()
                            .equals(c.getMetadata().getAnnotations().get(Annotations.COMMIT))))
        .hasSize((int) instances);
  }

  @Test
  void aDeletedAlertsConfigIsPrunedButKeptAndUnmanagedObjectsStay() throws Exception {
    int total = start(settings()).sync().created();
    List<String> ledger =
        crs().stream()
            .filter(
                c ->
                    "payments-ledger"
                        .equals(c.getMetadata().getAnnotations().get(Annotations.ALERTS_CONFIG)))
            .map(c -> c.getMetadata().getName())
            .toList();
    assertThat(ledger).hasSizeGreaterThan(1);
    // one of them is annotated to be kept; and an object made by hand, not managed
    client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace("payments")
        .withName(ledger.get(0))
        .edit(
            r -> {
              r.getMetadata().getAnnotations().put(Annotations.PRUNE, "disabled");
              return r;
            });
    GenericKubernetesResource manual = new GenericKubernetesResource();
    manual.setApiVersion("alertmanager.keikoproj.io/v1alpha1");
    manual.setKind("WavefrontAlert");
    manual.setMetadata(
        new ObjectMetaBuilder().withName("by-hand").withNamespace("payments").build());
    manual.setAdditionalProperty("spec", Map.of("alertName", "by hand"));
    client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace("payments")
        .resource(manual)
        .create();

    Files.delete(origin.file("alerts/payments/apps/payments-ledger.yaml"));
    origin.commit("retire payments-ledger");
    GitSync.Result r = sync.sync();

    assertThat(r.state()).isEqualTo(GitSync.State.Applied);
    assertThat(r.pruned()).isEqualTo(ledger.size() - 1);
    assertThat(r.message()).contains("1 kept (prune disabled)");
    assertThat(cr("payments", ledger.get(0))).isNotNull();
    assertThat(cr("payments", ledger.get(1))).isNull();
    assertThat(cr("payments", "by-hand")).isNotNull();
    assertThat(crs()).hasSize(total - ledger.size() + 1 + 1);
  }

  @Test
  void aCommitThatFailsLintAppliesNothingAndKeepsTheLastGoodCommit() throws Exception {
    RevCommit good = origin.git.log().call().iterator().next();
    start(settings()).sync();
    var versions = crs().stream().map(c -> c.getMetadata().getResourceVersion()).toList();

    origin.replace(
        "alerts/payments/standalone/settlement-batch-heartbeat.yaml",
        "severity: severe",
        "severity: apocalyptic");
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"80\"");
    RevCommit bad = origin.commit("bad severity");
    GitSync.Result r = sync.sync();

    assertThat(r.state()).isEqualTo(GitSync.State.CompileFailed);
    assertThat(r.commit()).isEqualTo(bad.name());
    assertThat(r.message())
        .contains("nothing applied")
        .contains(good.name().substring(0, 12))
        .contains("settlement-batch-heartbeat.yaml");
    assertThat(crs().stream().map(c -> c.getMetadata().getResourceVersion()).toList())
        .isEqualTo(versions);
    assertThat(status())
        .containsEntry("state", "CompileFailed")
        .containsEntry("lastAppliedCommit", good.name())
        .containsEntry("lastAttemptCommit", bad.name());
    assertThat(eventReasons()).containsExactlyInAnyOrder("GitApplied", "GitCompileFailed");
    assertThat(syncs("CompileFailed")).isEqualTo(1);
    assertThat(sync.lastAppliedCommit()).isEqualTo(good.name());

    // the next interval: the same failure is counted, not reported again
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.CompileFailed);
    assertThat(syncs("CompileFailed")).isEqualTo(2);
    assertThat(eventReasons()).containsExactlyInAnyOrder("GitApplied", "GitCompileFailed");
  }

  @Test
  void aCommitThatWouldPruneEverythingIsRefusedUnlessItsMessageAllowsIt() throws Exception {
    int total = start(settings()).sync().created();
    for (String dir : List.of("payments", "checkout", "platform")) {
      deleteTree(origin.file("alerts/" + dir));
    }
    origin.commit("oops");
    GitSync.Result refused = sync.sync();
    assertThat(refused.state()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(refused.message())
        .contains(
            " except "
                + total
                + " deletions, which wait for approval: the commit would delete all "
                + total
                + " WavefrontAlerts managed from Git")
        .contains("AlertForge-Allow-Prune: true");
    assertThat(crs()).hasSize(total);
    assertThat(status()).containsEntry("state", "PruneHeld");

    origin
        .git
        .commit()
        .setAllowEmpty(true)
        .setMessage("retire all alerts\n\nAlertForge-Allow-Prune: true")
        .call();
    GitSync.Result allowed = sync.sync();
    assertThat(allowed.state()).isEqualTo(GitSync.State.Applied);
    assertThat(allowed.pruned()).isEqualTo(total);
    assertThat(crs()).isEmpty();
  }

  @Test
  void moreThanHalfIsRefusedButTheFlagAllowsIt() throws Exception {
    int total = start(settings()).sync().created();
    deleteTree(origin.file("alerts/payments"));
    deleteTree(origin.file("alerts/checkout"));
    origin.commit("drop two teams");
    GitSync.Result refused = sync.sync();
    assertThat(refused.state()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(refused.message()).contains("(more than 50%)");
    sync.close();

    GitSync.Result allowed = start(settings().toBuilder().allowMassPrune(true).build()).sync();
    assertThat(allowed.state()).isEqualTo(GitSync.State.Applied);
    assertThat(allowed.pruned()).isGreaterThan(total / 2);
  }

  @Test
  void aForcePushIsFollowed() throws Exception {
    RevCommit first = origin.git.log().call().iterator().next();
    start(settings()).sync();
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
    origin.commit("tighten disk");
    sync.sync();

    origin.resetHard(first);
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"60\"");
    RevCommit rewritten = origin.commit("tighten disk more (rewritten history)");
    GitSync.Result r = sync.sync();

    assertThat(r.state()).isEqualTo(GitSync.State.Applied);
    assertThat(r.commit()).isEqualTo(rewritten.name());
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.message()).contains("force-push");
  }

  @Test
  void aMissingBranchOrRepositoryIsReportedAndChangesNothing() throws Exception {
    start(settings()).sync();
    sync.close();
    GitSync.Result r =
        start(
                GitSourceSettings.builder(origin.url(), "release", tmp.resolve("cache"), SYSTEM_NS)
                    .path("alerts")
                    .build())
            .sync();
    assertThat(r.state()).isEqualTo(GitSync.State.FetchFailed);
    assertThat(r.message()).contains("release");
    assertThat(status()).containsEntry("state", "FetchFailed").containsKey("lastAppliedCommit");
    assertThat(crs()).isNotEmpty();
  }

  @Test
  void burnInIsStampedOnTheFirstApplyAndKeptAcrossUpdates() throws Exception {
    origin.write(
        "alerts/alertforge.yaml",
        java.nio.file.Files.readString(origin.file("alerts/alertforge.yaml"))
            + "\nburnIn:\n  period: 7d\n  targets:\n    payments: payments-burn-in@example.com\n");
    origin.commit("burn-in");
    java.time.Instant t0 = java.time.Instant.parse("2026-11-27T08:00:00Z");
    start(settings(), Clock.fixed(t0, java.time.ZoneOffset.UTC)).sync();
    GenericKubernetesResource ledger = instance("payments-ledger", "pod-restarts");
    assertThat(ledger.getMetadata().getAnnotations())
        .containsEntry(Annotations.BURN_IN_UNTIL, "2026-12-04T08:00:00Z")
        .containsEntry(Annotations.BURN_IN_TARGET, "payments-burn-in@example.com")
        .containsEntry(Annotations.BURN_IN_PERIOD, "7d");
    assertThat(
            crs().stream()
                .filter(c -> c.getMetadata().getNamespace().equals("checkout"))
                .map(c -> c.getMetadata().getAnnotations()))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a).doesNotContainKey(Annotations.BURN_IN_UNTIL));
    sync.close();

    // a day later, a change: the stamp of the first apply stays
    start(settings(), Clock.fixed(t0.plus(java.time.Duration.ofDays(1)), java.time.ZoneOffset.UTC));
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml",
        "threshold: \"1\"      # a restarting",
        "threshold: \"2\"      # a restarting");
    origin.commit("ledger: tolerate one restart");
    assertThat(sync.sync().updated()).isEqualTo(1);
    assertThat(cr("payments", ledger.getMetadata().getName()).getMetadata().getAnnotations())
        .containsEntry(Annotations.BURN_IN_UNTIL, "2026-12-04T08:00:00Z");
  }

  /** What the Git applier plans for the origin's working tree as commit {@code commit}. */
  GitApplier.Plan planOf(RevCommit commit) throws Exception {
    return GitApplier.plan(
        COMPILER.compile(origin.file("alerts")).alerts().stream()
            .map(a -> GitApplier.desired(a, commit.name()))
            .toList(),
        new GitApplier(client).managed(),
        java.time.Instant.now());
  }

  void annotate(String namespace, String name, String key, String value) {
    client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            r -> {
              r.getMetadata().getAnnotations().put(key, value);
              return r;
            });
  }

  static String condition(GenericKubernetesResource cr) {
    return ((Map<?, ?>) cr.getAdditionalProperties().get("spec")).get("condition").toString();
  }

  @Test
  void anUpdateThatMeetsAConcurrentChangeIsReportedAndRetriedWhileTheOthersApply()
      throws Exception {
    start(settings()).sync();
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml",
        "threshold: \"1\"      # a restarting",
        "threshold: \"2\"      # a restarting");
    RevCommit change = origin.commit("ledger: disk at 70%, one restart tolerated");
    GitApplier.Plan plan = planOf(change);
    assertThat(plan.update())
        .extracting(GitApplier::key)
        .containsExactlyInAnyOrder(
            "payments/payments-ledger.pvc-disk-usage", "payments/payments-ledger.pod-restarts");

    // between the plan and the apply, someone annotates one of them: its resourceVersion moves
    annotate("payments", "payments-ledger.pvc-disk-usage", "example.com/owner", "sre");
    GitApplier.Outcome out = new GitApplier(client).apply(plan);
    assertThat(out.errors())
        .containsExactly(
            "payments/payments-ledger.pvc-disk-usage: changed while applying (resourceVersion"
                + " conflict); retried next sync");
    assertThat(out.updated()).isEqualTo(1);
    assertThat(commitOf("payments", "payments-ledger.pod-restarts")).isEqualTo(change.name());
    GenericKubernetesResource disk = cr("payments", "payments-ledger.pvc-disk-usage");
    assertThat(condition(disk)).contains("> 75");

    // the next sync plans again from what is there now, and keeps the concurrent annotation
    GitSync.Result r = sync.sync();
    assertThat(r.state()).as(r.message()).isEqualTo(GitSync.State.Applied);
    assertThat(r.updated()).isEqualTo(1);
    disk = cr("payments", "payments-ledger.pvc-disk-usage");
    assertThat(condition(disk)).contains("> 70");
    assertThat(disk.getMetadata().getAnnotations())
        .containsEntry("example.com/owner", "sre")
        .containsEntry(Annotations.COMMIT, change.name());
  }

  String commitOf(String namespace, String name) {
    return cr(namespace, name).getMetadata().getAnnotations().get(Annotations.COMMIT);
  }

  @Test
  void aPruneOfAnObjectChangedSinceThePlanIsNotMade() throws Exception {
    start(settings()).sync();
    Files.delete(origin.file("alerts/payments/apps/payments-api.yaml"));
    RevCommit retire = origin.commit("retire payments-api");
    GitApplier.Plan plan = planOf(retire);
    assertThat(plan.prune()).hasSize(5);

    // between the plan and the apply, someone asks to keep one of them
    annotate("payments", "payments-api.pod-restarts", Annotations.PRUNE, "disabled");
    GitApplier.Outcome out = new GitApplier(client).apply(plan);
    assertThat(out.errors())
        .containsExactly(
            "payments/payments-api.pod-restarts: changed since the plan; not deleted, planned"
                + " again next sync");
    assertThat(out.pruned()).isEqualTo(4);
    assertThat(cr("payments", "payments-api.pod-restarts")).isNotNull();

    // planned again, it is kept
    GitSync.Result r = sync.sync();
    assertThat(r.state()).as(r.message()).isEqualTo(GitSync.State.Applied);
    assertThat(r.pruned()).isZero();
    assertThat(r.message()).contains("1 kept (prune disabled)");
    assertThat(cr("payments", "payments-api.pod-restarts")).isNotNull();
  }

  @Test
  void aCreateOverAnUnmanagedObjectFailsForThatObjectAloneAndIsReportedOnce() throws Exception {
    GenericKubernetesResource manual = new GenericKubernetesResource();
    manual.setApiVersion("alertmanager.keikoproj.io/v1alpha1");
    manual.setKind("WavefrontAlert");
    manual.setMetadata(
        new ObjectMetaBuilder()
            .withName("settlement-batch-heartbeat")
            .withNamespace("payments")
            .build());
    manual.setAdditionalProperty("spec", Map.of("alertName", "by hand"));
    client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace("payments")
        .resource(manual)
        .create();
    int expected = COMPILER.compile(GitOrigin.SAMPLE).alerts().size();

    GitSync.Result r = start(settings()).sync();
    assertThat(r.state()).isEqualTo(GitSync.State.ApplyFailed);
    assertThat(r.message())
        .isEqualTo(
            "payments/settlement-batch-heartbeat: exists and is not managed by AlertForge; left"
                + " alone");
    assertThat(r.created()).isEqualTo(expected - 1);
    assertThat(crs()).hasSize(expected);
    GenericKubernetesResource left = cr("payments", "settlement-batch-heartbeat");
    assertThat(left.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(left.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("alertName", "by hand"));
    assertThat(status())
        .containsEntry("state", "ApplyFailed")
        .containsEntry("message", r.message())
        .doesNotContainKey("lastAppliedCommit");
    assertThat(eventReasons()).containsExactly("GitApplyFailed");

    // the next interval: retried, the same failure, counted and not reported again
    GitSync.Result again = sync.sync();
    assertThat(again.state()).isEqualTo(GitSync.State.ApplyFailed);
    assertThat(again.created()).isZero();
    assertThat(syncs("ApplyFailed")).isEqualTo(2);
    assertThat(eventReasons()).containsExactly("GitApplyFailed");
  }

  @Test
  void deletingATemplateStillInUseAppliesNothing() throws Exception {
    RevCommit good = origin.git.log().call().iterator().next();
    start(settings()).sync();
    var versions = crs().stream().map(c -> c.getMetadata().getResourceVersion()).toList();

    Files.delete(origin.file("alerts/payments/templates/http-latency-p99.yaml"));
    origin.replace(
        "alerts/payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
    origin.commit("drop the latency template");
    GitSync.Result r = sync.sync();
    assertThat(r.state()).isEqualTo(GitSync.State.CompileFailed);
    assertThat(r.message())
        .contains("nothing applied, the cluster stays at " + good.name().substring(0, 12))
        .contains("payments/apps/payments-api.yaml:28:5: error [reference/unknown-template]")
        .contains("payments/apps/payments-ledger.yaml:31:5: error [reference/unknown-template]");
    assertThat(crs().stream().map(c -> c.getMetadata().getResourceVersion()).toList())
        .isEqualTo(versions);
    assertThat(status()).containsEntry("lastAppliedCommit", good.name());
  }

  @Test
  void deletingATemplateWithItsAlertsConfigsPrunesTheInstancesUnderTheGuard() throws Exception {
    int total = start(settings()).sync().created();
    List<String> instances =
        crs().stream()
            .filter(c -> c.getMetadata().getNamespace().equals("payments"))
            .filter(c -> c.getMetadata().getAnnotations().containsKey(Annotations.ALERTS_CONFIG))
            .map(GitApplier::key)
            .toList();
    assertThat(instances).hasSize(10);
    for (String file :
        List.of(
            "templates/http-latency-p99.yaml",
            "apps/payments-api.yaml",
            "apps/payments-ledger.yaml")) {
      Files.delete(origin.file("alerts/payments/" + file));
    }
    RevCommit retire = origin.commit("retire the payments services and their latency template");
    GitSync.Result r = sync.sync();
    assertThat(r.state()).as(r.message()).isEqualTo(GitSync.State.Applied);
    assertThat(r.pruned()).isEqualTo(instances.size());
    assertThat(crs()).hasSize(total - instances.size());
    assertThat(status().get("pruneHistory"))
        .endsWith(" pruned 10 of " + total + " at " + retire.name().substring(0, 12));

    // counted by the guard: five more within the window pass half of the 29
    deleteTree(origin.file("alerts/checkout/apps/checkout-cart.yaml"));
    origin.commit("retire checkout-cart");
    GitSync.Result held = sync.sync();
    assertThat(held.state()).as(held.message()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(held.message()).contains("with the 10 pruned since");
  }

  @Test
  void anObjectStillBeingDeletedIsNeitherPrunedNorCountedAgain() throws Exception {
    start(settings()).sync();
    List<String> ledger =
        crs().stream()
            .filter(
                c ->
                    "payments-ledger"
                        .equals(c.getMetadata().getAnnotations().get(Annotations.ALERTS_CONFIG)))
            .map(c -> c.getMetadata().getName())
            .toList();
    // the Wavefront sync's finalizer keeps a deleted object until its alert is gone from Wavefront
    var alerts =
        client.genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS).inNamespace("payments");
    for (String name : ledger) {
      alerts
          .withName(name)
          .edit(
              r -> {
                r.getMetadata().getFinalizers().add(WavefrontAlertReconciler.FINALIZER);
                return r;
              });
    }
    Files.delete(origin.file("alerts/payments/apps/payments-ledger.yaml"));
    RevCommit retire = origin.commit("retire payments-ledger");
    assertThat(sync.sync().pruned()).isEqualTo(ledger.size());
    assertThat(cr("payments", ledger.get(0)).getMetadata().getDeletionTimestamp()).isNotNull();

    // the next interval, while Wavefront has not answered: nothing to prune, nothing counted twice
    GitSync.Result again = sync.sync();
    assertThat(again.state()).as(again.message()).isEqualTo(GitSync.State.Applied);
    assertThat(again.pruned()).isZero();
    assertThat(status().get("pruneHistory"))
        .matches("\\S+ pruned " + ledger.size() + " of \\d+ at " + retire.name().substring(0, 12));
    assertThat(eventReasons()).containsExactly("GitApplied", "GitApplied");

    for (String name : ledger) {
      alerts
          .withName(name)
          .edit(
              r -> {
                r.getMetadata().getFinalizers().remove(WavefrontAlertReconciler.FINALIZER);
                return r;
              });
    }
    assertThat(ledger).allSatisfy(name -> assertThat(cr("payments", name)).isNull());
  }
}
