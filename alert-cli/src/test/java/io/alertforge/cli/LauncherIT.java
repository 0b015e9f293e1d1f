package io.alertforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/alertforge as a process: from another directory, through symlinks, finding java. */
class LauncherIT {

  @TempDir Path temp;

  @Test
  void runsFromAnotherDirectoryWithPathsRelativeToIt() throws Exception {
    Path work = Files.createDirectories(temp.resolve("work"));
    Repositories.copy("clean", work.resolve("alerts"));

    DistributionRun.Result run = DistributionRun.run(work, "lint", "alerts");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Alerts in alerts: 0 errors, 0 warnings, 0 info in 1 file; 2 alerts rendered")
        .contains("Diagnostics written to target/alerts/diagnostics.json");
    assertThat(work.resolve("target/alerts/diagnostics.json")).isRegularFile();
  }

  @Test
  void runsThroughAChainOfSymlinks() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path links = Files.createDirectories(temp.resolve("links"));
    Path absolute = Files.createSymbolicLink(bin.resolve("alertforge"), launcher());
    Path relative = Files.createSymbolicLink(links.resolve("af"), Path.of("../bin/alertforge"));
    Repositories.copy("broken", temp.resolve("repo"));

    DistributionRun.Result version = DistributionRun.run(relative, temp, Map.of(), "--version");
    DistributionRun.Result lint =
        DistributionRun.run(absolute, temp, Map.of(), "lint", "-o", "out", "repo");

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("alertforge ");
    assertThat(lint.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(lint.out()).contains("alerts.yaml:11:13: error [schema/enum]");
    assertThat(lint.err())
        .isEqualTo(
            "alertforge: 3 error(s) in the alert sources under repo; each is listed above with"
                + " its file, line, column and rule, and in out/diagnostics.json\n");
  }

  @Test
  void findsJavaOnThePathWithoutJavaHome() throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("JAVA_HOME", null);
    environment.put("PATH", DistributionRun.javaHome().resolve("bin") + ":/usr/bin:/bin");

    DistributionRun.Result run = DistributionRun.run(launcher(), temp, environment, "--version");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("alertforge ");
  }

  @Test
  void aJavaHomeWithoutJavaIsAConfigurationErrorOnOneLine() throws Exception {
    Path notJava = Files.createDirectories(temp.resolve("not-java"));

    DistributionRun.Result run =
        DistributionRun.run(launcher(), temp, Map.of("JAVA_HOME", notJava.toString()), "--version");

    assertThat(run.exitCode()).isEqualTo(Main.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "alertforge: JAVA_HOME is '"
                + notJava
                + "', which has no bin/java: set JAVA_HOME to a Java 17 or later, or unset it to"
                + " use the java on PATH\n");
  }

  @Test
  void aUsageErrorThroughTheLauncherIsOneLine() throws Exception {
    DistributionRun.Result run = DistributionRun.run(temp, "lint", "--bogus");

    assertThat(run.exitCode()).isEqualTo(Main.USAGE);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("alertforge: Unknown option: '--bogus'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aClassDataSharingArchiveThatDoesNotMatchIsIgnoredSilently() throws Exception {
    // A copy elsewhere: the archive names the jars at the build's path, so it does not match.
    Path copy = copyTree(DistributionRun.distribution(), temp.resolve("copy"));
    assertThat(copy.resolve("lib/alertforge.jsa")).isRegularFile();
    Repositories.copy("clean", temp.resolve("repo"));

    DistributionRun.Result run =
        DistributionRun.run(copy.resolve("bin/alertforge"), temp, Map.of(), "lint", "repo");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Alerts in repo: 0 errors");
  }

  @Test
  void thePreCommitHookEntryLintsTheRepositoryItRunsIn() throws Exception {
    Path hook = Repositories.buildRoot().resolve("ci/pre-commit-alertforge.sh");
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("alertforge"), launcher());
    Path clean = Repositories.copy("clean", temp.resolve("clean"));
    Path broken = Repositories.copy("broken", temp.resolve("broken"));

    DistributionRun.Result onPath =
        DistributionRun.run(hook, clean, Map.of("PATH", bin + ":/usr/bin:/bin"));
    DistributionRun.Result named =
        DistributionRun.run(
            hook, broken, Map.of("ALERTFORGE", launcher().toString()), "--fail-on", "warning");

    assertThat(onPath.exitCode()).as(onPath.err()).isZero();
    assertThat(onPath.out()).contains("Alerts in .: 0 errors");
    assertThat(clean.resolve("target/alerts/diagnostics.json")).isRegularFile();
    assertThat(named.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(named.err()).startsWith("alertforge: 3 error(s) in the alert sources under .;");
  }

  private static Path launcher() {
    return DistributionRun.distribution().resolve("bin/alertforge");
  }

  private static Path copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }
}
