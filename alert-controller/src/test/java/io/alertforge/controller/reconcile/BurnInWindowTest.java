package io.alertforge.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.crd.WavefrontAlertSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
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
  static WavefrontAlert cr(String until, String target, List<String> tags) {
    Map<String, String> annotations = new HashMap<>();
    if (until != null) {
      annotations.put(BurnInWindow.UNTIL, until);
    }
    if (target != null) {
      annotations.put(BurnInWindow.TARGET, target);
    }
    WavefrontAlertSpec spec = new WavefrontAlertSpec();
    spec.setAlertName("ledger disk");
    spec.setTarget("payments-oncall@example.com");
    spec.setTags(tags == null ? null : new ArrayList<>(tags));
    WavefrontAlert cr = new WavefrontAlert();
    cr.setMetadata(new ObjectMetaBuilder().withName("ledger").withAnnotations(annotations).build());
    cr.setSpec(spec);
    return cr;
  }

  static WavefrontAlert burningIn() {
    return cr(END.toString(), BURN_IN_TARGET, List.of("team:payments"));
  }

  @Test
  void burnsInUntilTheStampAndNotAtOrAfterIt() {
    WavefrontAlert cr = burningIn();
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
    WavefrontAlert noAnnotations = cr(null, null, null);
    noAnnotations.getMetadata().setAnnotations(null);
    assertThat(BurnInWindow.remaining(noAnnotations, before)).isNull();
  }

  @Test
  void theStampAndTargetMayCarrySurroundingWhitespace() {
    WavefrontAlert cr = cr(" " + END + "\n", " " + BURN_IN_TARGET + " ", null);
    assertThat(BurnInWindow.remaining(cr, END.minusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(BurnInWindow.effective(cr, END.minusSeconds(5)).getTarget())
        .isEqualTo(BURN_IN_TARGET);
  }

  @Test
  void duringTheWindowWavefrontGetsTheBurnInTargetAndTagOnACopy() {
    WavefrontAlert cr = burningIn();
    WavefrontAlertSpec spec = BurnInWindow.effective(cr, END.minusSeconds(1));

    assertThat(spec).isNotSameAs(cr.getSpec());
    assertThat(spec.getTarget()).isEqualTo(BURN_IN_TARGET);
    assertThat(spec.getTags()).containsExactly("team:payments", BurnInWindow.TAG);
    assertThat(spec.getAlertName()).isEqualTo("ledger disk");
    assertThat(cr.getSpec().getTarget())
        .as("the CR's own spec")
        .isEqualTo("payments-oncall@example.com");
    assertThat(cr.getSpec().getTags()).containsExactly("team:payments");
  }

  @Test
  void theBurnInTagIsAddedOnceAndToNoTags() {
    WavefrontAlert tagged = cr(END.toString(), BURN_IN_TARGET, List.of(BurnInWindow.TAG, "a"));
    assertThat(BurnInWindow.effective(tagged, END.minusSeconds(1)).getTags())
        .containsExactly(BurnInWindow.TAG, "a");
    WavefrontAlert untagged = cr(END.toString(), BURN_IN_TARGET, null);
    assertThat(BurnInWindow.effective(untagged, END.minusSeconds(1)).getTags())
        .containsExactly(BurnInWindow.TAG);
  }

  @Test
  void atTheEndAndWithoutASpecTheCrsOwnSpecIsSent() {
    WavefrontAlert cr = burningIn();
    assertThat(BurnInWindow.effective(cr, END)).isSameAs(cr.getSpec());
    WavefrontAlert noSpec = burningIn();
    noSpec.setSpec(null);
    assertThat(BurnInWindow.effective(noSpec, END.minusSeconds(1))).isNull();
  }
}
