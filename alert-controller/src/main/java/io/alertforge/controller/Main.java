package io.alertforge.controller;

import io.alertforge.controller.logging.LogEscaping;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar alert-controller.jar --help}: parses the flags, checks every flag and file, and
 * starts the {@link RunningParts}. Every flag is in docs/controller.md; each concern's flags are a
 * class of their own.
 */
@Command(
    name = "alertforge-controller",
    mixinStandardHelpOptions = true,
    version = "alertforge-controller 0.1.0-SNAPSHOT",
    description = "Keeps Wavefront alerts equal to the WavefrontAlert objects of a cluster.")
public final class Main implements java.util.concurrent.Callable<Integer> {
  // In this order: an unknown flag is answered with the first flag that shares its first two
  // letters (picocli), so the sync's --resync-period comes before Wavefront's --request-timeout,
  // --allow-insecure-wavefront before --allow-insecure-git, --adopt-untagged before --admission-*.
  @Mixin SyncFlags sync;
  @Mixin WavefrontFlags wavefront;
  @Mixin KubernetesFlags kubernetes;
  @Mixin GitSourceFlags git;
  @Mixin AdmissionFlags admission;
  @Mixin OpsFlags ops;

  /** The environment the flags' {@code ${env:...}} defaults and {@code POD_NAME} are read from. */
  private Map<String, String> env = System.getenv();

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the controller as {@code main} does, with the flags' environment variables read from
   * {@code env} (for a name {@code env} lacks, picocli reads the process's own), and returns the
   * exit code. A configuration error (a flag missing or wrong, a file missing or unreadable) is one
   * line on {@code err} each, {@code alertforge-controller: <what and how to fix it>}, and exit
   * code 2, with no stack trace.
   */
  static int run(String[] args, Map<String, String> env, PrintWriter err) {
    Main main = new Main();
    main.env = env;
    return new CommandLine(main)
        .setErr(err)
        .setDefaultValueProvider(new EnvironmentDefaults(env)::defaultValue)
        .setParameterExceptionHandler((e, a) -> parseError(e, err))
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof StartupChecks.Failed failed) {
                failed.problems().forEach(p -> printError(err, p));
                return 2;
              }
              if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                printError(err, e.getMessage()); // from building the parts, e.g. a token source
                return 2;
              }
              throw e;
            })
        .execute(args);
  }

  private static int parseError(CommandLine.ParameterException e, PrintWriter err) {
    if (e instanceof CommandLine.MissingParameterException missing) {
      for (ArgSpec arg : missing.getMissing()) {
        printError(
            err,
            (arg instanceof OptionSpec o ? EnvironmentDefaults.required(o) : e.getMessage())
                + StartupChecks.HELP);
      }
    } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      printError(
          err,
          e.getMessage()
              + " (did you mean "
              + unmatched.getSuggestions().get(0)
              + "?)"
              + StartupChecks.HELP);
    } else {
      printError(err, e.getMessage() + StartupChecks.HELP);
    }
    return 2;
  }

  /** One line, whatever the message holds: a value from a flag or a file cannot break it. */
  private static void printError(PrintWriter err, String message) {
    err.println("alertforge-controller: " + LogEscaping.text(message));
    err.flush();
  }

  @Override
  public Integer call() throws Exception {
    new RunningParts(check()).run();
    return 0;
  }

  /**
   * Every flag and file, before anything starts, so that one run names every problem: the files
   * first, then each concern's flags.
   *
   * @throws StartupChecks.Failed with every problem found
   */
  Configuration check() {
    StartupChecks checks = new StartupChecks();
    wavefront.checkFiles(checks);
    git.checkFiles(checks);
    admission.checkFiles(checks);
    AlertController.Settings.Builder controller = sync.check(checks);
    WavefrontConnection connection = wavefront.check(checks, spec);
    kubernetes.applyTo(controller, checks, env);
    AdmissionFlags.Admission webhook = admission.check(checks);
    GitSourceFlags.GitSource source = git.check(checks);
    checks.throwIfAny();
    return new Configuration(
        controller.authRetry(connection.authRetry()).build(),
        connection,
        source,
        webhook,
        ops.metricsPort,
        new Configuration.AsGiven(kubernetes.watched(), sync.drift, sync.resync));
  }
}
