package io.alertforge.maven;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.output.DiagnosticsReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every alert goal shares: where the alerts are, where output goes, compiling once per build
 * (lint and render in one build share the result), and failing on errors.
 */
abstract class AbstractAlertMojo extends AbstractMojo {

  /**
   * The alert repository: a directory of WavefrontAlert and AlertsConfig YAML. Default: the
   * project's base directory, or the current directory when there is no project.
   */
  @Parameter(property = "alert.source")
  File source;

  /**
   * Where diagnostics.json and the rendered alerts go. Default: {@code alerts} in the project's
   * build directory, or {@code target/alerts} when there is no project.
   */
  @Parameter(property = "alert.output")
  File output;

  /** Skips the goal. */
  @Parameter(property = "alert.skip", defaultValue = "false")
  boolean skip;

  /** The lowest severity that fails the build: {@code error} (default) or {@code warning}. */
  @Parameter(property = "alert.failOn", defaultValue = "error")
  String failOn;

  /** Alias of {@code alert.failOn=warning}, kept for existing builds. */
  @Parameter(property = "alert.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** The process environment (CI variables); tests replace it. */
  Map<String, String> environment = System.getenv();

  /** The resolved fail-on severity, set before {@link #run}. */
  Severity threshold;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping: alert.skip is set");
      return;
    }
    resolveDefaults();
    threshold = failOnSeverity();
    File diagnostics = new File(output, DiagnosticsReport.FILE_NAME);
    // lint, render and diff in one build share one compilation: report it once, not per goal.
    boolean firstReport = firstTime("diagnostics:" + diagnostics.getAbsolutePath());
    try {
      // before anything can fail: a failed run leaves no output of an earlier one
      if (firstReport) {
        Files.deleteIfExists(diagnostics.toPath());
      }
      removeOutputs();
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot remove the previous alert output under " + output + ": " + e.getMessage(), e);
    }
    Compilation compilation = compile();
    try {
      if (firstReport) {
        DiagnosticsReport.write(diagnostics.toPath(), compilation.diagnostics());
      }
      run(compilation);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write alert output under " + output + ": " + e.getMessage(), e);
    }
    if (firstReport) {
      getLog().info("Alerts in " + source + ": " + compilation.summary());
      getLog().info("Diagnostics written to " + diagnostics);
    }
    if (failsOnFindings()) {
      failOnFindings(compilation, diagnostics, threshold);
    }
  }

  /** Removes the goal's output of an earlier run, before it compiles. */
  void removeOutputs() throws IOException {}

  /**
   * Whether errors (and warnings with alert.failOnWarning) fail the goal; alert:diff shows them.
   */
  boolean failsOnFindings() {
    return true;
  }

  /**
   * The compiler every goal uses, for the base of a diff too: one per build, since creating one
   * compiles the schemas.
   */
  AlertCompiler compiler() {
    return (AlertCompiler)
        shared().computeIfAbsent(AlertCompiler.class.getName(), k -> new AlertCompiler());
  }

  /** alert.failOn as a severity; alert.failOnWarning=true means warning. */
  Severity failOnSeverity() throws MojoExecutionException {
    if (failOnWarning) {
      return Severity.WARNING;
    }
    String value = failOn == null ? "error" : failOn.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      default ->
          throw new MojoExecutionException(
              "alert.failOn is '" + failOn + "'; use error (the default) or warning");
    };
  }

  /**
   * Without a pom, Maven runs goals in a stub project whose build directory is an unresolved
   * expression, so the defaults are computed here rather than declared.
   */
  private void resolveDefaults() {
    if (source == null) {
      source = baseDirectory(project, session);
    }
    if (output == null) {
      output = defaultOutput(project, session);
    }
  }

  /** The project's directory, or the directory Maven runs in when there is no pom. */
  static File baseDirectory(MavenProject project, MavenSession session) {
    return project != null && project.getFile() != null
        ? project.getBasedir()
        : new File(session.getRequest().getBaseDirectory());
  }

  /** {@code alert.output}'s default, which alert:comment reads as well. */
  static File defaultOutput(MavenProject project, MavenSession session) {
    return project != null && project.getFile() != null
        ? new File(project.getBuild().getDirectory(), "alerts")
        : new File(baseDirectory(project, session), "target/alerts");
  }

  /** The goal's own work on a compiled repository. */
  abstract void run(Compilation compilation)
      throws IOException, MojoExecutionException, MojoFailureException;

  void print(Diagnostic diagnostic) {
    String line = diagnostic.format();
    switch (diagnostic.severity()) {
      case ERROR -> getLog().error(line);
      case WARNING -> getLog().warn(line);
      default -> getLog().info(line);
    }
  }

  /**
   * What the goals of this plugin share within one build (the plugin context); outside a build,
   * such as in a unit test, an empty map each time: nothing is shared.
   */
  private Map<Object, Object> shared() {
    @SuppressWarnings("unchecked")
    Map<Object, Object> context = getPluginContext();
    return context == null ? new HashMap<>() : context;
  }

  /** True the first time this build asks with {@code key} (always true outside a build). */
  private boolean firstTime(String key) {
    return shared().putIfAbsent(key, Boolean.TRUE) == null;
  }

  private Compilation compile() throws MojoExecutionException {
    String key = Compilation.class.getName() + ":" + source.getAbsolutePath();
    if (shared().get(key) instanceof Compilation compilation) {
      return compilation;
    }
    try {
      Compilation compilation = compiler().compile(source.toPath());
      shared().put(key, compilation);
      return compilation;
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot read alert source "
              + source
              + ": "
              + e.getMessage()
              + ". Set -Dalert.source to the directory that holds the alert YAML",
          e);
    }
  }

  private void failOnFindings(Compilation compilation, File diagnostics, Severity threshold)
      throws MojoFailureException {
    long errors = compilation.count(Severity.ERROR);
    long warnings = compilation.count(Severity.WARNING);
    if (errors > 0) {
      throw new MojoFailureException(
          errors
              + " error(s) in the alert sources under "
              + source
              + "; each is listed above with its file, line, column and rule, and in "
              + diagnostics);
    }
    if (threshold == Severity.WARNING && warnings > 0) {
      throw new MojoFailureException(
          warnings
              + " warning(s) in the alert sources under "
              + source
              + ", and alert.failOn is warning; each is listed above and in "
              + diagnostics);
    }
  }
}
