package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.controller.TestClock;
import io.alertforge.model.Annotations;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prune guard over its window, on the fabric8 CRUD mock with real JGit repositories (sample-
 * repo): erosion by commits that each stay under the ratio, the window sliding, the trailer on any
 * commit since the last applied one, a hold that applies the rest of its commit and of later ones,
 * and the history read back by a new process.
 */
@EnableKubernetesMockClient(crud = true)
class GitPruneGuardTest {
  static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  // sample-repo files and the alerts they render: 8, 5, 1, 5, 2, 5, 3 of 29
  static final String CHECKOUT_WEB = "checkout/apps/checkout-web.yaml";
  static final String CHECKOUT_CART = "checkout/apps/checkout-cart.yaml";
  static final String HEARTBEAT = "payments/standalone/settlement-batch-heartbeat.yaml";
  static final String LEDGER = "payments/apps/payments-ledger.yaml";
  static final String CLUSTER_HEALTH = "platform/standalone/cluster-health.yaml";
  static final String PAYMENTS_API = "payments/apps/payments-api.yaml";
  static final String PROXY = "platform/apps/wavefront-proxy.yaml";

  static KubernetesClient client;

  @TempDir Path tmp;
  GitSourceFixture fixture;
  GitOrigin origin;
  final TestClock clock = new TestClock(T0);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void setUp() throws Exception {
    fixture = new GitSourceFixture(client, tmp.resolve("origin"));
    origin = fixture.origin;
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  GitSourceSettings settings() {
    return GitSourceSettings.builder(
            origin.url(), "main", tmp.resolve("cache"), GitSourceFixture.SYSTEM_NS)
        .build();
  }

  GitSync newSync() throws Exception {
    return fixture.newSync(settings(), clock, registry);
  }

  /** A new process: its own registry, and only what the cluster and the ConfigMap say. */
  GitSync restarted() throws Exception {
    return fixture.newSync(settings(), clock, new SimpleMeterRegistry());
  }

  /** The managed objects rendered from {@code files}: namespace/name, sorted. */
  List<String> renderedFrom(String... files) {
    Set<String> sources = Set.of(files);
    return GitSourceFixture.crs(client).stream()
        .filter(c -> sources.contains(c.getMetadata().getAnnotations().get(Annotations.SOURCE)))
        .map(GitApplier::key)
        .sorted()
        .toList();
  }

  RevCommit delete(String message, String... files) throws Exception {
    for (String file : files) {
      Files.delete(origin.file(file));
    }
    return origin.commit(message);
  }

  GenericKubernetesResource cr(String namespace, String name) {
    return client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  static String commitOf(GenericKubernetesResource cr) {
    return cr.getMetadata().getAnnotations().get(Annotations.COMMIT);
  }

  Map<String, String> status() {
    return GitSourceFixture.status(client);
  }

  List<String> eventReasons() {
    return GitSourceFixture.events(client).stream().map(Event::getReason).toList();
  }

  double syncs(String result) {
    var c = registry.find("alertforge.git.syncs").tag("result", result).counter();
    return c == null ? 0 : c.count();
  }

  static String shortId(RevCommit commit) {
    return commit.name().substring(0, 12);
  }

  /**
   * Applies the sample, then a commit deleting just under half (14 of 29) at T0, then, an hour
   * later, a commit deleting just under half of what is left (7 of 15). Returns that second one's
   * objects, which the guard holds: 21 of 29 within the window.
   */
  List<String> erodeUntilHeld(GitSync sync) throws Exception {
    int total = sync.sync().created();
    List<String> first = renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, HEARTBEAT);
    assertThat((double) first.size() / total).as("just under the ratio").isBetween(0.45, 0.5);
    RevCommit c1 =
        delete(
            "retire checkout and the settlement heartbeat", CHECKOUT_WEB, CHECKOUT_CART, HEARTBEAT);
    GitSync.Result applied = sync.sync();
    assertThat(applied.state()).as(applied.message()).isEqualTo(GitSync.State.Applied);
    assertThat(applied.pruned()).isEqualTo(first.size());
    assertThat(status())
        .containsEntry(
            "pruneHistory", T0 + " pruned " + first.size() + " of " + total + " at " + shortId(c1));

    clock.advance(Duration.ofHours(1));
    List<String> second = renderedFrom(LEDGER, CLUSTER_HEALTH);
    int left = total - first.size();
    assertThat((double) second.size() / left).as("just under the ratio").isBetween(0.4, 0.5);
    delete("retire the ledger and the cluster health alerts", LEDGER, CLUSTER_HEALTH);
    GitSync.Result held = sync.sync();
    assertThat(held.state()).as(held.message()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(held.pruned()).isZero();
    assertThat(held.message())
        .contains(
            "the commit would delete "
                + second.size()
                + " WavefrontAlerts; with the "
                + first.size()
                + " pruned since "
                + T0
                + " that is "
                + (first.size() + second.size())
                + " of "
                + total
                + " managed from Git within --git-prune-window 24h (more than 50%)");
    assertThat(renderedFrom(LEDGER, CLUSTER_HEALTH)).isEqualTo(second);
    assertThat(status())
        .containsEntry("state", "PruneHeld")
        .containsEntry("pruneHeldCount", Integer.toString(second.size()))
        .containsEntry("pruneHeld", String.join("\n", second));
    return second;
  }

  @Test
  void commitsThatEachStayUnderTheRatioAreHeldOnceTheWindowsSharePassesIt() throws Exception {
    erodeUntilHeld(newSync());
    assertThat(eventReasons())
        .containsExactlyInAnyOrder("GitApplied", "GitApplied", "GitPruneHeld");
    assertThat(syncs("PruneHeld")).isEqualTo(1);
  }

  @Test
  void theWindowSlidingPastAPruneLetsTheHeldDeletionsThrough() throws Exception {
    GitSync sync = newSync();
    List<String> held = erodeUntilHeld(sync);

    clock.advance(Duration.ofHours(22).plusMinutes(59)); // T0 + 23h59m: still within
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(syncs("PruneHeld")).isEqualTo(2);
    assertThat(eventReasons()).as("a hold repeated is reported once").hasSize(3);

    clock.advance(Duration.ofMinutes(2)); // T0 + 24h01m: the first prune has left the window
    GitSync.Result through = sync.sync();
    assertThat(through.state()).as(through.message()).isEqualTo(GitSync.State.Applied);
    assertThat(through.pruned()).isEqualTo(held.size());
    assertThat(renderedFrom(LEDGER, CLUSTER_HEALTH)).isEmpty();
    assertThat(status())
        .containsEntry("state", "Applied")
        .containsEntry("pruneHeldCount", "0")
        .containsEntry("pruneHeld", "")
        .containsEntry(
            "pruneHistory",
            T0.plus(Duration.ofHours(24).plusMinutes(1))
                + " pruned "
                + held.size()
                + " of "
                + (GitSourceFixture.crs(client).size() + held.size())
                + " at "
                + shortId(origin.git.log().call().iterator().next()));
  }

  @Test
  void aTrailerOnAnyCommitSinceTheLastAppliedOneApprovesAndNoOtherDoes() throws Exception {
    GitSync sync = newSync();
    int total = sync.sync().created();
    List<String> gone = renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API);
    assertThat(2 * gone.size()).as("more than half").isGreaterThan(total);

    // one push of three commits: the approval is in the middle one
    delete("retire checkout", CHECKOUT_WEB, CHECKOUT_CART);
    RevCommit approving =
        delete("retire payments-api\n\nAlertForge-Allow-Prune: true", PAYMENTS_API);
    origin.replace(LEDGER, "threshold: \"75\"", "threshold: \"70\"");
    origin.commit("ledger disk at 70%");
    GitSync.Result approved = sync.sync();
    assertThat(approved.state()).as(approved.message()).isEqualTo(GitSync.State.Applied);
    assertThat(approved.pruned()).isEqualTo(gone.size());
    assertThat(approved.updated()).isEqualTo(1);
    assertThat(approved.message())
        .contains(
            "pruning approved by the trailer AlertForge-Allow-Prune of " + shortId(approving));
    assertThat(renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API)).isEmpty();

    // the next push: that commit is behind the last applied one, and the line below is in the
    // message's first paragraph, not among its trailers
    int left = total - gone.size();
    List<String> more = renderedFrom(LEDGER, HEARTBEAT);
    assertThat(2 * more.size()).as("more than half").isGreaterThan(left);
    delete(
        "retire the ledger\n\nAlertForge-Allow-Prune: true\n\nThe heartbeat goes with it.",
        LEDGER,
        HEARTBEAT);
    GitSync.Result held = sync.sync();
    assertThat(held.state()).as(held.message()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(renderedFrom(LEDGER, HEARTBEAT)).isEqualTo(more);
  }

  /**
   * A commit that deletes 18 of the 29 objects, changes the ledger's disk threshold and adds a
   * heartbeat alert: applied except its deletions. Returns the held objects.
   */
  List<String> holdWithACreateAndAnUpdate(GitSync sync, int total) throws Exception {
    List<String> gone = renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API);
    assertThat(2 * gone.size()).as("more than half").isGreaterThan(total);
    for (String file : List.of(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API)) {
      Files.delete(origin.file(file));
    }
    origin.replace(LEDGER, "threshold: \"75\"", "threshold: \"70\"");
    origin.write(
        "payments/standalone/refund-batch-heartbeat.yaml",
        Files.readString(origin.file(HEARTBEAT)).replace("settlement", "refund"));
    RevCommit commit = origin.commit("payments: refund heartbeat, ledger disk at 70%, cleanup");

    GitSync.Result r = sync.sync();
    assertThat(r.state()).as(r.message()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(r.created()).isEqualTo(1);
    assertThat(r.updated()).isEqualTo(1);
    assertThat(r.pruned()).isZero();
    assertThat(commitOf(cr("payments", "refund-batch-heartbeat"))).isEqualTo(commit.name());
    GenericKubernetesResource disk = cr("payments", "payments-ledger.pvc-disk-usage");
    assertThat(commitOf(disk)).isEqualTo(commit.name());
    assertThat(((Map<?, ?>) disk.getAdditionalProperties().get("spec")).get("condition"))
        .asString()
        .contains("> 70");
    assertThat(renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API)).isEqualTo(gone);
    assertThat(GitSourceFixture.crs(client)).hasSize(total + 1);
    return gone;
  }

  @Test
  void aHeldPruneStillAppliesTheCreatesAndUpdatesOfItsCommitAndListsWhatWaits() throws Exception {
    GitSync sync = newSync();
    int total = sync.sync().created();
    List<String> gone = holdWithACreateAndAnUpdate(sync, total);

    String head = origin.git.log().call().iterator().next().name();
    assertThat(status())
        .containsEntry("state", "PruneHeld")
        .containsEntry("lastAppliedCommit", head)
        .containsEntry("created", "1")
        .containsEntry("updated", "1")
        .containsEntry("pruneHeldCount", Integer.toString(gone.size()))
        .containsEntry("pruneHeld", String.join("\n", gone));
    String message = status().get("message");
    assertThat(message)
        .startsWith("applied " + head.substring(0, 12) + " except " + gone.size() + " deletions")
        .contains("(more than 50%)")
        .contains(String.join(", ", gone.subList(0, 10)) + " and " + (gone.size() - 10) + " more")
        .doesNotContain(gone.get(10))
        .contains("AlertForge-Allow-Prune: true' in a commit after " + head.substring(0, 12));
    List<Event> events = GitSourceFixture.events(client);
    assertThat(events).hasSize(2);
    Event hold =
        events.stream().filter(e -> e.getReason().equals("GitPruneHeld")).findFirst().get();
    assertThat(hold.getType()).isEqualTo("Warning");
    assertThat(hold.getMessage()).isEqualTo(message);
    assertThat(syncs("PruneHeld")).isEqualTo(1);

    // the next interval: the same hold, counted, not reported again
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(syncs("PruneHeld")).isEqualTo(2);
    assertThat(GitSourceFixture.events(client)).hasSize(2);
  }

  @Test
  void aLaterCommitAppliesWhileTheHoldStaysAndTheHoldEndsWhenTheObjectsComeBack() throws Exception {
    RevCommit sample = origin.git.log().call().iterator().next();
    GitSync sync = newSync();
    int total = sync.sync().created();
    List<String> gone = holdWithACreateAndAnUpdate(sync, total);

    origin.replace(PROXY, "threshold: \"50\"", "threshold: \"40\"");
    RevCommit proxy = origin.commit("proxy spool at 40%");
    GitSync.Result later = sync.sync();
    assertThat(later.state()).as(later.message()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(later.updated()).isEqualTo(1);
    assertThat(later.message()).startsWith("applied " + shortId(proxy) + " except " + gone.size());
    assertThat(commitOf(cr("platform-observability", "wavefront-proxy.pvc-disk-usage")))
        .isEqualTo(proxy.name());
    assertThat(renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API)).isEqualTo(gone);
    assertThat(status())
        .containsEntry("lastAppliedCommit", proxy.name())
        .containsEntry("pruneHeldCount", Integer.toString(gone.size()));

    // back in the repository: nothing waits any more
    var checkout = origin.git.checkout().setStartPoint(sample);
    List.of(CHECKOUT_WEB, CHECKOUT_CART, PAYMENTS_API).forEach(checkout::addPath);
    checkout.call();
    origin.commit("keep checkout and payments-api after all");
    GitSync.Result back = sync.sync();
    assertThat(back.state()).as(back.message()).isEqualTo(GitSync.State.Applied);
    assertThat(back.pruned() + back.created()).isZero();
    assertThat(status())
        .containsEntry("state", "Applied")
        .containsEntry("pruneHeldCount", "0")
        .containsEntry("pruneHeld", "");
    assertThat(eventReasons())
        .containsExactlyInAnyOrder("GitApplied", "GitPruneHeld", "GitPruneHeld", "GitApplied");
  }

  @Test
  void aHoldWhoseObjectsAreDeletedByHandEndsAtTheSameCommit() throws Exception {
    GitSync sync = newSync();
    List<String> gone = holdWithACreateAndAnUpdate(sync, sync.sync().created());
    for (String key : gone) {
      String[] ref = key.split("/");
      client
          .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
          .inNamespace(ref[0])
          .withName(ref[1])
          .delete();
    }
    GitSync.Result r = sync.sync();
    assertThat(r.state()).as(r.message()).isEqualTo(GitSync.State.Applied);
    assertThat(r.created() + r.updated() + r.pruned()).isZero();
    assertThat(status())
        .containsEntry("state", "Applied")
        .containsEntry("pruneHeldCount", "0")
        .containsEntry("pruneHeld", "");
    assertThat(eventReasons())
        .containsExactlyInAnyOrder("GitApplied", "GitPruneHeld", "GitApplied");
  }

  @Test
  void theHistoryAndTheLastAppliedCommitSurviveARestart() throws Exception {
    GitSync first = newSync();
    int total = first.sync().created();
    List<String> firstPrune = renderedFrom(CHECKOUT_WEB, CHECKOUT_CART, HEARTBEAT);
    delete("retire checkout and the settlement heartbeat", CHECKOUT_WEB, CHECKOUT_CART, HEARTBEAT);
    assertThat(first.sync().pruned()).isEqualTo(firstPrune.size());
    first.close();

    // a new process, an hour later: it knows the first prune from the ConfigMap alone
    clock.advance(Duration.ofHours(1));
    List<String> second = renderedFrom(LEDGER, CLUSTER_HEALTH);
    delete("retire the ledger and the cluster health alerts", LEDGER, CLUSTER_HEALTH);
    GitSync again = restarted();
    GitSync.Result held = again.sync();
    assertThat(held.state()).as(held.message()).isEqualTo(GitSync.State.PruneHeld);
    assertThat(held.message())
        .contains("with the " + firstPrune.size() + " pruned since " + T0)
        .contains(" of " + total + " managed from Git");
    assertThat(renderedFrom(LEDGER, CLUSTER_HEALTH)).isEqualTo(second);
    again.close();

    // one more restart, after a push whose approval is not its tip: the range starts at the last
    // applied commit, read back from the ConfigMap
    origin
        .git
        .commit()
        .setAllowEmpty(true)
        .setMessage("retire them after all\n\nAlertForge-Allow-Prune: true")
        .call();
    origin.replace(PROXY, "threshold: \"50\"", "threshold: \"40\"");
    origin.commit("proxy spool at 40%");
    GitSync.Result approved = restarted().sync();
    assertThat(approved.state()).as(approved.message()).isEqualTo(GitSync.State.Applied);
    assertThat(approved.pruned()).isEqualTo(second.size());
    assertThat(approved.updated()).isEqualTo(1);
  }

  @Test
  void anUnreadablePruneHistoryAppliesNothingUntilItIsCorrected() throws Exception {
    String good = T0 + " pruned 3 of 40 at 1f916ae4cf1a";
    client
        .configMaps()
        .inNamespace(GitSourceFixture.SYSTEM_NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(GitSourceSettings.DEFAULT_STATUS_NAME)
                .withNamespace(GitSourceFixture.SYSTEM_NS)
                .endMetadata()
                .addToData(PruneHistory.KEY, good + "\nyesterday pruned a few")
                .build())
        .create();
    GitSync sync = newSync();
    GitSync.Result r = sync.sync();
    assertThat(r.state()).isEqualTo(GitSync.State.ApplyFailed);
    assertThat(r.message())
        .contains("pruneHistory line 2 is not '<UTC time> pruned <count> of <managed> at <commit>'")
        .contains("nothing applied")
        .doesNotContain("yesterday");
    assertThat(GitSourceFixture.crs(client)).isEmpty();

    client
        .configMaps()
        .inNamespace(GitSourceFixture.SYSTEM_NS)
        .withName(GitSourceSettings.DEFAULT_STATUS_NAME)
        .edit(cm -> new ConfigMapBuilder(cm).addToData(PruneHistory.KEY, good).build());
    GitSync.Result corrected = sync.sync();
    assertThat(corrected.state()).as(corrected.message()).isEqualTo(GitSync.State.Applied);
    assertThat(GitSourceFixture.crs(client)).hasSize(corrected.created()).isNotEmpty();
  }
}
