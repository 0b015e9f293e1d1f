package io.alertforge.cli;

import io.alertforge.compiler.run.ConfigurationException;
import io.alertforge.compiler.run.Console;
import io.alertforge.compiler.run.FindingsException;
import io.alertforge.compiler.run.RunContext;
import io.alertforge.compiler.run.RunSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What lint and render share: the options, {@code --skip}, and the outcome of the compiler's run as
 * an exit code, with its message as one line on standard error.
 */
abstract class RunCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  private final PrintWriter out;
  private final PrintWriter err;

  RunCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public final Integer call() {
    if (options.skip) {
      out.println("Skipping: --skip is set");
      out.flush();
      return Main.CLEAN;
    }
    try {
      execute(new RunContext(), options.settings(), console());
      return Main.CLEAN;
    } catch (FindingsException e) {
      Main.printError(err, e.getMessage());
      return Main.FINDINGS;
    } catch (ConfigurationException e) {
      Main.printError(err, e.getMessage());
      return Main.USAGE;
    } finally {
      out.flush();
    }
  }

  /** The compiler's run of this command. */
  abstract void execute(RunContext context, RunSettings settings, Console console)
      throws ConfigurationException, FindingsException;

  /**
   * Every line of the run on standard output, in order: the findings carry their severity, and
   * GitHub reads its workflow commands from there.
   */
  private Console console() {
    return new Console() {
      @Override
      public void info(String line) {
        out.println(line);
      }

      @Override
      public void warn(String line) {
        out.println(line);
      }

      @Override
      public void error(String line) {
        out.println(line);
      }

      @Override
      public void output(String line) {
        out.println(line);
      }
    };
  }
}
