package io.alertforge.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.Harness;
import io.alertforge.controller.reconcile.SyncPlan.Action;
import io.alertforge.model.ConcreteAlert;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.WavefrontRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncPlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OwnershipTag tags = new OwnershipTag("prod-eu");
  private final DesiredAlert desired =
      DesiredAlert.of(
          WavefrontRequest.of(
              new ConcreteAlert("team-a", "cpu", Harness.alert("cpu").getSpec(), Map.of()),
              Instant.now(),
              tags));

  private LiveAlert live(String id, long created, ObjectNode body) {
    ObjectNode a = body.deepCopy();
    a.put("id", id).put("created", created);
    return LiveAlert.of(a);
  }

  private LiveAlert asDesired(String id, long created) {
    return live(id, created, desired.body());
  }

  @Test
  void nothingFoundCreatesOrRecreates() {
    assertThat(SyncPlan.decide(desired, null, null, List.of(), DriftMode.CORRECT).action())
        .isEqualTo(Action.CREATE);
    assertThat(SyncPlan.decide(desired, "17", "x", List.of(), DriftMode.CORRECT).action())
        .isEqualTo(Action.RECREATE);
  }

  /** The old CR's alert: the desired body under the old name's ownership tag. */
  private LiveAlert oldNamesAlert(String id, long created) {
    ObjectNode body = desired.body().deepCopy();
    var tagList =
        (com.fasterxml.jackson.databind.node.ArrayNode) body.path("tags").path("customerTags");
    for (int i = 0; i < tagList.size(); i++) {
      if (tagList.get(i).asText().equals(tags.ownerTag("team-a", "cpu"))) {
        tagList.set(i, tagList.textNode(tags.ownerTag("team-a", "cpu-old")));
      }
    }
    return live(id, created, body);
  }

  @Test
  void aRenamedCrWaitsWhileTheOldCrExistsThenTakesItsAlertOverOrCreates() {
    SyncPlan wait =
        SyncPlan.decide(
            desired,
            null,
            null,
            List.of(),
            new RenameCandidate("cpu-old", true, null),
            DriftMode.CORRECT);
    assertThat(wait.action()).isEqualTo(Action.WAIT_FOR_RENAME);
    assertThat(wait.writes()).isFalse();
    assertThat(wait.renamedFrom()).isEqualTo("cpu-old");

    SyncPlan rename =
        SyncPlan.decide(
            desired,
            null,
            null,
            List.of(),
            new RenameCandidate("cpu-old", false, oldNamesAlert("41", 3)),
            DriftMode.CORRECT);
    assertThat(rename.action()).isEqualTo(Action.RENAME);
    assertThat(rename.id()).isEqualTo("41");
    assertThat(rename.writes()).isTrue();
    assertThat(rename.differences()).containsExactly("tags"); // the ownership tag, only

    SyncPlan create =
        SyncPlan.decide(
            desired,
            null,
            null,
            List.of(),
            new RenameCandidate("cpu-old", false, null),
            DriftMode.CORRECT);
    assertThat(create.action()).isEqualTo(Action.CREATE);
  }

  @Test
  void aRenamedCrWithAnAlertOfItsOwnOrAStatusIdTakesNothingOver() {
    RenameCandidate old = new RenameCandidate("cpu-old", false, oldNamesAlert("41", 3));
    SyncPlan own =
        SyncPlan.decide(desired, null, null, List.of(asDesired("7", 9)), old, DriftMode.CORRECT);
    assertThat(own.action()).isEqualTo(Action.NONE);
    assertThat(own.id()).isEqualTo("7");
    // its own alert was there and is gone: re-created, not the old name's taken
    SyncPlan gone = SyncPlan.decide(desired, "7", "x", List.of(), old, DriftMode.CORRECT);
    assertThat(gone.action()).isEqualTo(Action.RECREATE);
    SyncPlan waiting =
        SyncPlan.decide(
            desired,
            null,
            null,
            List.of(asDesired("7", 9)),
            new RenameCandidate("cpu-old", true, null),
            DriftMode.CORRECT);
    assertThat(waiting.action()).isEqualTo(Action.NONE);
  }

  @Test
  void anEqualLiveAlertNeedsNoWrite() {
    SyncPlan p =
        SyncPlan.decide(
            desired, "1", desired.checksum(), List.of(asDesired("1", 5)), DriftMode.CORRECT);
    assertThat(p.action()).isEqualTo(Action.NONE);
    assertThat(p.adopted()).isFalse();
    assertThat(p.writes()).isFalse();
  }

  @Test
  void anAlertFoundByTagWithoutStatusIsAdoptedAndDuplicatesGo() {
    SyncPlan p =
        SyncPlan.decide(
            desired,
            null,
            null,
            List.of(asDesired("9", 20), asDesired("3", 10)),
            DriftMode.CORRECT);
    assertThat(p.action()).isEqualTo(Action.NONE);
    assertThat(p.adopted()).isTrue();
    assertThat(p.id()).isEqualTo("3"); // the oldest
    assertThat(p.duplicates()).containsExactly("9");
  }

  @Test
  void aChangedSpecIsAnUpdateAndAnEditedAlertIsDrift() {
    ObjectNode edited = desired.body().deepCopy().put("minutes", 10);
    List<LiveAlert> live = List.of(live("1", 5, edited));
    assertThat(SyncPlan.decide(desired, "1", "older-spec", live, DriftMode.CORRECT).action())
        .isEqualTo(Action.UPDATE);
    SyncPlan drift = SyncPlan.decide(desired, "1", desired.checksum(), live, DriftMode.CORRECT);
    assertThat(drift.action()).isEqualTo(Action.CORRECT_DRIFT);
    assertThat(drift.differences()).containsExactly("minutes");
    assertThat(SyncPlan.decide(desired, "1", desired.checksum(), live, DriftMode.DETECT).action())
        .isEqualTo(Action.REPORT_DRIFT);
  }

  @Test
  void normalisationIgnoresWhatWavefrontTreatsAlike() throws Exception {
    ObjectNode server = desired.body().deepCopy();
    server
        .put("name", "  " + server.get("name").asText() + " ")
        .put("severity", "warn")
        .put("alertType", "classic")
        .put("processRateMinutes", 5)
        .put("evaluateRealtimeData", false)
        .put("target", " oncall@example.com ,")
        .putArray("severityList")
        .add("WARN");
    server.remove("resolveAfterMinutes"); // unset means = minutes (5)
    ((com.fasterxml.jackson.databind.node.ArrayNode) server.path("tags").path("customerTags"))
        .insert(0, "cpu"); // order and repeats of a set do not matter
    assertThat(AlertProjection.of(server)).isEqualTo(desired.projection());
    assertThat(
            AlertProjection.of(
                JSON.readTree("{\"name\":\"a\",\"minutes\":3,\"processRateMinutes\":0}")))
        .extracting(AlertProjection::resolveAfterMinutes, AlertProjection::processRateMinutes)
        .containsExactly(3, 5);
  }

  @Test
  void aThresholdAlertComparesItsConditionsAndTargetsPerSeverityNotWhatWavefrontDerives()
      throws Exception {
    ObjectNode sent =
        (ObjectNode)
            JSON.readTree(
                "{\"name\":\"disk\",\"alertType\":\"THRESHOLD\",\"condition\":\"ts(d)\","
                    + "\"displayExpression\":\"ts(d)\",\"minutes\":5,"
                    + "\"conditions\":{\"severe\":\"ts(d) > 95\",\"warn\":\"ts(d) > 90\"},"
                    + "\"targets\":{\"severe\":\"pd:k, a@example.com\"}}");
    ObjectNode live = sent.deepCopy();
    live.put("severity", "SEVERE").put("condition", "ts(d)  ");
    live.putObject("conditions").put("WARN", " ts(d) > 90").put("severe", "ts(d) > 95");
    live.putObject("targets").put("severe", "a@example.com,pd:k").put("info", "");
    assertThat(AlertProjection.of(live)).isEqualTo(AlertProjection.of(sent));

    ObjectNode drifted = sent.deepCopy();
    ((ObjectNode) drifted.get("conditions")).put("warn", "ts(d) > 80");
    ((ObjectNode) drifted.get("targets")).put("warn", "b@example.com");
    assertThat(AlertProjection.of(drifted).differences(AlertProjection.of(sent)))
        .containsExactly("conditions", "targets");
  }
}
