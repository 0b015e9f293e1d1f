package io.alertforge.compiler.source;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds the YAML files of an alert repository, in a fixed order whatever the file system's: every
 * {@code .yaml}/{@code .yml} file, except under hidden directories and {@code target/} (build
 * output) and the directory a run writes its output to, wherever it is (so that a second run never
 * reads the first one's rendered alerts as sources), and never through a symbolic link (which could
 * point out of the repository).
 */
public final class RepositoryScanner {

  public static final String CONFIG_FILE = "alertforge.yaml";

  private RepositoryScanner() {}

  /** Relative paths with '/' separators, sorted. */
  public static List<String> yamlFiles(Path root, Diagnostics diagnostics) throws IOException {
    return yamlFiles(root, null, diagnostics);
  }

  /** The same, never looking into {@code output} (null: no output directory to skip). */
  public static List<String> yamlFiles(Path root, Path output, Diagnostics diagnostics)
      throws IOException {
    return walk(root, output, RepositoryScanner::isSourceFile, diagnostics);
  }

  /**
   * Every regular file under the same rules, YAML or not, for checks that look beyond alerts (a
   * secret in any file). Problems are left to {@link #yamlFiles}, which reports them.
   */
  public static List<String> allFiles(Path root, Path output) throws IOException {
    return walk(root, output, relative -> true, new Diagnostics());
  }

  private static List<String> walk(
      Path root, Path output, Predicate<String> include, Diagnostics diagnostics)
      throws IOException {
    Path skipped = output == null ? null : output.toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            return skipsDirectory(dir.getFileName().toString())
                    || dir.toAbsolutePath().normalize().equals(skipped)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String relative = relative(root, file);
            if (attributes.isSymbolicLink()) {
              if (isYaml(relative) || Files.isDirectory(file)) {
                diagnostics.report(
                    Rules.INPUT_SYMLINK,
                    SourcePosition.ofFile(relative),
                    "symbolic link not followed; copy the file into the repository if it belongs there");
              }
            } else if (attributes.isRegularFile() && include.test(relative)) {
              files.add(relative);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            diagnostics.report(
                Rules.INPUT_UNREADABLE,
                SourcePosition.ofFile(relative(root, file)),
                "cannot read: "
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  /** Hidden directories and {@code target/} (build output) are never read. */
  public static boolean skipsDirectory(String name) {
    return name.startsWith(".") || name.equals("target");
  }

  /**
   * Whether a file, at a relative path whose directories are not skipped, is an alert source: a
   * YAML file that is neither hidden nor the root's {@value #CONFIG_FILE}.
   */
  public static boolean isSourceFile(String relative) {
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    return isYaml(relative) && !relative.equals(CONFIG_FILE) && !name.startsWith(".");
  }

  /** Whether a path names a YAML file (by its extension). */
  public static boolean isYaml(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
