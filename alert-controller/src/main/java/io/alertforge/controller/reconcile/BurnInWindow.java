package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.crd.WavefrontAlertSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Burn-in of a new alert: until {@code alertforge.io/burn-in-until} (stamped by the Git source when
 * it first applied the CR), Wavefront gets the spec with {@code alertforge.io/burn-in-target} as
 * its target and the tag {@code burn-in}. The reconciler reschedules the CR for the end of the
 * window, so the alert switches to its own targets by itself.
 */
public final class BurnInWindow {
  public static final String UNTIL = "alertforge.io/burn-in-until";
  public static final String TARGET = "alertforge.io/burn-in-target";
  public static final String TAG = "burn-in";

  private static final ObjectMapper JSON = new ObjectMapper();

  private BurnInWindow() {}

  /** How long the CR still burns in at {@code now}; null when it does not. */
  public static Duration remaining(WavefrontAlert cr, Instant now) {
    Map<String, String> a = cr.getMetadata().getAnnotations();
    if (a == null || a.get(UNTIL) == null || a.get(TARGET) == null || a.get(TARGET).isBlank()) {
      return null;
    }
    try {
      Instant until = Instant.parse(a.get(UNTIL).trim());
      return until.isAfter(now) ? Duration.between(now, until) : null;
    } catch (DateTimeParseException e) {
      return null; // a malformed stamp: no burn-in rather than a stuck alert
    }
  }

  /** The spec Wavefront gets at {@code now}: the CR's, or its burn-in form. */
  public static WavefrontAlertSpec effective(WavefrontAlert cr, Instant now) {
    if (cr.getSpec() == null || remaining(cr, now) == null) {
      return cr.getSpec();
    }
    WavefrontAlertSpec spec = JSON.convertValue(cr.getSpec(), WavefrontAlertSpec.class);
    spec.setTarget(cr.getMetadata().getAnnotations().get(TARGET).trim());
    List<String> tags = new ArrayList<>(spec.getTags() == null ? List.of() : spec.getTags());
    if (!tags.contains(TAG)) {
      tags.add(TAG);
    }
    spec.setTags(tags);
    return spec;
  }
}
