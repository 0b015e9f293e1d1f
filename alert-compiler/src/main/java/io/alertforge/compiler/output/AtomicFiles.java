package io.alertforge.compiler.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * Writes that a crash or a failed run cannot leave half-done: write aside, then rename. Files and
 * directories are created with the default permissions, which the process's umask narrows, like
 * every other build output ({@code Files.createTempFile} and {@code createTempDirectory} would make
 * them 0600 and 0700, unreadable to the group that publishes the CI artifacts).
 */
final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = null;
    try {
      while (temporary == null) {
        Path candidate = sibling(file, ".tmp");
        try (OutputStream out =
            Files.newOutputStream(
                candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          temporary = candidate;
          out.write(content);
        } catch (FileAlreadyExistsException e) {
          // another writer's name: draw again
        }
      }
      move(temporary, file);
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** A new, empty, hidden directory beside {@code target}, to be swapped in for it. */
  static Path stagingDirectory(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    while (true) {
      try {
        return Files.createDirectory(sibling(parent.resolve(target.getFileName()), ".new"));
      } catch (FileAlreadyExistsException e) {
        // another writer's name: draw again
      }
    }
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(
        "." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
  }

  /** Replaces {@code target} by the directory {@code staged}, removing what was there before. */
  static void replaceDirectory(Path staged, Path target) throws IOException {
    Path previous = null;
    if (Files.exists(target)) {
      previous = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
      move(target, previous);
    }
    move(staged, target);
    if (previous != null) {
      deleteTree(previous);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
