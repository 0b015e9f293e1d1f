package io.alertforge.cli;

import io.alertforge.compiler.run.ConfigurationException;
import io.alertforge.compiler.run.Console;
import io.alertforge.compiler.run.FindingsException;
import io.alertforge.compiler.run.LintRun;
import io.alertforge.compiler.run.RunContext;
import io.alertforge.compiler.run.RunSettings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alertforge lint}: the plugin's {@code alert:lint}, the compiler's {@link LintRun}. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Checks an alert repository: YAML, schemas, references, templates, rendered alerts and the"
          + " rules of alertforge.yaml. Prints every finding and a summary table, writes"
          + " diagnostics.json and the reports of --format, and fails at --fail-on."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean",
      "1:findings at the fail-on severity",
      "2:a usage or configuration error"
    })
final class LintCommand extends RunCommand {

  @Option(
      names = "--format",
      paramLabel = "FORMATS",
      defaultValue = "console",
      description =
          "Comma-separated report formats (alert.format): console, json (diagnostics.json, always"
              + " written), sarif, junit, checkstyle, github (on by itself when"
              + " GITHUB_ACTIONS=true). Default: ${DEFAULT-VALUE}.")
  String format;

  private final Map<String, String> environment;

  LintCommand(Map<String, String> environment, PrintWriter out, PrintWriter err) {
    super(out, err);
    this.environment = environment;
  }

  @Override
  void execute(RunContext context, RunSettings settings, Console console)
      throws ConfigurationException, FindingsException {
    new LintRun(format, environment).execute(context, settings, console);
  }
}
