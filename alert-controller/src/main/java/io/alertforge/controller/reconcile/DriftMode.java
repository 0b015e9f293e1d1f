package io.alertforge.controller.reconcile;

import java.util.Locale;

/** What the controller does when a live alert was edited outside the cluster. */
public enum DriftMode {
  /** Put the spec back (the default). */
  CORRECT,
  /** Only report it: condition {@code Drifted}, event {@code DriftDetected}, a metric. */
  DETECT;

  public static DriftMode parse(String s) {
    for (DriftMode mode : values()) {
      if (mode.name().equalsIgnoreCase(s.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("must be correct or detect, got '" + s + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
