package io.alertforge.compiler.run;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.lint.RuleCatalogue;
import io.alertforge.compiler.output.CheckstyleReport;
import io.alertforge.compiler.output.GithubAnnotations;
import io.alertforge.compiler.output.JunitReport;
import io.alertforge.compiler.output.ReportFormat;
import io.alertforge.compiler.output.SarifReport;
import io.alertforge.compiler.output.SummaryTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code alert:lint} and {@code alertforge lint}: prints every finding and the summary table,
 * writes {@code diagnostics.json} and the reports of the format setting, and fails at the fail-on
 * severity.
 *
 * @param format comma-separated report formats; null means {@code console}
 * @param environment the process environment: {@code GITHUB_ACTIONS=true} adds the {@code github}
 *     format, {@code GITHUB_WORKSPACE} makes annotation and SARIF paths relative to it
 */
public record LintRun(String format, Map<String, String> environment) {

  /**
   * Compiles (once per context), reports and decides.
   *
   * @throws ConfigurationException for an unknown format, an unreadable source, unwritable output
   * @throws FindingsException for findings at the fail-on severity
   */
  public void execute(RunContext context, RunSettings settings, Console console)
      throws ConfigurationException, FindingsException {
    AlertRun.execute(context, settings, console, true, c -> report(c, settings, console));
  }

  /** The lint step on a compiled repository: the printed findings and the report files. */
  public void report(Compilation compilation, RunSettings settings, Console console)
      throws IOException, ConfigurationException {
    Set<ReportFormat> formats = formats(settings.names());
    List<Diagnostic> diagnostics = compilation.diagnostics();
    if (formats.contains(ReportFormat.CONSOLE)) {
      diagnostics.forEach(d -> AlertRun.print(d, console));
      if (!diagnostics.isEmpty()) {
        SummaryTable.lines(diagnostics).forEach(console::info);
      }
    }
    String prefix = workspacePrefix(settings.source());
    if (formats.contains(ReportFormat.SARIF)) {
      SarifReport.write(
          report(ReportFormat.SARIF, settings, console),
          diagnostics,
          RuleCatalogue.DEFAULT,
          settings.source(),
          prefix);
    }
    if (formats.contains(ReportFormat.JUNIT)) {
      JunitReport.write(
          report(ReportFormat.JUNIT, settings, console), diagnostics, settings.failOn());
    }
    if (formats.contains(ReportFormat.CHECKSTYLE)) {
      CheckstyleReport.write(report(ReportFormat.CHECKSTYLE, settings, console), diagnostics);
    }
    if (formats.contains(ReportFormat.GITHUB)) {
      GithubAnnotations.lines(diagnostics, prefix).forEach(console::output);
    }
  }

  private Set<ReportFormat> formats(SettingNames names) throws ConfigurationException {
    try {
      Set<ReportFormat> formats = ReportFormat.parse(format == null ? "console" : format);
      if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
        formats.add(ReportFormat.GITHUB);
      }
      return formats;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(names.format() + ": " + e.getMessage());
    }
  }

  private static Path report(ReportFormat format, RunSettings settings, Console console) {
    Path file = settings.output().resolve(format.fileName());
    console.info("Wrote " + format.label() + " report " + file);
    return file;
  }

  /**
   * The alert source's path inside GITHUB_WORKSPACE (with a trailing slash), so annotations and
   * SARIF locations are relative to the repository root; empty elsewhere.
   */
  private String workspacePrefix(Path source) {
    String workspace = environment.get("GITHUB_WORKSPACE");
    if (workspace == null || workspace.isBlank()) {
      return "";
    }
    Path root = Path.of(workspace).toAbsolutePath().normalize();
    Path alerts = source.toAbsolutePath().normalize();
    if (!alerts.startsWith(root) || alerts.equals(root)) {
      return "";
    }
    return root.relativize(alerts).toString().replace(File.separatorChar, '/') + "/";
  }
}
