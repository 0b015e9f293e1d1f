package io.alertforge.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.controller.Harness;
import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.WavefrontAlertStatus;
import io.alertforge.model.ConcreteAlert;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.WavefrontRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status a reconcile writes, and when a change is news worth an event: no I/O. */
class StatusUpdateTest {
  private final OwnershipTag tags = new OwnershipTag("prod");
  private final DesiredAlert desired =
      DesiredAlert.of(
          WavefrontRequest.of(
              new ConcreteAlert("team-a", "cpu", Harness.alert("cpu").getSpec(), null),
              Instant.EPOCH,
              tags));
  private final SyncPlan unchanged =
      new SyncPlan(SyncPlan.Action.NONE, "7", false, List.of(), List.of());
  private final SyncPlan updated =
      new SyncPlan(SyncPlan.Action.UPDATE, "7", false, List.of(), List.of("minutes"));

  private static StatusUpdate at(WavefrontAlertStatus status, String now) {
    return new StatusUpdate(Serialization.clone(status), 3L, now);
  }

  @Test
  void aFailureIsNewsOnlyWhenItsReasonOrMessageChanges() {
    StatusUpdate first = at(new WavefrontAlertStatus(), "t1");
    assertThat(first.failed("WavefrontUnavailable", "HTTP 503")).isTrue();
    assertThat(at(first.status(), "t2").failed("WavefrontUnavailable", "HTTP 503")).isFalse();
    assertThat(at(first.status(), "t2").failed("WavefrontUnavailable", "HTTP 502")).isTrue();
    assertThat(at(first.status(), "t2").failed("Throttled", "HTTP 503")).isTrue();
    assertThat(first.status().getState()).isEqualTo("Error");
    assertThat(first.status().getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  void anUnchangedSyncKeepsTheTimeOfTheLastWrite() {
    StatusUpdate written = at(new WavefrontAlertStatus(), "t1");
    written.succeeded(updated, desired, "7", "https://x/alerts/7");
    StatusUpdate again = at(written.status(), "t2");
    again.succeeded(unchanged, desired, "7", "https://x/alerts/7");
    assertThat(again.status().getAlertsStatus().get(desired.name()).getLastUpdatedTimestamp())
        .isEqualTo("t1");
    StatusUpdate rewritten = at(written.status(), "t3");
    rewritten.succeeded(updated, desired, "7", "https://x/alerts/7");
    assertThat(rewritten.status().getAlertsStatus().get(desired.name()).getLastUpdatedTimestamp())
        .isEqualTo("t3");
    assertThat(rewritten.status()).isNotEqualTo(again.status());
    assertThat(again.status()).isEqualTo(at(again.status(), "t2").status());
  }

  @Test
  void aConflictIsNewsOnceAndItsConditionGoesWithIt() {
    StatusClaim foreign =
        new StatusClaim(StatusClaim.Verdict.FOREIGN, "9", "ForeignAlert", "not this CR's");
    StatusUpdate first = at(new WavefrontAlertStatus(), "t1");
    first.succeeded(unchanged, desired, "7", "link");
    WavefrontAlertStatus before = new WavefrontAlertStatus();
    assertThat(first.conflict(foreign, before)).isTrue();
    assertThat(
            Conditions.find(first.status().getConditions(), Conditions.OWNERSHIP_CONFLICT)
                .get()
                .getMessage())
        .isEqualTo("not this CR's; this CR's alert is 7");

    StatusUpdate second = at(first.status(), "t2");
    assertThat(second.conflict(foreign, first.status())).isFalse();
    StatusUpdate resolved = at(first.status(), "t3");
    assertThat(resolved.conflict(StatusClaim.NONE, first.status())).isFalse();
    assertThat(Conditions.find(resolved.status().getConditions(), Conditions.OWNERSHIP_CONFLICT))
        .isEmpty();
  }

  @Test
  void aHeldCrIsAnErrorWithTheConflictAsItsReason() {
    StatusClaim untagged =
        new StatusClaim(StatusClaim.Verdict.UNTAGGED, "9", "UntaggedAlert", "left alone");
    StatusUpdate held = at(new WavefrontAlertStatus(), "t1");
    assertThat(held.held(untagged)).isTrue();
    assertThat(at(held.status(), "t2").held(untagged)).isFalse();
    assertThat(held.status().getState()).isEqualTo("Error");
    assertThat(held.status().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus() + ":" + c.getReason())
        .containsExactlyInAnyOrder(
            "Ready=False:UntaggedAlert",
            "Synced=False:UntaggedAlert",
            "OwnershipConflict=True:UntaggedAlert");
  }
}
