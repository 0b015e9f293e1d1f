package io.alertforge.compiler.run;

import io.alertforge.compiler.diagnostic.Severity;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every lint and render run is given, resolved by its front end (defaults applied).
 *
 * @param source the alert repository
 * @param output where diagnostics.json, the reports and the rendered alerts go
 * @param failOn the lowest severity that fails: {@link Severity#ERROR} or {@link Severity#WARNING}
 * @param names how the front end spells the settings, for messages
 */
public record RunSettings(Path source, Path output, Severity failOn, SettingNames names) {

  /**
   * The fail-on setting as a severity: {@code error} (also when null) or {@code warning}, any case;
   * {@code failOnWarning}, the older switch, means warning whatever {@code failOn} says.
   *
   * @throws ConfigurationException for any other value, naming it and the allowed ones
   */
  public static Severity failOn(String failOn, boolean failOnWarning, SettingNames names)
      throws ConfigurationException {
    if (failOnWarning) {
      return Severity.WARNING;
    }
    String value = failOn == null ? "error" : failOn.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      default ->
          throw new ConfigurationException(
              names.failOn() + " is '" + failOn + "'; use error (the default) or warning");
    };
  }
}
