package io.alertforge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The unpacked distribution's launcher run as a process, as a user runs it. */
final class DistributionRun {

  /** An ended process: its exit code and what it printed. */
  record Result(int exitCode, String out, String err) {}

  private DistributionRun() {}

  /** target/alertforge, as the build left it (the failsafe property alertforge.distribution). */
  static Path distribution() {
    return Path.of(System.getProperty("alertforge.distribution", "target/alertforge"))
        .toAbsolutePath();
  }

  /** The JVM running the tests, which the launcher is given through JAVA_HOME unless told. */
  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /**
   * Runs {@code command} (the launcher, or a link to it) with {@code args} in {@code directory};
   * {@code environment} changes the test's own (a null value removes the variable), and GitHub's
   * variables are removed so that a run on GitHub Actions prints as elsewhere.
   */
  static Result run(Path command, Path directory, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> commandLine = new ArrayList<>(List.of(command.toString()));
    commandLine.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(commandLine).directory(directory.toFile());
    Map<String, String> env = builder.environment();
    env.remove("GITHUB_ACTIONS");
    env.remove("GITHUB_WORKSPACE");
    env.remove("ALERTFORGE_OPTS");
    env.put("JAVA_HOME", javaHome().toString());
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    Path out = Files.createTempFile("alertforge-out", ".txt");
    Path err = Files.createTempFile("alertforge-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(commandLine + " did not end within 5 minutes");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** {@link #run} of the distribution's own bin/alertforge. */
  static Result run(Path directory, String... args) throws IOException, InterruptedException {
    return run(distribution().resolve("bin/alertforge"), directory, Map.of(), args);
  }
}
