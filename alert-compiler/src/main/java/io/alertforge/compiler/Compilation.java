package io.alertforge.compiler;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;

/**
 * What compiling a repository gives: the rendered alerts (sorted by namespace and name) and every
 * diagnostic (sorted by position).
 */
public record Compilation(List<RenderedAlert> alerts, List<Diagnostic> diagnostics, int files) {

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
