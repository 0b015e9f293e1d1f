package io.alertforge.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.takari.maven.testing.TestResources5;
import io.takari.maven.testing.executor.MavenExecutionResult;
import io.takari.maven.testing.executor.MavenRuntime;
import io.takari.maven.testing.executor.MavenRuntime.MavenRuntimeBuilder;
import io.takari.maven.testing.executor.MavenVersions;
import io.takari.maven.testing.executor.junit.MavenPluginTest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real Maven runs (the oldest supported and a current 3.9) of the goals on test projects. */
@MavenVersions({"3.8.7", "3.9.16"})
class AlertGoalsIT {

  @RegisterExtension final TestResources5 resources = new TestResources5();
  private final MavenRuntime maven;

  AlertGoalsIT(MavenRuntimeBuilder builder) throws Exception {
    this.maven = builder.withCliOptions("-B").build();
  }

  @MavenPluginTest
  void verifyLintsAndRendersAProject() throws Exception {
    File basedir = resources.getBasedir("it-basic");

    MavenExecutionResult result = maven.forProject(basedir).execute("verify");

    result
        .assertErrorFreeLog()
        .assertLogText("0 errors, 0 warnings, 0 info in 1 file; 2 alerts rendered")
        .assertLogText("Rendered 2 alert(s) to ");
    assertThat(new File(basedir, "target/alerts/rendered/team-a/checkout.cpu-high.yaml")).isFile();
    assertThat(new File(basedir, "target/alerts/diagnostics.json")).isFile();
  }

  @MavenPluginTest
  void lintRunsWithoutAProjectAndFailsWithExactPositions() throws Exception {
    File basedir = resources.getBasedir("it-standalone");
    String version = testProperties().getProperty("project.version");

    MavenExecutionResult result =
        maven
            .forProject(basedir)
            .withCliOption("-Dalert.source=alerts")
            .execute("io.alertforge:alert-maven-plugin:" + version + ":lint");

    result
        .assertLogText("alerts.yaml:11:13: error [schema/enum] spec.severity is 'WARN'")
        .assertLogText(
            "alerts.yaml:26:5: error [reference/unknown-template] no WavefrontAlert template named"
                + " 'memory-high' in namespace team-a")
        .assertLogText("alerts.yaml:23:5: error [template/missing-param]")
        .assertLogText("3 error(s) in the alert sources")
        .assertLogText("BUILD FAILURE");
    assertThat(new File(basedir, "target/alerts/diagnostics.json")).isFile();
  }

  @MavenPluginTest
  void helpListsEveryGoal() throws Exception {
    File basedir = resources.getBasedir("it-standalone");
    String version = testProperties().getProperty("project.version");

    MavenExecutionResult result =
        maven.forProject(basedir).execute("io.alertforge:alert-maven-plugin:" + version + ":help");

    result.assertErrorFreeLog().assertLogText("This plugin has 5 goals:");
    // help wraps the description at 80 columns
    assertThat(String.join(" ", result.getLog()).replaceAll("\\s+", " "))
        .contains(
            "Thin Mojos over alert-compiler: alert:lint, alert:render, alert:diff, alert:comment"
                + " and alert:help.");
    // each goal's name on a line of its own, as help prints the list
    for (String goal : List.of("comment", "diff", "help", "lint", "render")) {
      assertThat(result.getLog()).anyMatch(line -> line.matches("(\\[INFO\\] )?alert:" + goal));
    }
  }

  /** Written by takari-lifecycle's testProperties goal: the build's own coordinates. */
  private static Properties testProperties() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = AlertGoalsIT.class.getResourceAsStream("/test.properties")) {
      properties.load(in);
    }
    return properties;
  }
}
