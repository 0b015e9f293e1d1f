package io.alertforge.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An alert's severity: keikoproj's CRD spells it in lower case ({@code warn}), Wavefront in upper
 * case ({@code WARN}). Declared in keikoproj's order, which its messages list.
 */
public enum Severity {
  SEVERE,
  WARN,
  INFO,
  SMOKE;

  /** As a {@code WavefrontAlert} spec writes it: {@code severe}. */
  public String keikoproj() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As Wavefront's API writes it: {@code SEVERE}. */
  public String wavefront() {
    return name();
  }

  /** The severity keikoproj's controller accepts: the lower-case spelling exactly. */
  public static Optional<Severity> ofKeikoproj(String text) {
    return Arrays.stream(values()).filter(s -> s.keikoproj().equals(text)).findFirst();
  }

  /** The severity whatever the case (the Wavefront sync accepts {@code WARN} too). */
  public static Optional<Severity> ofAnyCase(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.wavefront().equals(upper)).findFirst();
  }

  /** {@code severe, warn, info, smoke}, for messages. */
  public static String keikoprojList() {
    return Arrays.stream(values()).map(Severity::keikoproj).collect(Collectors.joining(", "));
  }
}
