package io.alertforge.compiler.git;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The alert repository in a commit's tree, read from Git objects directly: no checkout, and no
 * change to the working tree or the index. The tree is listed once, on construction; files are read
 * on demand, each with its own object reader (readers are not thread-safe).
 */
public final class GitSourceTree implements SourceTree {

  private final Repository repository;
  private final String description;
  private final Map<String, ObjectId> files = new TreeMap<>();
  private final List<String> symlinks = new ArrayList<>();

  /**
   * @param prefix the alert repository's path inside the Git repository, "" for its root
   */
  GitSourceTree(Repository repository, RevTree tree, String prefix, String description)
      throws IOException {
    this.repository = repository;
    this.description = description;
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(false);
      while (walk.next()) {
        String path = walk.getPathString();
        boolean inside = prefix.isEmpty() || path.startsWith(prefix + "/");
        if (!inside) {
          if (walk.isSubtree() && (prefix.equals(path) || prefix.startsWith(path + "/"))) {
            walk.enterSubtree(); // on the way down to the prefix
          }
          continue;
        }
        String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
        FileMode mode = walk.getFileMode(0);
        if (walk.isSubtree()) {
          if (!RepositoryScanner.skipsDirectory(walk.getNameString())) {
            walk.enterSubtree();
          }
        } else if (mode == FileMode.SYMLINK) {
          symlinks.add(relative);
        } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
          files.put(relative, walk.getObjectId(0));
        } // gitlinks (submodules) hold no files of this repository
      }
    }
  }

  /**
   * The alert repository in {@code tree} of any repository, bare or not (the controller's fetched
   * clone), under {@code prefix} ("" for the root).
   */
  public static SourceTree of(
      Repository repository, RevTree tree, String prefix, String description) throws IOException {
    return new GitSourceTree(repository, tree, prefix, description);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> yamlFiles(Diagnostics diagnostics) {
    for (String link : symlinks) {
      if (RepositoryScanner.isYaml(link)) {
        diagnostics.report(
            Rules.INPUT_SYMLINK,
            SourcePosition.ofFile(link),
            "symbolic link not followed; copy the file into the repository if it belongs there");
      }
    }
    return files.keySet().stream().filter(RepositoryScanner::isSourceFile).toList();
  }

  @Override
  public List<String> allFiles() {
    return List.copyOf(files.keySet());
  }

  @Override
  public boolean isFile(String path) {
    return files.containsKey(path);
  }

  @Override
  public byte[] read(String path) throws IOException {
    ObjectId id = files.get(path);
    if (id == null) {
      throw new IOException("no file " + path + " in " + description);
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(id, Constants.OBJ_BLOB).getBytes();
    } catch (MissingObjectException e) {
      throw new IOException(
          "the object of " + path + " is missing from the Git repository (a partial clone?)", e);
    }
  }

  @Override
  public String contentId(String path) throws IOException {
    ObjectId id = files.get(path);
    if (id == null) {
      throw new IOException("no file " + path + " in " + description);
    }
    return id.name();
  }
}
