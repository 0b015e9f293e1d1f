package io.alertforge.controller;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orphans: alerts with this cluster's tags that no WavefrontAlert owns, left by a CR deleted with
 * its finalizer removed by hand. The resync reports them; {@code --prune-orphans} deletes them
 * after the grace period; other clusters' and unwatched namespaces' alerts are never orphans.
 */
class OrphanTest extends ControllerTestCase {
  static final String POD_NS = "alert-manager-system";
  static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void tearDown() {
    client.v1().events().inNamespace(POD_NS).delete();
  }

  private AlertController.Settings.Builder settings;

  private void start(AlertController.Settings.Builder settings) {
    this.settings = settings;
    controller =
        Harness.start(
            client,
            wavefront.emulator(),
            settings.pod("alertforge-controller-0", POD_NS).build(),
            FileTokenSource.fixed(Harness.TOKEN));
  }

  /**
   * How an orphan comes about: the CR is deleted while no controller runs, its deletion waits for
   * the finalizer, and someone removes the finalizer by hand (`kubectl patch ... finalizers:
   * null`). Then the controller starts again.
   */
  private String orphan(String name) {
    create(client, alert(name));
    String id = alertId(awaitCr(client, name, Harness::ready));
    controller.close();
    var cr = Harness.alerts(client).inNamespace(NS).withName(name);
    cr.delete();
    cr.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    await().atMost(Duration.ofSeconds(10)).until(() -> Harness.get(client, name) == null);
    start(settings);
    return id;
  }

  private List<Event> podEvents(String reason) {
    return client.v1().events().inNamespace(POD_NS).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .filter(e -> "alertforge-controller-0".equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private String metric(String name) {
    return controller
        .metrics()
        .scrape()
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .findFirst()
        .orElse(name + " absent");
  }

  @Test
  void anAlertWhoseCrWasDeletedWithoutTheFinalizerIsReportedOnceAndKept() {
    start(Harness.settingsBuilder());
    create(client, alert("disk"));
    awaitCr(client, "disk", Harness::ready);
    String id = orphan("cpu");

    controller.resyncNow();
    assertThat(metric("alertforge_orphaned_alerts")).isEqualTo("alertforge_orphaned_alerts 1.0");
    assertThat(metric("alertforge_managed_alerts")).isEqualTo("alertforge_managed_alerts 1.0");
    await().atMost(Duration.ofSeconds(5)).until(() -> podEvents("OrphanFound").size() == 1);
    assertThat(podEvents("OrphanFound").get(0).getMessage())
        .contains(id)
        .contains("alertforge-owner:test-cluster:team-a:cpu")
        .contains("team-a/cpu")
        .contains("--prune-orphans");

    controller.resyncNow();
    assertThat(podEvents("OrphanFound")).hasSize(1); // reported once, not every resync
    assertThat(wavefront.store().find(id)).get().matches(a -> !a.path("inTrash").asBoolean());
    assertThat(wavefront.requests().count("DELETE", "/api/v2/alert/*")).isZero();
  }

  @Test
  void pruneOrphansDeletesAnOrphanStillFoundAfterTheGrace() {
    start(Harness.settingsBuilder().pruneOrphans(true, Duration.ZERO));
    String id = orphan("cpu");

    controller.resyncNow(); // first seen: reported, not yet deleted
    assertThat(wavefront.store().find(id)).get().matches(a -> !a.path("inTrash").asBoolean());
    controller.resyncNow(); // the grace (zero here) has passed
    assertThat(wavefront.store().find(id)).get().matches(a -> a.path("inTrash").asBoolean());
    assertThat(metric("alertforge_orphaned_alerts")).isEqualTo("alertforge_orphaned_alerts 0.0");
    assertThat(metric("alertforge_orphans_deleted_total"))
        .isEqualTo("alertforge_orphans_deleted_total 1.0");
    await().atMost(Duration.ofSeconds(5)).until(() -> podEvents("OrphanDeleted").size() == 1);
  }

  @Test
  void otherClustersAndUnwatchedNamespacesHaveNoOrphans() {
    ObjectMapper json = JSON;
    for (String owner :
        List.of(
            "alertforge-owner:TEST-CLUSTER:" + NS + ":gone", // another cluster, same letters
            "alertforge-owner:test-cluster:team-b:gone")) { // this cluster, a namespace not watched
      ObjectNode body = json.createObjectNode();
      body.put("name", owner)
          .put("condition", "ts(cpu) > 1")
          .put("displayExpression", "ts(cpu)")
          .put("severity", "INFO")
          .put("minutes", 2);
      body.putObject("tags")
          .putArray("customerTags")
          .add(
              owner.contains("TEST")
                  ? "alertforge-cluster:TEST-CLUSTER"
                  : "alertforge-cluster:test-cluster")
          .add(owner);
      wavefront.store().create(body, "elsewhere");
    }
    start(Harness.settingsBuilder().namespaces(Set.of(NS)).pruneOrphans(true, Duration.ZERO));

    controller.resyncNow();
    controller.resyncNow();
    assertThat(metric("alertforge_orphaned_alerts")).isEqualTo("alertforge_orphaned_alerts 0.0");
    assertThat(wavefront.store().size()).isEqualTo(2);
    assertThat(wavefront.requests().entries()).noneMatch(r -> r.isWrite());
    assertThat(podEvents("OrphanFound")).isEmpty();
  }
}
