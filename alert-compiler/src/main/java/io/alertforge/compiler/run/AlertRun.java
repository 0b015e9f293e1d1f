package io.alertforge.compiler.run;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.output.DiagnosticsReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every run of a goal or command shares: compile the source once per context, write {@code
 * diagnostics.json} once, do the goal's own step, say what was compiled and where the diagnostics
 * are, and fail on findings at the fail-on severity.
 */
public final class AlertRun {

  /** A goal's own work on the compiled repository: print, write reports, render, diff. */
  @FunctionalInterface
  public interface Step<X extends Exception> {
    void run(Compilation compilation) throws IOException, X;
  }

  private AlertRun() {}

  /**
   * Runs {@code step} on the compilation of {@code settings.source()}.
   *
   * @param failsOnFindings whether findings at the fail-on severity fail the run (not for a diff,
   *     which shows them)
   * @throws ConfigurationException when the source cannot be read or the output written
   * @throws FindingsException with the count of the findings that fail the run
   * @throws X what the step itself throws
   */
  public static <X extends Exception> void execute(
      RunContext context,
      RunSettings settings,
      Console console,
      boolean failsOnFindings,
      Step<X> step)
      throws ConfigurationException, FindingsException, X {
    Path diagnostics = settings.output().resolve(DiagnosticsReport.FILE_NAME);
    // lint, render and diff in one build share one compilation: report it once, not per goal.
    boolean firstReport = context.firstTime("diagnostics:" + diagnostics.toAbsolutePath());
    if (firstReport) {
      // before anything can fail: a failed run leaves no diagnostics of an earlier one
      try {
        Files.deleteIfExists(diagnostics);
      } catch (IOException e) {
        throw new ConfigurationException(
            "Cannot remove the previous alert output under "
                + settings.output()
                + ": "
                + e.getMessage(),
            e);
      }
    }
    Compilation compilation =
        context.compile(settings.source(), settings.output(), settings.names());
    try {
      if (firstReport) {
        DiagnosticsReport.write(diagnostics, compilation.diagnostics());
      }
      step.run(compilation);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot write alert output under " + settings.output() + ": " + e.getMessage(), e);
    }
    if (firstReport) {
      console.info("Alerts in " + settings.source() + ": " + compilation.summary());
      console.info("Diagnostics written to " + diagnostics);
    }
    if (failsOnFindings) {
      failOnFindings(compilation, diagnostics, settings);
    }
  }

  /** Prints a finding at the console level of its severity. */
  static void print(Diagnostic diagnostic, Console console) {
    String line = diagnostic.format();
    switch (diagnostic.severity()) {
      case ERROR -> console.error(line);
      case WARNING -> console.warn(line);
      default -> console.info(line);
    }
  }

  private static void failOnFindings(
      Compilation compilation, Path diagnostics, RunSettings settings) throws FindingsException {
    long errors = compilation.count(Severity.ERROR);
    long warnings = compilation.count(Severity.WARNING);
    if (errors > 0) {
      throw new FindingsException(
          errors
              + " error(s) in the alert sources under "
              + settings.source()
              + "; each is listed above with its file, line, column and rule, and in "
              + diagnostics);
    }
    if (settings.failOn() == Severity.WARNING && warnings > 0) {
      throw new FindingsException(
          warnings
              + " warning(s) in the alert sources under "
              + settings.source()
              + ", and "
              + settings.names().failOn()
              + " is warning; each is listed above and in "
              + diagnostics);
    }
  }
}
