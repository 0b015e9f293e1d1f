package io.alertforge.compiler;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;

/**
 * What compiling a repository gives: the rendered alerts (sorted by namespace and name) and every
 * diagnostic (sorted by position).
 *
 * @param alerts the alerts that rendered completely, with no error that concerns them: those that
 *     are written and applied
 * @param invalidAlerts the alerts that have errors, rendered only as far as their valid fields go
 *     (sorted by namespace and name; each with {@link RenderedAlert#errors()}): never written, but
 *     shown by the diff
 */
public record Compilation(
    List<RenderedAlert> alerts,
    List<Diagnostic> diagnostics,
    int files,
    List<RenderedAlert> invalidAlerts) {

  public Compilation {
    alerts = List.copyOf(alerts);
    invalidAlerts = List.copyOf(invalidAlerts);
  }

  /** A compilation without invalid alerts, such as that of a side that could not be read. */
  public Compilation(List<RenderedAlert> alerts, List<Diagnostic> diagnostics, int files) {
    this(alerts, diagnostics, files, List.of());
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** One line for the end of a run: counts of findings, files and alerts. */
  public String summary() {
    return plural(count(Severity.ERROR), "error")
        + ", "
        + plural(count(Severity.WARNING), "warning")
        + ", "
        + plural(count(Severity.INFO), "info")
        + " in "
        + plural(files, "file")
        + "; "
        + plural(alerts.size(), "alert")
        + " rendered";
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 || noun.equals("info") ? "" : "s");
  }
}
