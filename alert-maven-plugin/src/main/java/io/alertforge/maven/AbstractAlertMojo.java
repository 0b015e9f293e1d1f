package io.alertforge.maven;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.run.AlertRun;
import io.alertforge.compiler.run.ConfigurationException;
import io.alertforge.compiler.run.Console;
import io.alertforge.compiler.run.FindingsException;
import io.alertforge.compiler.run.RunContext;
import io.alertforge.compiler.run.RunSettings;
import io.alertforge.compiler.run.SettingNames;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.AbstractMojoExecutionException;
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

  /** How the messages of a run name the settings: as the properties of this plugin. */
  static final SettingNames SETTING_NAMES =
      new SettingNames("-Dalert.source", "alert.failOn", "alert.format");

  /** The resolved settings, set before {@link #run}. */
  RunSettings settings;

  /** Where workflow commands go; tests replace it. */
  PrintStream stdout = System.out;

  /** The process environment (CI variables); tests replace it. */
  Map<String, String> environment = System.getenv();

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
    try {
      // before anything can fail: a failed run leaves no output of an earlier one
      removeOutputs();
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot remove the previous alert output under " + output + ": " + e.getMessage(), e);
    }
    try {
      settings =
          new RunSettings(
              source.toPath(),
              output.toPath(),
              RunSettings.failOn(failOn, failOnWarning, SETTING_NAMES),
              SETTING_NAMES);
      AlertRun.execute(context(), settings, console(), failsOnFindings(), this::run);
    } catch (ConfigurationException e) {
      throw executionError(e);
    } catch (FindingsException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (MojoFailureException e) {
      throw e; // the goal's own step
    } catch (AbstractMojoExecutionException e) {
      throw (MojoExecutionException) e; // the only other kind a goal's step throws
    }
  }

  /** A run's configuration problem as Maven's execution error, with its message as it is. */
  static MojoExecutionException executionError(ConfigurationException e) {
    return new MojoExecutionException(e.getMessage(), e.getCause());
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
    return context().compiler();
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

  /** The run's messages, to this goal's log. */
  Console console() {
    return new Console() {
      @Override
      public void info(String line) {
        getLog().info(line);
      }

      @Override
      public void warn(String line) {
        getLog().warn(line);
      }

      @Override
      public void error(String line) {
        getLog().error(line);
      }

      @Override
      public void output(String line) {
        stdout.println(line);
        stdout.flush();
      }
    };
  }

  /**
   * What the goals of this plugin share within one build (the plugin context); outside a build,
   * such as in a unit test, nothing is shared.
   */
  private RunContext context() {
    @SuppressWarnings("unchecked")
    Map<Object, Object> shared = getPluginContext();
    return shared == null ? new RunContext() : new RunContext(shared);
  }
}
