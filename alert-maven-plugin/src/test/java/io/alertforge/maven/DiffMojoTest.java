package io.alertforge.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.takari.maven.testing.TestMavenRuntime5;
import io.takari.maven.testing.TestResources5;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * alert:diff in-process, on test projects made Git repositories (alert:comment: CommentGoalTest).
 */
class DiffMojoTest {

  @RegisterExtension final TestResources5 resources = new TestResources5();
  @RegisterExtension final TestMavenRuntime5 maven = new TestMavenRuntime5();

  @Test
  void diffWritesMarkdownAndJsonForAThresholdChange() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(basedir, "alerts.yaml", "threshold: \"80\"", "threshold: \"85\"");

    maven.executeMojo(basedir, "diff");

    String md = Files.readString(basedir.toPath().resolve("target/alerts/diff.md"));
    assertThat(md)
        .startsWith(
            "### AlertForge: alert changes\n\n**✅ Lint passed** · head working tree (uncommitted"
                + " changes) · base <code>")
        .contains("\n\n**+0 created, ~1 changed, -0 deleted in 1 namespace**")
        .contains("<code>team-a/checkout.cpu-high</code>: threshold 80 → 85")
        .contains(
            "-  \"condition\" : \"ts(kubernetes.pod.cpu.usage_rate, label.app=\\\"checkout\\\")"
                + " > 80\",\n+");
    assertThat(basedir.toPath().resolve("target/alerts/diff.json"))
        .content()
        .contains("\"summary\" : \"threshold 80 → 85\"");
  }

  @Test
  void failOnDeleteFailsWhenAlertsWouldBeDeleted() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(
        basedir, "alerts.yaml", "    cpu-high:\n      params:\n        app: cart", "    {}");

    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () ->
                maven.executeMojo(
                    basedir, "diff", TestMavenRuntime5.newParameter("failOnDelete", "true")));

    assertThat(failure.getMessage())
        .startsWith("1 alert(s) would be deleted (listed in ")
        .endsWith(
            "and alert.failOnDelete is set. If the deletions are intended, run without"
                + " -Dalert.failOnDelete for this change");
  }

  @Test
  void failOnDeleteFailsOnARenameWhichRecreatesTheWavefrontAlert() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(basedir, "alerts.yaml", "  name: cart\n", "  name: cart-v2\n");

    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () ->
                maven.executeMojo(
                    basedir, "diff", TestMavenRuntime5.newParameter("failOnDelete", "true")));

    assertThat(failure.getMessage())
        .startsWith(
            "1 alert(s) would be deleted, 1 of them by a rename, which deletes the Wavefront alert"
                + " and creates a new one (new id; history, acknowledgements and snoozes lost);"
                + " annotate a renamed alert alertforge.io/renamed-from: <old name> to keep its"
                + " Wavefront alert (listed in ")
        .endsWith(
            "and alert.failOnDelete is set. If the deletions are intended, run without"
                + " -Dalert.failOnDelete for this change");
    assertThat(basedir.toPath().resolve("target/alerts/diff.md"))
        .content()
        .contains(" · ⚠ 1 Wavefront alert deleted (by a rename, recreated with a new id)** · head ")
        .contains("**+0 created, ~0 changed, -0 deleted, 1 renamed (recreated) in 1 namespace**")
        .contains("**1 renamed alert's Wavefront alert will be deleted**")
        .contains("| <code>team-a/cart.cpu-high</code> | <code>team-a/cart-v2.cpu-high</code> |");
  }

  @Test
  void aRenameAloneDoesNotFailWithoutFailOnDelete() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(basedir, "alerts.yaml", "  name: cart\n", "  name: cart-v2\n");

    maven.executeMojo(basedir, "diff");

    assertThat(basedir.toPath().resolve("target/alerts/diff.json"))
        .content()
        .contains("\"recreated\" : true");
  }

  @Test
  void withoutARepositoryOfItsOwnThereIsNothingToCompare() throws Exception {
    // The copy lies under this build's target/, inside the AlertForge clone, which must not be
    // taken for the alert repository's: it tracks nothing there.
    File basedir = resources.getBasedir("unit");

    maven.executeMojo(basedir, "diff");

    assertThat(basedir.toPath().resolve("target/alerts/diff.md"))
        .content()
        .contains(
            "> No diff: the alert source is not in a Git repository that tracks it: nothing to"
                + " compare with")
        .doesNotContain(basedir.getParent());
  }

  @Test
  void anExplicitBaseThatIsNotThereIsAnErrorWithAFix() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);

    MojoExecutionException error =
        assertThrows(
            MojoExecutionException.class,
            () ->
                maven.executeMojo(
                    basedir, "diff", TestMavenRuntime5.newParameter("baseRef", "origin/main")));

    assertThat(error.getMessage())
        .startsWith("the base ref 'origin/main' is not in this Git repository.")
        .contains(" (Git repository " + basedir.getCanonicalPath() + ")")
        .contains("Fetch the base branch (e.g. 'git fetch origin main')");
    assertThat(error.getCause()).isNull();
  }

  @Test
  void aFailedRunLeavesNoDiffOfAnEarlierOne() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    maven.executeMojo(basedir, "diff");
    Path md = basedir.toPath().resolve("target/alerts/diff.md");
    Path json = basedir.toPath().resolve("target/alerts/diff.json");
    assertThat(md).exists();
    assertThat(json).exists();

    assertThrows(
        MojoExecutionException.class,
        () ->
            maven.executeMojo(
                basedir, "diff", TestMavenRuntime5.newParameter("baseRef", "no-such-branch")));

    assertThat(md).doesNotExist();
    assertThat(json).doesNotExist();
  }
}
