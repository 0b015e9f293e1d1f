package io.alertforge.maven;

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
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks an alert repository: YAML, schemas, references, templates, rendered alerts and the rules
 * of alertforge.yaml. Prints every finding as {@code file:line:column: severity [rule] message} and
 * a summary table, writes {@code diagnostics.json} and the reports of {@code alert.format}; fails
 * the build at {@code alert.failOn}.
 */
@Mojo(
    name = "lint",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = false,
    threadSafe = true)
public class LintMojo extends AbstractAlertMojo {

  /**
   * Comma-separated report formats: {@code console} (default), {@code json} ({@code
   * diagnostics.json}, always written), {@code sarif}, {@code junit}, {@code checkstyle}, {@code
   * github} (on by itself when {@code GITHUB_ACTIONS=true}). Files go to {@code alert.output}.
   */
  @Parameter(property = "alert.format", defaultValue = "console")
  String format;

  /** Where workflow commands go; tests replace it. */
  PrintStream stdout = System.out;

  @Override
  void run(Compilation compilation) throws IOException, MojoExecutionException {
    Set<ReportFormat> formats = formats();
    List<Diagnostic> diagnostics = compilation.diagnostics();
    if (formats.contains(ReportFormat.CONSOLE)) {
      diagnostics.forEach(this::print);
      if (!diagnostics.isEmpty()) {
        SummaryTable.lines(diagnostics).forEach(getLog()::info);
      }
    }
    String prefix = workspacePrefix();
    if (formats.contains(ReportFormat.SARIF)) {
      SarifReport.write(
          report(ReportFormat.SARIF), diagnostics, RuleCatalogue.DEFAULT, source.toPath(), prefix);
    }
    if (formats.contains(ReportFormat.JUNIT)) {
      JunitReport.write(report(ReportFormat.JUNIT), diagnostics, threshold);
    }
    if (formats.contains(ReportFormat.CHECKSTYLE)) {
      CheckstyleReport.write(report(ReportFormat.CHECKSTYLE), diagnostics);
    }
    if (formats.contains(ReportFormat.GITHUB)) {
      GithubAnnotations.lines(diagnostics, prefix).forEach(stdout::println);
      stdout.flush();
    }
  }

  private Set<ReportFormat> formats() throws MojoExecutionException {
    try {
      Set<ReportFormat> formats = ReportFormat.parse(format == null ? "console" : format);
      if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
        formats.add(ReportFormat.GITHUB);
      }
      return formats;
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("alert.format: " + e.getMessage());
    }
  }

  private Path report(ReportFormat format) {
    Path file = new File(output, format.fileName()).toPath();
    getLog().info("Wrote " + format.label() + " report " + file);
    return file;
  }

  /**
   * The alert source's path inside GITHUB_WORKSPACE (with a trailing slash), so annotations and
   * SARIF locations are relative to the repository root; empty elsewhere.
   */
  private String workspacePrefix() {
    String workspace = environment.get("GITHUB_WORKSPACE");
    if (workspace == null || workspace.isBlank()) {
      return "";
    }
    Path root = Path.of(workspace).toAbsolutePath().normalize();
    Path alerts = source.toPath().toAbsolutePath().normalize();
    if (!alerts.startsWith(root) || alerts.equals(root)) {
      return "";
    }
    return root.relativize(alerts).toString().replace(File.separatorChar, '/') + "/";
  }
}
