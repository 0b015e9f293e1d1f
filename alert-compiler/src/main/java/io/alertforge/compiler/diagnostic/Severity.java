package io.alertforge.compiler.diagnostic;

import java.util.Locale;

/** How bad a finding is; the order matters: a build fails at or above a threshold. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** The lower-case word used in printed lines and in {@code diagnostics.json}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }
}
