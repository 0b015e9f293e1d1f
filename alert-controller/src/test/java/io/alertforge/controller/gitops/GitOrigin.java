package io.alertforge.controller.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository made with JGit, holding a copy of sample-repo: the "remote" in tests. */
final class GitOrigin implements AutoCloseable {
  static final Path SAMPLE = Path.of("..", "sample-repo");

  final Path dir;
  final Git git;

  private GitOrigin(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** A repository whose first commit on main is sample-repo's alerts (under {@code prefix}). */
  static GitOrigin withSampleRepo(Path dir, String prefix) throws Exception {
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    GitOrigin origin = new GitOrigin(dir, git);
    Path target = prefix.isEmpty() ? dir : dir.resolve(prefix);
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !SAMPLE.relativize(p).startsWith("target"))
          .filter(p -> p.toString().endsWith(".yaml"))
          .forEach(
              p -> {
                try {
                  Path to = target.resolve(SAMPLE.relativize(p).toString());
                  Files.createDirectories(to.getParent());
                  Files.copy(p, to);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    origin.commit("sample-repo");
    return origin;
  }

  java.net.URI url() {
    return dir.resolve(".git").toUri();
  }

  Path file(String path) {
    return dir.resolve(path);
  }

  void write(String path, String text) throws IOException {
    Files.createDirectories(file(path).getParent());
    Files.writeString(file(path), text);
  }

  void replace(String path, String from, String to) throws IOException {
    String text = Files.readString(file(path));
    if (!text.contains(from)) {
      throw new IllegalArgumentException(path + " does not contain " + from);
    }
    write(path, text.replace(from, to));
  }

  RevCommit commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit().setMessage(message).setAuthor("Dev", "dev@example.com").call();
  }

  /** A force-push: main now points at {@code commit}. */
  void resetHard(RevCommit commit) throws Exception {
    git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
