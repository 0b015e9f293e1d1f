package io.alertforge.cli;

import io.alertforge.compiler.run.ConfigurationException;
import io.alertforge.compiler.run.RunSettings;
import io.alertforge.compiler.run.SettingNames;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options lint and render share, each the command-line spelling of one of the plugin's {@code
 * alert.*} properties (the table in docs/cli.md), with the same defaults.
 */
final class RunOptions {

  /** How the runs' messages name these options. */
  static final SettingNames SETTING_NAMES = new SettingNames("DIR", "--fail-on", "--format");

  /**
   * The default output directory, relative to the working directory: where {@code mvn alert:lint}
   * without a pom writes, and never read as alert source ({@code target/} is skipped).
   */
  static final String DEFAULT_OUTPUT = "target/alerts";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The alert repository (alert.source). Default: the working directory.")
  Path directory;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description = "The alert repository, as DIR (alert.source).")
  Path source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "Where diagnostics.json, the reports and rendered/ go (alert.output)."
              + " Default: target/alerts in the working directory.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      description =
          "The lowest severity that fails: error or warning (alert.failOn). Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Option(
      names = "--fail-on-warning",
      description = "Alias of --fail-on=warning (alert.failOnWarning).")
  boolean failOnWarning;

  @Option(names = "--skip", description = "Does nothing and exits with 0 (alert.skip).")
  boolean skip;

  /**
   * The settings of a run.
   *
   * @throws ParameterException when the alert repository is given twice (a usage error)
   * @throws ConfigurationException for a wrong --fail-on
   */
  RunSettings settings() throws ConfigurationException {
    if (directory != null && source != null) {
      throw new ParameterException(
          spec.commandLine(),
          "The alert repository is given twice (DIR '"
              + directory
              + "' and --source '"
              + source
              + "'): give one");
    }
    Path repository = source != null ? source : directory != null ? directory : Path.of(".");
    return new RunSettings(
        repository,
        output != null ? output : Path.of(DEFAULT_OUTPUT),
        RunSettings.failOn(failOn, failOnWarning, SETTING_NAMES),
        SETTING_NAMES);
  }
}
