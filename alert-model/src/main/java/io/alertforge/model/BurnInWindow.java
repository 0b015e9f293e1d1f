package io.alertforge.model;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Burn-in of a new alert. The compiler puts alertforge.yaml's period and the namespace's target on
 * a rendered alert ({@link Annotations#BURN_IN_PERIOD}, {@link Annotations#BURN_IN_TARGET}); the
 * Git source stamps {@link Annotations#BURN_IN_UNTIL} when it first applies the alert; until then,
 * Wavefront gets the spec with the burn-in target as its target and the tag {@value #TAG}. The
 * reconciler reschedules the CR for the end of the window, so the alert switches to its own targets
 * by itself.
 */
public final class BurnInWindow {
  public static final String TAG = "burn-in";

  private BurnInWindow() {}

  /** {@code 7d} or {@code 12h} (alertforge.yaml's schema's pattern) as a duration. */
  public static Duration period(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return text.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n);
  }

  /** How long the alert still burns in at {@code now}; null when it does not. */
  public static Duration remaining(ConcreteAlert alert, Instant now) {
    Map<String, String> a = alert.annotations();
    String until = a.get(Annotations.BURN_IN_UNTIL);
    String target = a.get(Annotations.BURN_IN_TARGET);
    if (until == null || target == null || target.isBlank()) {
      return null;
    }
    try {
      Instant end = Instant.parse(until.trim());
      return end.isAfter(now) ? Duration.between(now, end) : null;
    } catch (DateTimeParseException e) {
      return null; // a malformed stamp: no burn-in rather than a stuck alert
    }
  }

  /** The spec Wavefront gets at {@code now}: the alert's, or its burn-in form (a copy). */
  public static WavefrontAlertSpec effective(ConcreteAlert alert, Instant now) {
    if (alert.spec() == null || remaining(alert, now) == null) {
      return alert.spec();
    }
    WavefrontAlertSpec spec = alert.spec().copy();
    String target = alert.annotations().get(Annotations.BURN_IN_TARGET).trim();
    if (AlertType.THRESHOLD.name().equals(spec.getAlertType())) {
      // every severity it has a condition for notifies the burn-in target only
      Map<String, String> targets = new LinkedHashMap<>();
      if (spec.getConditions() != null) {
        spec.getConditions().keySet().forEach(severity -> targets.put(severity, target));
      }
      spec.setTargets(targets);
    } else {
      spec.setTarget(target);
    }
    List<String> tags = new ArrayList<>(spec.getTags() == null ? List.of() : spec.getTags());
    if (!tags.contains(TAG)) {
      tags.add(TAG);
    }
    spec.setTags(tags);
    return spec;
  }
}
