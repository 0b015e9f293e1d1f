package io.alertforge.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alertforge lint|render [options] [DIR]}: the plugin's {@code alert:lint} and {@code
 * alert:render} without Maven, over the same runs of the compiler. Exit codes: 0 clean, 1 findings
 * at the fail-on severity, 2 a usage or configuration error (one line on standard error, no stack
 * trace). The options and their properties are in docs/cli.md.
 */
@Command(
    name = "alertforge",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Checks and renders Wavefront alerts kept as keikoproj/alert-manager resources.",
    subcommands = {LintCommand.class, RenderCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean",
      "1:findings at the fail-on severity",
      "2:a usage or configuration error"
    })
public final class Main implements Runnable {

  /** No finding at the fail-on severity (or nothing to do). */
  public static final int CLEAN = 0;

  /** Findings at the fail-on severity. */
  public static final int FINDINGS = 1;

  /** A usage or configuration error: a wrong option, an unreadable source, unwritable output. */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, System.getenv(), out, err));
  }

  /**
   * Runs one command as {@code main} does, with {@code environment} as the process environment
   * (GITHUB_ACTIONS and GITHUB_WORKSPACE), and returns the exit code. The run's lines go to {@code
   * out}; the outcome of a failed run and usage errors, one line each, to {@code err}.
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine =
        new CommandLine(new Main(), new Factory(environment, out, err))
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler((e, a) -> usageError(e, err));
    return commandLine.execute(args);
  }

  /** {@code alertforge} without a command. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: lint or render");
  }

  private static int usageError(ParameterException e, PrintWriter err) {
    String message = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message += " (did you mean " + unmatched.getSuggestions().get(0) + "?)";
    }
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    printError(err, message + "; see '" + command + " --help'");
    return USAGE;
  }

  /** One line, whatever the message holds: a path or a value cannot break it. */
  static void printError(PrintWriter err, String message) {
    err.println("alertforge: " + message.replaceAll("\\R", " "));
    err.flush();
  }

  /** Gives each command the environment and the output streams of this run. */
  private record Factory(Map<String, String> environment, PrintWriter out, PrintWriter err)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == LintCommand.class) {
        return type.cast(new LintCommand(environment, out, err));
      }
      if (type == RenderCommand.class) {
        return type.cast(new RenderCommand(out, err));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
