package io.alertforge.model;

/**
 * A Wavefront alert's type. keikoproj's CRD (its only enum) and Wavefront spell both alike, in
 * upper case: {@link #name()} is the spelling.
 */
public enum AlertType {
  /** One condition and severity: what keikoproj's CRD can express. */
  CLASSIC,
  /**
   * Per-severity {@code conditions} and {@code targets}: AlertForge's extension of the CRD, which
   * keikoproj's controller never sends (its issue #41).
   */
  THRESHOLD
}
