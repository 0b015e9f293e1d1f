package io.alertforge.compiler.diff;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.git.GitBaseException;
import io.alertforge.compiler.git.GitWorkspace;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The diff of a pull request: the alert repository at the merge base of the base ref and HEAD,
 * against the head (the working tree, or a commit). Each side is read once and compiled once.
 */
public final class GitDiff {

  /** How {@code alert.head} names the working tree. */
  public static final String WORKING_TREE = "working tree";

  private GitDiff() {}

  /**
   * The two sides of a comparison and their result.
   *
   * @param head the head's compilation (its findings are the pull request's verdict)
   * @param base the merge base that was compared
   * @param headCommit the commit the head is, or null for a working tree with uncommitted changes
   */
  public record Comparison(
      AlertDiff diff, Compilation head, GitWorkspace.Side base, GitWorkspace.Side headCommit) {}

  /**
   * @param baseRef the base branch, tag or commit; null for the first of {@link
   *     GitWorkspace#DEFAULT_BASE_REFS} that exists
   * @param head a commit such as {@code HEAD}, or null for the working tree
   * @param workingTree the working tree's compilation when the caller has it already, else null
   */
  public static AlertDiff diff(
      AlertCompiler compiler,
      GitWorkspace workspace,
      String baseRef,
      String head,
      Compilation workingTree)
      throws GitBaseException, IOException {
    return compare(compiler, workspace, baseRef, head, workingTree).diff();
  }

  /**
   * As {@link #diff}, with the commits compared. A working tree whose alert files are as HEAD has
   * them is named by HEAD's commit, not as the working tree.
   */
  public static Comparison compare(
      AlertCompiler compiler,
      GitWorkspace workspace,
      String baseRef,
      String head,
      Compilation workingTree)
      throws GitBaseException, IOException {
    GitWorkspace.Side baseSide = workspace.base(baseRef);
    SourceTree baseTree = workspace.tree(baseSide);
    GitWorkspace.Side headSide =
        head == null ? workspace.cleanHead().orElse(null) : workspace.commit(head);
    SourceTree headTree = head == null ? workspace.workingTree() : workspace.tree(headSide);
    Compilation headCompilation =
        head == null && workingTree != null ? workingTree : compiler.compile(headTree);
    List<String> notes = new ArrayList<>();
    Compilation baseCompilation;
    try {
      baseCompilation = compiler.compile(baseTree);
    } catch (IOException e) {
      notes.add(
          "The base could not be read (" + e.getMessage() + "): every alert shows as created.");
      baseCompilation = new Compilation(List.of(), List.of(), 0);
    }
    Set<String> changed = ChangedFiles.between(baseTree, headTree);
    String headLabel =
        head != null
            ? headTree.description()
            : headSide != null ? workspace.tree(headSide).description() : WORKING_TREE;
    AlertDiff diff =
        AlertDiffer.diff(
            baseTree.description(), baseCompilation, headLabel, headCompilation, changed, notes);
    return new Comparison(diff, headCompilation, baseSide, headSide);
  }
}
