package io.alertforge.maven;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diff.AlertDiff;
import io.alertforge.compiler.diff.CommentHeader;
import io.alertforge.compiler.diff.CommentHeader.Revision;
import io.alertforge.compiler.diff.GitDiff;
import io.alertforge.compiler.git.GitBaseException;
import io.alertforge.compiler.git.GitWorkspace;
import io.alertforge.compiler.output.DiffReport;
import io.alertforge.maven.comment.ApiException;
import io.alertforge.maven.comment.CiRun;
import io.alertforge.model.Annotations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
 * each changed file, and the findings on touched alerts. {@code diff.md}, the pull-request comment,
 * starts with the head's lint verdict, the head and base commits and the CI run, and shows each
 * changed alert's Wavefront request change. Prints the summary line; fails only with {@code
 * alert.failOnDelete} when Wavefront alerts would be deleted (deletions, and renames that recreate
 * their alert), never because of findings.
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
  void removeOutputs() throws IOException {
    DiffReport.remove(output.toPath());
  }

  @Override
  void run(Compilation workingTree)
      throws IOException, MojoExecutionException, MojoFailureException {
    CiRun ci = ciRun();
    Optional<GitWorkspace> workspace = GitWorkspace.open(source.toPath());
    if (workspace.isEmpty()) {
      getLog().warn("No alert diff: " + source + " is not in a Git repository that tracks it");
      DiffReport.writeUnavailable(
          output.toPath(),
          "the alert source is not in a Git repository that tracks it: nothing to compare with",
          context(ci, null, null, null),
          workingTree.diagnostics());
      return;
    }
    String headRev =
        head == null || head.isBlank() || head.equals(GitDiff.WORKING_TREE) ? null : head;
    try (GitWorkspace git = workspace.get()) {
      GitDiff.Comparison comparison;
      try {
        comparison = GitDiff.compare(compiler(), git, blank(baseRef), headRev, workingTree);
      } catch (GitBaseException e) {
        String where = " (Git repository " + git.workTree() + ")";
        if (blank(baseRef) != null || headRev != null) {
          throw new MojoExecutionException(e.getMessage() + where); // asked for explicitly
        }
        getLog().warn("No alert diff: " + e.getMessage() + where);
        DiffReport.writeUnavailable(
            output.toPath(),
            e.getMessage(),
            context(ci, git.cleanHead().orElse(null), null, git.prefix()),
            workingTree.diagnostics());
        return;
      }
      write(comparison, ci, git);
    }
  }

  private void write(GitDiff.Comparison comparison, CiRun ci, GitWorkspace git)
      throws IOException, MojoFailureException {
    AlertDiff diff = comparison.diff();
    File json = new File(output, DiffReport.JSON);
    // an explicit alert.head is what was compared, whatever the CI checked out
    CiRun headFromCi = head == null || head.isBlank() ? ci : CiRun.none();
    List<Diagnostic> headDiagnostics = comparison.head().diagnostics();
    DiffReport.write(
        output.toPath(),
        diff,
        repositoryPath(json, git.workTree()),
        context(headFromCi, comparison.headCommit(), comparison.base(), git.prefix()),
        headDiagnostics);
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

  /**
   * What the comment is current for. The head: the CI's head commit, else the commit compared (HEAD
   * when the working tree is clean, or alert.head), else the working tree.
   */
  private CommentHeader.Context context(
      CiRun ci, GitWorkspace.Side headCommit, GitWorkspace.Side base, String prefix) {
    Revision headRevision =
        ci.headCommit() != null
            ? new Revision(ci.headCommit(), null)
            : headCommit != null
                ? new Revision(headCommit.commit().name(), headCommit.ref())
                : Revision.workingTree();
    Revision baseRevision = base == null ? null : new Revision(base.commit().name(), base.ref());
    return new CommentHeader.Context(
        headRevision,
        baseRevision,
        ci.runUrl(),
        prefix == null ? null : ci.links(prefix),
        settings.failOn());
  }

  private CiRun ciRun() {
    try {
      return CiRun.detect(environment);
    } catch (ApiException e) {
      getLog().warn("The comment names no CI run: " + e.getMessage());
      return CiRun.none();
    }
  }

  /**
   * How diff.md names diff.json: by its path in the repository, never by a local absolute path
   * (diff.md is posted to the pull request).
   */
  private static String repositoryPath(File file, Path workTree) {
    Path path = file.getAbsoluteFile().toPath().normalize();
    Path root = workTree.toAbsolutePath().normalize();
    return path.startsWith(root)
        ? root.relativize(path).toString().replace(File.separatorChar, '/')
        : path.getFileName().toString();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
