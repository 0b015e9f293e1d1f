package io.alertforge.cli;

import io.alertforge.compiler.run.ConfigurationException;
import io.alertforge.compiler.run.Console;
import io.alertforge.compiler.run.FindingsException;
import io.alertforge.compiler.run.RenderRun;
import io.alertforge.compiler.run.RunContext;
import io.alertforge.compiler.run.RunSettings;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code alertforge render}: the plugin's {@code alert:render}, the compiler's {@link RenderRun}.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Renders every alert to <output>/rendered/<namespace>/<name>.yaml: concrete WavefrontAlerts"
          + " with no template left in them. Writes nothing when there are errors, which it"
          + " prints, and fails on them (run lint for warnings and infos)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean",
      "1:findings at the fail-on severity",
      "2:a usage or configuration error"
    })
final class RenderCommand extends RunCommand {

  RenderCommand(PrintWriter out, PrintWriter err) {
    super(out, err);
  }

  @Override
  void execute(RunContext context, RunSettings settings, Console console)
      throws ConfigurationException, FindingsException {
    new RenderRun().execute(context, settings, console);
  }
}
