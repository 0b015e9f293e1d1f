package io.alertforge.controller.gitops;

import io.alertforge.compiler.git.GitSourceTree;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Fetches one branch into a local bare repository with JGit and reads commits from it. Nothing is
 * checked out: the compiler reads the commit's tree from Git objects. The branch is fetched with a
 * forced refspec, so a force-push is followed. Credentials are read from their files on every
 * fetch, so a rotated token or SSH key needs no restart; over SSH ({@link GitSsh}) the server's key
 * must be in the known-hosts file. Not thread-safe: {@link GitSync} serialises calls.
 */
public final class GitFetcher implements AutoCloseable {

  /** A fetch that failed: unreachable, refused credentials, no such branch. */
  public static final class FetchException extends Exception {
    FetchException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final GitSourceSettings settings;
  private final Repository repository;
  private final String trackingRef;

  public GitFetcher(GitSourceSettings settings) throws IOException {
    this.settings = settings;
    this.trackingRef = "refs/remotes/origin/" + settings.branch();
    Path dir = settings.cacheDir();
    Files.createDirectories(dir);
    Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    if (!repo.getObjectDatabase().exists()) {
      repo.create(true);
    }
    this.repository = repo;
  }

  /** Fetches the branch and returns its tip. */
  public RevCommit fetch() throws FetchException {
    GitSsh ssh = null;
    try (Git git = Git.wrap(repository)) {
      FetchCommand fetch =
          git.fetch()
              .setRemote(settings.url().toString())
              .setRefSpecs(new RefSpec("+refs/heads/" + settings.branch() + ":" + trackingRef))
              .setTimeout(60);
      if (settings.ssh()) {
        ssh = GitSsh.open(settings);
        fetch.setTransportConfigCallback(ssh);
      } else {
        fetch.setCredentialsProvider(credentials());
      }
      fetch.call();
      Ref ref = repository.exactRef(trackingRef);
      if (ref == null) {
        throw new FetchException(
            "branch '" + settings.branch() + "' not found at " + redactedUrl(), null);
      }
      return commit(ref.getObjectId());
    } catch (GitAPIException | IOException | RuntimeException e) {
      String why = ssh == null ? null : ssh.explain(e);
      // JGit's messages name the URL, never the password; the URL cannot carry one (settings).
      throw new FetchException(
          "fetch of "
              + redactedUrl()
              + " branch "
              + settings.branch()
              + " failed: "
              + (why == null ? rootMessage(e) : why),
          e);
    } finally {
      if (ssh != null) {
        ssh.close();
      }
    }
  }

  public RevCommit commit(ObjectId id) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(id);
    }
  }

  /** True when {@code ancestor} is reachable from {@code tip} (false after a force-push). */
  public boolean isAncestor(ObjectId ancestor, ObjectId tip) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(tip));
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      return false;
    }
  }

  /**
   * A commit that {@code test} accepts among those {@code tip} has and {@code since} has not (the
   * newest first), or null. After a force-push that is the rewritten part (the commits since the
   * two histories forked). Without {@code since}, or when this clone does not have it (a new clone
   * after a force-push), only the tip is looked at.
   */
  public RevCommit findSince(String since, RevCommit tip, Predicate<RevCommit> test)
      throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit start = walk.parseCommit(tip);
      if (since == null) {
        return test.test(start) ? start : null;
      }
      try {
        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(since)));
      } catch (org.eclipse.jgit.errors.MissingObjectException e) {
        return test.test(start) ? start : null;
      }
      walk.markStart(start);
      for (RevCommit commit : walk) {
        if (test.test(commit)) {
          return commit;
        }
      }
      return null;
    }
  }

  /** The alert repository (the sub-path) as of {@code commit}. */
  public SourceTree tree(RevCommit commit) throws IOException {
    return GitSourceTree.of(
        repository,
        commit.getTree(),
        settings.path(),
        settings.branch()
            + " ("
            + commit.abbreviate(12).name()
            + ")"
            + (settings.path().isEmpty() ? "" : ":" + settings.path()));
  }

  /** A commit as messages name it: its first 12 characters. */
  static String shortId(String commit) {
    return commit.substring(0, Math.min(12, commit.length()));
  }

  private CredentialsProvider credentials() throws IOException {
    if (settings.passwordFile() == null) {
      return null;
    }
    String user =
        settings.usernameFile() == null
            ? "x-access-token"
            : Files.readString(settings.usernameFile(), StandardCharsets.UTF_8).strip();
    String password = Files.readString(settings.passwordFile(), StandardCharsets.UTF_8).strip();
    return new UsernamePasswordCredentialsProvider(user, password);
  }

  private String redactedUrl() {
    return settings.url().toString();
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    repository.close();
  }
}
