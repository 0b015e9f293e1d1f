package io.alertforge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The test repositories (src/test/resources/repositories), copied where a test needs them. */
final class Repositories {

  private Repositories() {}

  /** This build's root directory (the surefire and failsafe property alertforge.repoRoot). */
  static Path buildRoot() {
    return Path.of(System.getProperty("alertforge.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** Copies the test repository {@code name} (clean or broken) to {@code target}. */
  static Path copy(String name, Path target) throws IOException {
    Files.createDirectories(target);
    try (InputStream in = resource("repositories/" + name + "/alerts.yaml")) {
      Files.copy(in, target.resolve("alerts.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** Adds an alert with one warning (no alertType) to the repository {@code root}. */
  static void addWarning(Path root) throws IOException {
    try (InputStream in = resource("repositories/warning.yaml")) {
      Files.copy(in, root.resolve("warning.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Copies a directory tree, such as sample-repo, without its build output. */
  static Path copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.filter(p -> !source.relativize(p).startsWith("target")).toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  /** Every file under {@code root} by its relative path, with its bytes, in path order. */
  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> regular = paths.filter(Files::isRegularFile).toList();
      for (Path path : regular) {
        files.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static InputStream resource(String name) {
    InputStream in = Repositories.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("no test resource " + name));
    }
    return in;
  }
}
