package io.alertforge.compiler.git;

import io.alertforge.compiler.source.FileSystemSourceTree;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The Git repository that holds an alert repository (a directory in its work tree, possibly a
 * subdirectory), and the trees to compare: the base (the merge base of a base ref and HEAD) and the
 * head (the working tree or a commit).
 */
public final class GitWorkspace implements AutoCloseable {

  /** Tried in order when no base ref is given. */
  public static final List<String> DEFAULT_BASE_REFS = List.of("origin/main", "main", "master");

  private static final String FETCH_HINT =
      " In GitHub Actions use actions/checkout with 'fetch-depth: 0'; in GitLab CI set"
          + " GIT_DEPTH: 0; locally run 'git fetch --unshallow'.";

  private final Repository repository;
  private final String prefix;

  private GitWorkspace(Repository repository, String prefix) {
    this.repository = repository;
    this.prefix = prefix;
  }

  /**
   * The repository whose work tree holds {@code source}, found by walking up from it (and stopping
   * at {@code GIT_CEILING_DIRECTORIES}); empty when there is none. A repository that tracks no file
   * under {@code source} is not the alert repository's, but one it happens to sit in, such as a
   * build directory inside another project's clone: it is not used.
   */
  public static Optional<GitWorkspace> open(Path source) throws IOException {
    Path real = source.toRealPath();
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().readEnvironment().findGitDir(real.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    Repository repository = builder.setMustExist(true).build();
    if (repository.isBare()) {
      repository.close();
      return Optional.empty();
    }
    Path workTree = repository.getWorkTree().toPath().toRealPath();
    String prefix =
        workTree.relativize(real).toString().replace(real.getFileSystem().getSeparator(), "/");
    if (!tracksAnything(repository, prefix)) {
      repository.close();
      return Optional.empty();
    }
    return Optional.of(new GitWorkspace(repository, prefix));
  }

  private static boolean tracksAnything(Repository repository, String prefix) throws IOException {
    DirCache index = repository.readDirCache();
    return prefix.isEmpty() ? index.getEntryCount() > 0 : index.getEntriesWithin(prefix).length > 0;
  }

  /** The alert repository's path in the Git repository, "" for its root. */
  public String prefix() {
    return prefix;
  }

  public Path workTree() {
    return repository.getWorkTree().toPath();
  }

  /** A commit that a diff compares, and how the user named it. */
  public record Side(RevCommit commit, String ref) {
    public String shortId() {
      return commit.abbreviate(12).name();
    }
  }

  /**
   * The base of a diff: the merge base of {@code baseRef} (or the first of {@link
   * #DEFAULT_BASE_REFS} that exists) and HEAD, so that changes made on the base branch since are
   * not shown as this branch's.
   */
  public Side base(String baseRef) throws GitBaseException, IOException {
    RevCommit head = commit("HEAD", "HEAD");
    if (head == null) {
      throw new GitBaseException(
          "HEAD has no commit yet in this Git repository; commit first, then diff");
    }
    String name = baseRef;
    ObjectId base = null;
    if (baseRef != null) {
      base = resolve(baseRef);
    } else {
      for (String candidate : DEFAULT_BASE_REFS) {
        base = resolve(candidate);
        if (base != null) {
          name = candidate;
          break;
        }
      }
    }
    if (base == null) {
      throw new GitBaseException(
          (baseRef != null
                  ? "the base ref '" + baseRef + "' is not in this Git repository"
                  : "none of the base refs " + DEFAULT_BASE_REFS + " is in this Git repository")
              + (isShallow() ? " (a shallow clone)" : "")
              + ". Fetch the base branch (e.g. 'git fetch origin main'), or name the base with"
              + " -Dalert.baseRef=<branch, tag or commit>."
              + FETCH_HINT);
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit baseCommit = walk.parseCommit(base);
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(baseCommit);
      walk.markStart(walk.parseCommit(head));
      RevCommit mergeBase = walk.next();
      if (mergeBase == null) {
        throw new GitBaseException(
            isShallow()
                ? "cannot find where "
                    + name
                    + " and HEAD meet: this clone is shallow and its history stops before that"
                    + " point."
                    + FETCH_HINT
                : name
                    + " and HEAD have no common history; name another base with -Dalert.baseRef");
      }
      return new Side(walk.parseCommit(mergeBase), name);
    } catch (MissingObjectException e) {
      throw new GitBaseException(
          "the commit of " + name + " (" + base.name() + ") is not in this clone." + FETCH_HINT, e);
    }
  }

  /** A commit named by the user, e.g. {@code HEAD} or a branch; an error when it is not there. */
  public Side commit(String rev) throws GitBaseException, IOException {
    RevCommit commit = commit(rev, rev);
    if (commit == null) {
      throw new GitBaseException(
          "'"
              + rev
              + "' names no commit in this Git repository; use HEAD, a branch, a tag or a commit"
              + " id");
    }
    return new Side(commit, rev);
  }

  /**
   * HEAD, when the alert repository's files in the working tree are as HEAD has them (no edit, no
   * untracked file that is not ignored); empty when they differ or HEAD has no commit.
   */
  public Optional<Side> cleanHead() throws IOException {
    RevCommit head;
    try {
      head = commit("HEAD", "HEAD");
    } catch (GitBaseException e) {
      return Optional.empty();
    }
    if (head == null) {
      return Optional.empty();
    }
    try (Git git = new Git(repository)) {
      StatusCommand status = git.status();
      if (!prefix.isEmpty()) {
        status.addPath(prefix);
      }
      return status.call().isClean() ? Optional.of(new Side(head, "HEAD")) : Optional.empty();
    } catch (GitAPIException e) {
      throw new IOException("cannot read the status of the working tree: " + e.getMessage(), e);
    }
  }

  /** The alert repository as of a commit, read from Git objects. */
  public SourceTree tree(Side side) throws IOException {
    return new GitSourceTree(
        repository,
        side.commit().getTree(),
        prefix,
        side.ref() + " (" + side.shortId() + ")" + (prefix.isEmpty() ? "" : ":" + prefix));
  }

  /** The alert repository as it is on disk, with uncommitted edits. */
  public SourceTree workingTree() {
    return new FileSystemSourceTree(prefix.isEmpty() ? workTree() : workTree().resolve(prefix));
  }

  private RevCommit commit(String rev, String name) throws IOException, GitBaseException {
    ObjectId id = resolve(rev);
    if (id == null) {
      return null;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(id);
    } catch (MissingObjectException e) {
      throw new GitBaseException(
          "the commit of " + name + " (" + id.name() + ") is not in this clone." + FETCH_HINT, e);
    }
  }

  private ObjectId resolve(String rev) throws IOException {
    try {
      return repository.resolve(rev + "^{commit}");
    } catch (RevisionSyntaxException e) {
      return null;
    }
  }

  private boolean isShallow() throws IOException {
    Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
    return !shallow.isEmpty();
  }

  @Override
  public void close() {
    repository.close();
  }
}
