package io.alertforge.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.takari.maven.testing.TestResources5;
import io.takari.maven.testing.executor.MavenRuntime;
import io.takari.maven.testing.executor.MavenRuntime.MavenRuntimeBuilder;
import io.takari.maven.testing.executor.MavenVersions;
import io.takari.maven.testing.executor.junit.MavenPluginTest;
import java.io.File;
import org.junit.jupiter.api.extension.RegisterExtension;

/** alert:diff in a real Maven build of a project that is a Git repository on a branch. */
@MavenVersions({"3.8.7", "3.9.16"})
class DiffGoalIT {

  @RegisterExtension final TestResources5 resources = new TestResources5();
  private final MavenRuntime maven;

  DiffGoalIT(MavenRuntimeBuilder builder) throws Exception {
    this.maven = builder.withCliOptions("-B").build();
  }

  @MavenPluginTest
  void verifyDiffsTheBranchAgainstMainWithUncommittedEdits() throws Exception {
    File basedir = resources.getBasedir("it-diff");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(basedir, "alerts/alerts.yaml", "minutes: 5", "minutes: 10");

    maven
        .forProject(basedir)
        .execute("verify")
        .assertErrorFreeLog()
        .assertLogText("Alert diff main (") // the merge base's abbreviated id follows
        .assertLogText(":alerts → working tree: +0 created, ~2 changed, -0 deleted in 1 namespace");

    assertThat(new File(basedir, "target/alerts/diff.md"))
        .content()
        .contains("<b>minutes 5 → 10</b> · 2 alerts");
    assertThat(new File(basedir, "target/alerts/diff.json")).isFile();
  }
}
