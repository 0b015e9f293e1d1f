package io.alertforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurnInWindowTest {
  static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
  static final String BURN_IN_TARGET = "payments-burn-in@example.com";

  /** A CR with these annotations (a null value leaves the key out) and tags. */
  static ConcreteAlert cr(String until, String target, List<String> tags) {
    Map<String, String> annotations = new HashMap<>();
    if (until != null) {
      annotations.put(Annotations.BURN_IN_UNTIL, until);
    }
    if (target != null) {
      annotations.put(Annotations.BURN_IN_TARGET, target);
    }
    WavefrontAlertSpec spec = new WavefrontAlertSpec();
    spec.setAlertName("ledger disk");
    spec.setTarget("payments-oncall@example.com");
    spec.setTags(tags == null ? null : new ArrayList<>(tags));
    return new ConcreteAlert("payments", "ledger", spec, annotations);
  }

  static ConcreteAlert burningIn() {
    return cr(END.toString(), BURN_IN_TARGET, List.of("team:payments"));
  }

  @Test
  void burnsInUntilTheStampAndNotAtOrAfterIt() {
    ConcreteAlert cr = burningIn();
    assertThat(BurnInWindow.remaining(cr, END.minus(Duration.ofDays(7))))
        .isEqualTo(Duration.ofDays(7));
    assertThat(BurnInWindow.remaining(cr, END.minusMillis(1))).isEqualTo(Duration.ofMillis(1));
    assertThat(BurnInWindow.remaining(cr, END)).isNull();
    assertThat(BurnInWindow.remaining(cr, END.plusSeconds(1))).isNull();
  }

  @Test
  void noBurnInWithoutBothAnnotationsOrWithAMalformedStamp() {
    Instant before = END.minusSeconds(60);
    assertThat(BurnInWindow.remaining(cr(null, BURN_IN_TARGET, null), before)).isNull();
    assertThat(BurnInWindow.remaining(cr(END.toString(), null, null), before)).isNull();
    assertThat(BurnInWindow.remaining(cr(END.toString(), "  ", null), before)).isNull();
    assertThat(BurnInWindow.remaining(cr("next tuesday", BURN_IN_TARGET, null), before)).isNull();
    assertThat(BurnInWindow.remaining(cr("2026-03-01", BURN_IN_TARGET, null), before)).isNull();
    ConcreteAlert noAnnotations =
        new ConcreteAlert("payments", "ledger", cr(null, null, null).spec(), null);
    assertThat(BurnInWindow.remaining(noAnnotations, before)).isNull();
  }

  @Test
  void theStampAndTargetMayCarrySurroundingWhitespace() {
    ConcreteAlert cr = cr(" " + END + "\n", " " + BURN_IN_TARGET + " ", null);
    assertThat(BurnInWindow.remaining(cr, END.minusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(BurnInWindow.effective(cr, END.minusSeconds(5)).getTarget())
        .isEqualTo(BURN_IN_TARGET);
  }

  @Test
  void duringTheWindowWavefrontGetsTheBurnInTargetAndTagOnACopy() {
    ConcreteAlert cr = burningIn();
    WavefrontAlertSpec spec = BurnInWindow.effective(cr, END.minusSeconds(1));

    assertThat(spec).isNotSameAs(cr.spec());
    assertThat(spec.getTarget()).isEqualTo(BURN_IN_TARGET);
    assertThat(spec.getTags()).containsExactly("team:payments", BurnInWindow.TAG);
    assertThat(spec.getAlertName()).isEqualTo("ledger disk");
    assertThat(cr.spec().getTarget())
        .as("the CR's own spec")
        .isEqualTo("payments-oncall@example.com");
    assertThat(cr.spec().getTags()).containsExactly("team:payments");
  }

  @Test
  void theBurnInTagIsAddedOnceAndToNoTags() {
    ConcreteAlert tagged = cr(END.toString(), BURN_IN_TARGET, List.of(BurnInWindow.TAG, "a"));
    assertThat(BurnInWindow.effective(tagged, END.minusSeconds(1)).getTags())
        .containsExactly(BurnInWindow.TAG, "a");
    ConcreteAlert untagged = cr(END.toString(), BURN_IN_TARGET, null);
    assertThat(BurnInWindow.effective(untagged, END.minusSeconds(1)).getTags())
        .containsExactly(BurnInWindow.TAG);
  }

  @Test
  void atTheEndAndWithoutASpecTheCrsOwnSpecIsSent() {
    ConcreteAlert cr = burningIn();
    assertThat(BurnInWindow.effective(cr, END)).isSameAs(cr.spec());
    ConcreteAlert noSpec = new ConcreteAlert("payments", "ledger", null, burningIn().annotations());
    assertThat(BurnInWindow.effective(noSpec, END.minusSeconds(1))).isNull();
  }

  @Test
  void aPeriodIsDaysOrHours() {
    assertThat(BurnInWindow.period("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(BurnInWindow.period("12h")).isEqualTo(Duration.ofHours(12));
  }
}
