package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The guard's arithmetic at its edges, and the ConfigMap lines read back as written. */
class PruneHistoryTest {
  static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  static final Duration DAY = Duration.ofHours(24);

  static PruneHistory pruned(Instant at, int count, int of) {
    return PruneHistory.EMPTY.plus(new PruneHistory.Prune(at, count, of, "1f916ae4cf1a"));
  }

  @Test
  void exactlyTheRatioPassesOneMoreIsRefused() {
    assertThat(PruneHistory.EMPTY.refusal(50, 100, T0, DAY, 0.5)).isNull();
    assertThat(PruneHistory.EMPTY.refusal(51, 100, T0, DAY, 0.5))
        .isEqualTo(
            "the commit would delete 51 of the 100 WavefrontAlerts managed from Git (more than"
                + " 50%)");
    PruneHistory history = pruned(T0, 30, 100);
    Instant later = T0.plus(Duration.ofHours(2));
    assertThat(history.refusal(20, 70, later, DAY, 0.5)).isNull();
    assertThat(history.refusal(21, 70, later, DAY, 0.5))
        .isEqualTo(
            "the commit would delete 21 WavefrontAlerts; with the 30 pruned since"
                + " 2026-11-27T08:00:00Z that is 51 of 100 managed from Git within"
                + " --git-prune-window 24h (more than 50%)");
  }

  @Test
  void theBaselineIsTheLargestStateOfTheWindowAndAPruneAtItsStartHasLeftIt() {
    // 100 objects, then 60 created, then 50 pruned: the baseline is the 160
    PruneHistory history = pruned(T0, 50, 160);
    assertThat(history.refusal(30, 110, T0.plusSeconds(60), DAY, 0.5)).isNull();
    assertThat(history.refusal(31, 110, T0.plusSeconds(60), DAY, 0.5)).contains("81 of 160");
    // a window that starts exactly at the prune no longer holds it
    assertThat(history.refusal(54, 110, T0.plus(DAY), DAY, 0.5)).isNull();
    assertThat(history.refusal(56, 110, T0.plus(DAY), DAY, 0.5))
        .isEqualTo(
            "the commit would delete 56 of the 110 WavefrontAlerts managed from Git (more than"
                + " 50%)");
  }

  @Test
  void deletingEveryManagedObjectIsRefusedWhateverTheRatio() {
    assertThat(PruneHistory.EMPTY.refusal(3, 3, T0, DAY, 1.0))
        .isEqualTo("the commit would delete all 3 WavefrontAlerts managed from Git");
    assertThat(PruneHistory.EMPTY.refusal(0, 3, T0, DAY, 0.0)).isNull();
  }

  @Test
  void theConfigMapLinesReadBackAsWrittenAndOldOnesAreDropped() {
    PruneHistory history =
        pruned(T0, 14, 29)
            .plus(new PruneHistory.Prune(T0.plus(Duration.ofHours(30)), 7, 15, "980b6a4b98ba"));
    String text = history.format();
    assertThat(text)
        .isEqualTo(
            "2026-11-27T08:00:00Z pruned 14 of 29 at 1f916ae4cf1a\n"
                + "2026-11-28T14:00:00Z pruned 7 of 15 at 980b6a4b98ba");
    assertThat(PruneHistory.parse(text)).isEqualTo(history);
    assertThat(PruneHistory.parse("\n  " + text.replace("\n", "\n  ") + "\n")).isEqualTo(history);
    assertThat(PruneHistory.parse(null)).isEqualTo(PruneHistory.EMPTY);
    assertThat(PruneHistory.parse("")).isEqualTo(PruneHistory.EMPTY);
    assertThat(history.within(T0.plus(Duration.ofHours(31)), DAY).format())
        .isEqualTo("2026-11-28T14:00:00Z pruned 7 of 15 at 980b6a4b98ba");
  }

  @Test
  void aLineItCannotReadIsAnErrorWithItsNumberButNotItsText() {
    for (String bad :
        new String[] {
          "2026-11-27 08:00 pruned 14 of 29 at 1f916ae4cf1a",
          "2026-11-27T08:00:00Z pruned 14 of 29",
          "2026-11-27T08:00:00Z pruned 14 of 29 at NOT-A-COMMIT",
          "2026-11-27T08:00:00Z pruned 99999999999 of 29 at 1f916ae4cf1a",
          "2026-13-27T08:00:00Z pruned 14 of 29 at 1f916ae4cf1a"
        }) {
      assertThatThrownBy(
              () -> PruneHistory.parse("2026-11-27T07:00:00Z pruned 1 of 29 at 1f916ae\n" + bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "pruneHistory line 2 is not '<UTC time> pruned <count> of <managed> at <commit>'");
    }
  }
}
