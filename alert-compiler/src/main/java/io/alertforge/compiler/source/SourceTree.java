package io.alertforge.compiler.source;

import io.alertforge.compiler.diagnostic.Diagnostics;
import java.io.IOException;
import java.util.List;

/**
 * The files of an alert repository, wherever they are kept: a directory ({@link
 * FileSystemSourceTree}) or a commit's tree in Git ({@code io.alertforge.compiler.git}). Paths are
 * relative to the repository root, with '/' separators. Implementations are safe for concurrent
 * reads: the loader reads files in parallel.
 */
public interface SourceTree {

  /** What this tree is, for messages: a directory, or a commit and a path in it. */
  String description();

  /**
   * The alert source files, sorted, chosen by the rules of {@link RepositoryScanner}; files that
   * are skipped for a reason the user should know (a symbolic link, an unreadable directory) are
   * reported.
   */
  List<String> yamlFiles(Diagnostics diagnostics) throws IOException;

  /**
   * Every regular file, sorted, under the same rules (hidden directories and {@code target/}
   * skipped, no symbolic links), for checks that look beyond alerts, such as secrets in any file.
   */
  List<String> allFiles() throws IOException;

  /** Whether a regular file exists at the path (symbolic links do not count). */
  boolean isFile(String path);

  byte[] read(String path) throws IOException;

  /**
   * The Git blob id of a file's content: equal ids mean equal bytes. A Git tree knows it without
   * reading the file.
   */
  default String contentId(String path) throws IOException {
    return BlobIds.of(read(path));
  }
}
