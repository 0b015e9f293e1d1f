package io.alertforge.compiler.source;

import io.alertforge.compiler.diagnostic.Diagnostics;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert repository held in memory, path to bytes: files that exist nowhere else, such as the
 * objects the admission webhook checks. Listed by the rules of {@link RepositoryScanner}, so the
 * compiler sees what it would see of the same files in a directory. Immutable.
 */
public final class InMemorySourceTree implements SourceTree {

  private final String description;
  private final TreeMap<String, byte[]> files = new TreeMap<>();

  /**
   * @param files relative paths with '/' separators, to contents (copied)
   * @throws IllegalArgumentException for a path no directory could hold: absolute, with an empty,
   *     {@code .} or {@code ..} segment or a backslash, or a file where another path needs a
   *     directory
   */
  public InMemorySourceTree(String description, Map<String, byte[]> files) {
    this.description = description;
    files.forEach((path, bytes) -> this.files.put(checked(path), bytes.clone()));
    for (String path : this.files.keySet()) {
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        if (this.files.containsKey(path.substring(0, slash))) {
          throw new IllegalArgumentException(
              path + " needs a directory where " + path.substring(0, slash) + " is a file");
        }
      }
    }
  }

  /**
   * Whether a file at {@code path} would be compiled as an alert source: a relative path (as the
   * constructor takes) of a YAML file that the scan does not skip.
   */
  public static boolean isSourcePath(String path) {
    return isRelativePath(path)
        && outsideSkippedDirectories(path)
        && RepositoryScanner.isSourceFile(path);
  }

  private static boolean isRelativePath(String path) {
    if (path.isEmpty() || path.indexOf('\\') >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String checked(String path) {
    if (!isRelativePath(path)) {
      throw new IllegalArgumentException("not a relative path with '/' separators: " + path);
    }
    return path;
  }

  @Override
  public String description() {
    return description;
  }

  /** A tree holds no symbolic links and nothing unreadable: nothing is reported. */
  @Override
  public List<String> yamlFiles(Diagnostics diagnostics) {
    return allFiles().stream().filter(RepositoryScanner::isSourceFile).toList();
  }

  @Override
  public List<String> allFiles() {
    return files.keySet().stream().filter(InMemorySourceTree::outsideSkippedDirectories).toList();
  }

  private static boolean outsideSkippedDirectories(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (RepositoryScanner.skipsDirectory(segments[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isFile(String path) {
    return files.containsKey(path);
  }

  @Override
  public byte[] read(String path) throws NoSuchFileException {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new NoSuchFileException(path + " in " + description);
    }
    return bytes.clone();
  }
}
