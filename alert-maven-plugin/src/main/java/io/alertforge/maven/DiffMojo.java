package io.alertforge.maven;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diff.AlertDiff;
import io.alertforge.compiler.diff.GitDiff;
import io.alertforge.compiler.git.GitBaseException;
import io.alertforge.compiler.git.GitWorkspace;
import io.alertforge.compiler.output.DiffReport;
import io.alertforge.model.Annotations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what a change does to the alerts: compiles the base (read from Git objects, at the merge
 * base of {@code alert.baseRef} and HEAD) and the head, and writes {@code diff.md} and {@code
 * diff.json}: created, changed (field by field), deleted and renamed alerts, the blast radius of
 * each changed file, and the findings on touched alerts. Prints the summary line; fails only with
 * {@code alert.failOnDelete} when Wavefront alerts would be deleted (deletions, and renames that
 * recreate their alert), never because of findings.
 */
@Mojo(
    name = "diff",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresProject = false,
    threadSafe = true)
public class DiffMojo extends AbstractAlertMojo {

  /**
   * The base branch, tag or commit. Default: {@code origin/main}, then {@code main}, {@code
   * master}.
   */
  @Parameter(property = "alert.baseRef")
  String baseRef;

  /** The head: the working tree (default, uncommitted edits included) or a commit, e.g. HEAD. */
  @Parameter(property = "alert.head")
  String head;

  /**
   * Fails the build when the change deletes Wavefront alerts, for a second look: deleted alerts,
   * and renamed ones whose Wavefront alert is deleted and recreated.
   */
  @Parameter(property = "alert.failOnDelete", defaultValue = "false")
  boolean failOnDelete;

  @Override
  boolean failsOnFindings() {
    return false;
  }

  @Override
  void run(Compilation workingTree)
      throws IOException, MojoExecutionException, MojoFailureException {
    Path directory = output.toPath();
    Optional<GitWorkspace> workspace = GitWorkspace.open(source.toPath());
    if (workspace.isEmpty()) {
      unavailable(source + " is not in a Git repository that tracks it: nothing to compare with");
      return;
    }
    String headRev =
        head == null || head.isBlank() || head.equals(GitDiff.WORKING_TREE) ? null : head;
    AlertDiff diff;
    try (GitWorkspace git = workspace.get()) {
      diff = GitDiff.diff(compiler(), git, blank(baseRef), headRev, workingTree);
    } catch (GitBaseException e) {
      if (blank(baseRef) != null || headRev != null) {
        throw new MojoExecutionException(e.getMessage()); // asked for it explicitly: an error
      }
      unavailable(e.getMessage());
      return;
    }
    File json = new File(output, DiffReport.JSON);
    DiffReport.write(directory, diff, displayPath(json));
    getLog().info("Alert diff " + diff.base() + " → " + diff.head() + ": " + diff.summaryLine());
    getLog().info("Diff written to " + new File(output, DiffReport.MARKDOWN) + " and " + json);
    // a rename without alertforge.io/renamed-from deletes its Wavefront alert too
    long deleted = diff.wavefrontDeletions().size();
    long renamed = diff.recreated();
    if (failOnDelete && deleted > 0) {
      throw new MojoFailureException(
          deleted
              + " alert(s) would be deleted"
              + (renamed == 0
                  ? ""
                  : ", "
                      + renamed
                      + " of them by a rename, which deletes the Wavefront alert and creates a new"
                      + " one (new id; history, acknowledgements and snoozes lost); annotate a"
                      + " renamed alert "
                      + Annotations.RENAMED_FROM
                      + ": <old name> to keep its Wavefront alert")
              + " (listed in "
              + new File(output, DiffReport.MARKDOWN)
              + "), and alert.failOnDelete is set. If the deletions are intended, run without"
              + " -Dalert.failOnDelete for this change");
    }
  }

  private void unavailable(String reason) throws IOException {
    getLog().warn("No alert diff: " + reason);
    DiffReport.writeUnavailable(output.toPath(), reason);
  }

  private String displayPath(File file) {
    Path base = new File("").getAbsoluteFile().toPath();
    Path path = file.getAbsoluteFile().toPath();
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
