package io.alertforge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Turns a copied test project into a Git repository as a pull request has it: everything committed
 * on main, then a branch {@code change} checked out.
 */
final class GitProjects {

  private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

  private GitProjects() {}

  static void mainThenBranch(File basedir) throws GitAPIException, IOException {
    Files.writeString(basedir.toPath().resolve(".gitignore"), "target/\n");
    try (Git git = Git.init().setDirectory(basedir).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("alerts")
          .setSign(false)
          .setAuthor(AUTHOR)
          .setCommitter(AUTHOR)
          .call();
      git.checkout().setCreateBranch(true).setName("change").call();
    }
  }

  /** Commits every change of the work tree on the current branch; returns the commit id. */
  static String commitAll(File basedir, String message) throws GitAPIException, IOException {
    try (Git git = Git.open(basedir)) {
      git.add().addFilepattern(".").call();
      return git.commit()
          .setMessage(message)
          .setSign(false)
          .setAuthor(AUTHOR)
          .setCommitter(AUTHOR)
          .call()
          .name();
    }
  }

  /** Replaces the first occurrence of a text in a file of the project. */
  static void edit(File basedir, String file, String from, String to) throws IOException {
    Path path = basedir.toPath().resolve(file);
    String content = Files.readString(path);
    if (!content.contains(from)) {
      throw new IllegalArgumentException(file + " has no " + from);
    }
    Files.writeString(path, content.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }
}
