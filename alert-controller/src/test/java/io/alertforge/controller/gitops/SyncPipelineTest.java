package io.alertforge.controller.gitops;

import static io.alertforge.controller.gitops.GitSourceFixture.SYSTEM_NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.TestClock;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One sync's pipeline alone, on the fabric8 CRUD mock with a real JGit repository (sample-repo):
 * from the state it is given to an outcome it does not report. It writes the objects, and the prune
 * history before a prune, nothing else: no status keys, no event.
 */
@EnableKubernetesMockClient(crud = true)
class SyncPipelineTest {
  static KubernetesClient client;

  @TempDir Path tmp;
  GitSourceFixture fixture;
  SyncPipeline pipeline;
  final TestClock clock = new TestClock(Instant.parse("2026-12-02T08:00:00Z"));

  @BeforeEach
  void setUp() throws Exception {
    fixture = new GitSourceFixture(client, tmp.resolve("origin"));
    GitSourceSettings settings =
        GitSourceSettings.builder(fixture.origin.url(), "main", tmp.resolve("cache"), SYSTEM_NS)
            .build();
    GitFetcher fetcher = fixture.closeAfter(new GitFetcher(settings));
    pipeline =
        new SyncPipeline(
            settings,
            fetcher,
            new AlertCompiler(),
            new GitApplier(client),
            new PruneGuard(settings, fetcher, new StatusConfigMap(client, settings)),
            clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  List<ConfigMap> configMaps() {
    return client.configMaps().inNamespace(SYSTEM_NS).list().getItems();
  }

  @Test
  void aRunAppliesAndReturnsWhatTheNextRunStartsFromWithoutReportingIt() {
    SyncOutcome first = pipeline.run(SyncState.NOTHING_APPLIED);
    assertThat(first.result().state())
        .as(first.result().message())
        .isEqualTo(GitSync.State.Applied);
    assertThat(first.result().created()).isPositive().isEqualTo(fixture.crCount());
    assertThat(first.after().lastAppliedCommit())
        .isEqualTo(first.result().commit())
        .isEqualTo(first.tip().name());
    assertThat(first.held()).isEmpty();
    assertThat(first.auditSummary()).startsWith("applied " + first.tip().name().substring(0, 12));
    assertThat(configMaps()).as("no status written").isEmpty();
    assertThat(GitSourceFixture.events(client)).as("no event").isEmpty();

    SyncOutcome again = pipeline.run(first.after());
    assertThat(again.result().state()).isEqualTo(GitSync.State.Applied);
    assertThat(again.result().unchanged()).isEqualTo(first.result().created());
    assertThat(again.auditSummary()).as("the same commit, nothing changed").isNull();
    assertThat(again.after()).isEqualTo(first.after());

    // given a state that never applied it, the same commit is new: its audit line is due
    assertThat(pipeline.run(SyncState.NOTHING_APPLIED).auditSummary()).isNotNull();
  }

  @Test
  void aPruneIsRecordedBeforeItIsMadeAndCarriedToTheNextRun() throws Exception {
    SyncOutcome first = pipeline.run(SyncState.NOTHING_APPLIED);
    int managed = fixture.crCount();
    Files.delete(fixture.origin.file("checkout/apps/checkout-web.yaml"));
    fixture.origin.commit("checkout-web retired");

    SyncOutcome pruned = pipeline.run(first.after());
    assertThat(pruned.result().state())
        .as(pruned.result().message())
        .isEqualTo(GitSync.State.Applied);
    assertThat(pruned.result().pruned()).isEqualTo(8);
    assertThat(pruned.after().pruneHistory().prunes())
        .singleElement()
        .satisfies(p -> assertThat(p.managedBefore()).isEqualTo(managed));
    assertThat(configMaps())
        .singleElement()
        .satisfies(
            cm ->
                assertThat(cm.getData())
                    .containsOnlyKeys(PruneHistory.KEY)
                    .containsEntry(PruneHistory.KEY, pruned.after().pruneHistory().format()));
    assertThat(GitSourceFixture.events(client)).isEmpty();
  }
}
