package io.alertforge.controller;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values flags are written in: durations and {@code NAMESPACE/NAME} references. */
final class FlagValues {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  /** A ConfigMap's (or another object's) namespace and name, as a flag gives them. */
  record NamespacedName(String namespace, String name) {}

  private FlagValues() {}

  /**
   * {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}); more than
   * zero. {@code flag} names the flag in the message of a bad value.
   */
  static Duration duration(String flag, String s) {
    Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
    } else {
      try {
        d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          flag
              + " must be a duration of more than 0 such as 30s, 10m, 1h (or ISO-8601: PT10M), got '"
              + s
              + "'");
    }
    return d;
  }

  /** {@code NAMESPACE/NAME}, as {@code flag} gives it. */
  static NamespacedName namespacedName(String flag, String ref) {
    String[] parts = ref.strip().split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(flag + " must be NAMESPACE/NAME, got '" + ref + "'");
    }
    return new NamespacedName(parts[0], parts[1]);
  }
}
