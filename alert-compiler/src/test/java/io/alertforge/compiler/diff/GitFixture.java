package io.alertforge.compiler.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository in a temporary directory, built with JGit: files, commits, branches. */
final class GitFixture implements AutoCloseable {

  private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

  final Git git;
  final Path dir;

  private GitFixture(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static GitFixture init(Path dir) throws GitAPIException {
    return new GitFixture(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  GitFixture write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return this;
  }

  GitFixture delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  /** Stages every change, deletions included, and commits it. */
  RevCommit commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit()
        .setMessage(message)
        .setSign(false)
        .setAuthor(AUTHOR)
        .setCommitter(AUTHOR)
        .call();
  }

  GitFixture branch(String name) throws GitAPIException {
    git.checkout().setCreateBranch(true).setName(name).call();
    return this;
  }

  @Override
  public void close() {
    git.close();
  }
}
