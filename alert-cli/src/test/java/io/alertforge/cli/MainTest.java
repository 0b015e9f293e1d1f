package io.alertforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command in-process: parsing, messages and exit codes. */
class MainTest {

  @TempDir Path temp;

  /** One run: its exit code and what it printed on each stream. */
  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, environment, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  private static void assertOneLineUsageError(Run run, String message) {
    assertThat(run.exitCode()).isEqualTo(Main.USAGE);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("alertforge: " + message).doesNotContain("Exception", "\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageErrorOnOneLineWithASuggestion() {
    Run run = run("lint", "--fail-onn", "error");

    assertOneLineUsageError(run, "Unknown option: '--fail-onn'");
    assertThat(run.err()).contains("did you mean --fail-on", "see 'alertforge lint --help'");
  }

  @Test
  void noCommandAnUnknownCommandAndAMissingValueAreUsageErrors() {
    assertOneLineUsageError(run(), "Missing command: lint or render");
    assertOneLineUsageError(run("check"), "Unmatched argument at index 0: 'check'");
    assertOneLineUsageError(run("render", "--output"), "Missing required parameter for option");
  }

  @Test
  void theRepositoryGivenTwiceIsAUsageError() throws Exception {
    Path repo = Repositories.copy("clean", temp.resolve("repo"));

    Run run = run("lint", "--source", repo.toString(), repo.toString());

    assertOneLineUsageError(run, "The alert repository is given twice (DIR '");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void wrongSettingsAreConfigurationErrorsNamingTheOption() throws Exception {
    Path repo = Repositories.copy("clean", temp.resolve("repo"));
    String out = temp.resolve("out").toString();

    Run failOn = run("lint", "--fail-on", "info", "-o", out, repo.toString());
    Run format = run("lint", "--format", "console,html", "-o", out, repo.toString());
    Run missing = run("render", "-o", out, temp.resolve("does-not-exist").toString());

    assertThat(failOn.exitCode()).isEqualTo(Main.USAGE);
    assertThat(failOn.err())
        .isEqualTo("alertforge: --fail-on is 'info'; use error (the default) or warning\n");
    assertThat(format.exitCode()).isEqualTo(Main.USAGE);
    assertThat(format.errLines())
        .singleElement()
        .asString()
        .startsWith("alertforge: --format: unknown report format 'html'; use a comma-separated");
    assertThat(missing.exitCode()).isEqualTo(Main.USAGE);
    assertThat(missing.errLines())
        .singleElement()
        .asString()
        .startsWith("alertforge: Cannot read alert source ")
        .endsWith(". Set DIR to the directory that holds the alert YAML");
  }

  @Test
  void errorsExitWithOneAndAreListedWithTheirPositions() throws Exception {
    Path repo = Repositories.copy("broken", temp.resolve("repo"));
    Path out = temp.resolve("out");

    Run lint = run("lint", "-o", out.toString(), repo.toString());
    Run render = run("render", "-o", out.toString(), repo.toString());

    assertThat(lint.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(lint.out())
        .contains("alerts.yaml:11:13: error [schema/enum] spec.severity is 'WARN'")
        .contains("alerts.yaml:26:5: error [reference/unknown-template]")
        .contains("Diagnostics written to " + out.resolve("diagnostics.json"));
    assertThat(lint.errLines())
        .singleElement()
        .asString()
        .startsWith("alertforge: 3 error(s) in the alert sources under " + repo);
    assertThat(render.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(render.out()).contains("Rendered alerts not written because of errors");
    assertThat(out.resolve("rendered")).doesNotExist();
  }

  @Test
  void warningsExitWithOneOnlyAtFailOnWarning() throws Exception {
    Path repo = Repositories.copy("clean", temp.resolve("repo"));
    Repositories.addWarning(repo);
    String out = temp.resolve("out").toString();

    Run byDefault = run("lint", "-o", out, repo.toString());
    Run failOn = run("lint", "--fail-on", "warning", "-o", out, repo.toString());
    Run alias = run("lint", "--fail-on-warning", "-o", out, repo.toString());

    assertThat(byDefault.exitCode()).isEqualTo(Main.CLEAN);
    assertThat(byDefault.out()).contains("warning.yaml:").contains(": warning [");
    assertThat(failOn.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(failOn.err())
        .startsWith("alertforge: 1 warning(s) in the alert sources under ")
        .contains(", and --fail-on is warning;");
    assertThat(alias.exitCode()).isEqualTo(Main.FINDINGS);
  }

  @Test
  void aCleanRepositoryExitsWithZeroAndWritesItsOutput() throws Exception {
    Path repo = Repositories.copy("clean", temp.resolve("repo"));
    Path out = temp.resolve("out");

    Run lint =
        run(
            "lint",
            "--format=console,sarif,junit,checkstyle",
            "--output",
            out.toString(),
            "--source",
            repo.toString());
    Run render = run("render", "-o", out.toString(), repo.toString());

    assertThat(lint.exitCode()).isEqualTo(Main.CLEAN);
    assertThat(lint.err()).isEmpty();
    assertThat(lint.out()).contains("Alerts in " + repo + ": 0 errors, 0 warnings, 0 info");
    assertThat(out.resolve("diagnostics.json")).content().isEqualToIgnoringWhitespace("[ ]");
    assertThat(out).isDirectoryContaining("glob:**/alertforge.sarif");
    assertThat(out).isDirectoryContaining("glob:**/junit.xml");
    assertThat(out).isDirectoryContaining("glob:**/checkstyle.xml");
    assertThat(render.exitCode()).isEqualTo(Main.CLEAN);
    assertThat(render.out()).contains("Rendered 2 alert(s) to " + out.resolve("rendered"));
    try (Stream<Path> files = Files.list(out.resolve("rendered/team-a"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("cart.cpu-high.yaml", "checkout.cpu-high.yaml");
    }
  }

  @Test
  void anOutputInsideTheRepositoryIsNeverReadAsSource() throws Exception {
    Path repo = Repositories.copy("clean", temp.resolve("repo"));
    Path out = repo.resolve("generated");

    Run first = run("render", "-o", out.toString(), repo.toString());
    Run second = run("render", "-o", out.toString(), repo.toString());

    assertThat(first.exitCode()).isEqualTo(Main.CLEAN);
    assertThat(second.exitCode()).isEqualTo(Main.CLEAN);
    assertThat(second.err()).isEmpty();
    assertThat(out.resolve("diagnostics.json")).content().isEqualToIgnoringWhitespace("[ ]");
  }

  @Test
  void skipDoesNothing() throws Exception {
    Path repo = Repositories.copy("broken", temp.resolve("repo"));
    Path out = temp.resolve("out");

    Run run = run("lint", "--skip", "-o", out.toString(), repo.toString());

    assertThat(run.exitCode()).isEqualTo(Main.CLEAN);
    assertThat(run.out()).isEqualTo("Skipping: --skip is set\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void onGithubActionsAnnotationsArePrintedRelativeToTheWorkspace() throws Exception {
    Path repo = Repositories.copy("broken", temp.resolve("alerts"));

    Run run =
        run(
            Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", temp.toString()),
            "lint",
            "-o",
            temp.resolve("out").toString(),
            repo.toString());

    assertThat(run.exitCode()).isEqualTo(Main.FINDINGS);
    assertThat(run.out().lines().filter(l -> l.startsWith("::")))
        .hasSize(3)
        .allMatch(line -> line.startsWith("::error file=alerts/alerts.yaml,line="));
  }

  @Test
  void everyCommandHasHelpAndTheVersion() {
    Run help = run("--help");
    Run lint = run("lint", "--help");
    Run render = run("render", "-h");
    Run version = run("--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: alertforge", "lint", "render", "Exit codes:");
    assertThat(lint.exitCode()).isZero();
    assertThat(lint.out())
        .contains("Usage: alertforge lint", "--format=FORMATS", "--fail-on=SEVERITY", "[DIR]")
        .contains("Default: console", "alert.failOnWarning", "2   a usage or configuration error");
    assertThat(render.exitCode()).isZero();
    assertThat(render.out()).contains("Usage: alertforge render").doesNotContain("--format");
    assertThat(version.out()).matches("alertforge \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
  }
}
