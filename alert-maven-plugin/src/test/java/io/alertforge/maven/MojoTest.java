package io.alertforge.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.takari.maven.testing.TestMavenRuntime5;
import io.takari.maven.testing.TestResources5;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Mojos in-process, with the takari harness reading each test project's pom. */
class MojoTest {

  @RegisterExtension final TestResources5 resources = new TestResources5();
  @RegisterExtension final TestMavenRuntime5 maven = new TestMavenRuntime5();

  @Test
  void lintWritesEveryDiagnosticToDiagnosticsJson() throws Exception {
    File basedir = resources.getBasedir("unit");

    maven.executeMojo(basedir, "lint");

    assertThat(new File(basedir, "target/alerts/diagnostics.json"))
        .content()
        .isEqualToIgnoringWhitespace("[ ]");
  }

  @Test
  void renderWritesOneFilePerAlert() throws Exception {
    File basedir = resources.getBasedir("unit");

    maven.executeMojo(basedir, "render");

    Path rendered = basedir.toPath().resolve("target/alerts/rendered/team-a");
    try (Stream<Path> files = Files.list(rendered)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("cart.cpu-high.yaml", "checkout.cpu-high.yaml");
    }
    assertThat(rendered.resolve("cart.cpu-high.yaml"))
        .content()
        .contains("alertName: '[prod] cart CPU high'")
        .contains("condition: ts(kubernetes.pod.cpu.usage_rate, label.app=\"cart\") > 90")
        .doesNotContain("{{");
  }

  @Test
  void errorsFailTheBuildWithTheirCountAndAreStillWritten() throws Exception {
    File basedir = resources.getBasedir("broken");

    MojoFailureException failure =
        assertThrows(MojoFailureException.class, () -> maven.executeMojo(basedir, "lint"));

    assertThat(failure.getMessage()).startsWith("3 error(s) in the alert sources under ");
    assertThat(new File(basedir, "target/alerts/diagnostics.json"))
        .content()
        .contains(
            "\"rule\" : \"schema/enum\"",
            "\"line\" : 11",
            "\"rule\" : \"reference/unknown-template\"");
  }

  @Test
  void renderWritesNothingWhenThereAreErrors() throws Exception {
    File basedir = resources.getBasedir("broken");

    assertThrows(MojoFailureException.class, () -> maven.executeMojo(basedir, "render"));

    assertThat(new File(basedir, "target/alerts/rendered")).doesNotExist();
  }

  @Test
  void warningsFailTheBuildOnlyWhenAskedTo() throws Exception {
    File basedir = resources.getBasedir("unit");
    Files.writeString(
        basedir.toPath().resolve("standalone.yaml"),
        """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata: {name: heartbeat, namespace: team-a}
        spec:
          alertName: heartbeat
          condition: mcount(5m, ts(heartbeat)) = 0
          displayExpression: ts(heartbeat)
          severity: severe
          minutes: 5
          resolveAfterMinutes: 5
          target: pd:0123456789abcdef0123456789abcdef
        """);

    maven.executeMojo(basedir, "lint");
    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () ->
                maven.executeMojo(
                    basedir, "lint", TestMavenRuntime5.newParameter("failOnWarning", "true")));

    assertThat(failure.getMessage()).startsWith("1 warning(s) in the alert sources");
    MojoFailureException failOn =
        assertThrows(
            MojoFailureException.class,
            () ->
                maven.executeMojo(
                    basedir, "lint", TestMavenRuntime5.newParameter("failOn", "warning")));
    assertThat(failOn.getMessage()).contains("and alert.failOn is warning");
    MojoExecutionException bad =
        assertThrows(
            MojoExecutionException.class,
            () ->
                maven.executeMojo(
                    basedir, "lint", TestMavenRuntime5.newParameter("failOn", "info")));
    assertThat(bad.getMessage())
        .isEqualTo("alert.failOn is 'info'; use error (the default) or warning");
  }

  @Test
  void lintWritesTheRequestedReportsAndRejectsUnknownFormats() throws Exception {
    File basedir = resources.getBasedir("unit");

    maven.executeMojo(
        basedir,
        "lint",
        TestMavenRuntime5.newParameter("format", "console,sarif,junit,checkstyle"));

    File alerts = new File(basedir, "target/alerts");
    assertThat(alerts.list())
        .containsExactlyInAnyOrder(
            "diagnostics.json", "alertforge.sarif", "junit.xml", "checkstyle.xml");
    MojoExecutionException bad =
        assertThrows(
            MojoExecutionException.class,
            () ->
                maven.executeMojo(
                    basedir, "lint", TestMavenRuntime5.newParameter("format", "console,html")));
    assertThat(bad.getMessage()).startsWith("alert.format: unknown report format 'html'");
  }

  @Test
  void onGithubActionsAnnotationsArePrintedRelativeToTheWorkspace() throws Exception {
    File basedir = resources.getBasedir("broken");
    MavenProject project = maven.readMavenProject(basedir);
    MavenSession session = maven.newMavenSession(project);
    LintMojo lint = (LintMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("lint"));
    lint.environment =
        Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", basedir.getParentFile().getPath());
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    lint.stdout = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    assertThrows(MojoFailureException.class, lint::execute);

    assertThat(stdout.toString(StandardCharsets.UTF_8).lines())
        .hasSize(3)
        .allMatch(
            line -> line.startsWith("::error file=" + basedir.getName() + "/alerts.yaml,line="))
        .anyMatch(line -> line.contains(",title=schema/enum::spec.severity is 'WARN'"));
  }

  @Test
  void anOutputDirectoryInsideTheSourceIsNeverReadAsSource() throws Exception {
    File basedir = resources.getBasedir("unit");
    File output = new File(basedir, "generated-alerts");

    for (int run = 1; run <= 2; run++) {
      maven.executeMojo(
          basedir, "render", TestMavenRuntime5.newParameter("output", output.getPath()));
    }

    assertThat(new File(output, "diagnostics.json")).content().isEqualToIgnoringWhitespace("[ ]");
    assertThat(new File(output, "rendered/team-a/cart.cpu-high.yaml")).exists();
  }

  @Test
  void skipDoesNothing() throws Exception {
    File basedir = resources.getBasedir("broken");

    maven.executeMojo(basedir, "lint", TestMavenRuntime5.newParameter("skip", "true"));

    assertThat(new File(basedir, "target/alerts")).doesNotExist();
  }

  @Test
  void aMissingSourceDirectoryIsAnExecutionErrorThatSaysWhatToSet() throws Exception {
    File basedir = resources.getBasedir("unit");

    Exception error =
        assertThrows(
            Exception.class,
            () ->
                maven.executeMojo(
                    basedir, "lint", TestMavenRuntime5.newParameter("source", "does-not-exist")));

    assertThat(error)
        .isInstanceOf(org.apache.maven.plugin.MojoExecutionException.class)
        .hasMessageContaining("Set -Dalert.source");
  }
}
