package io.alertforge.compiler.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Writes that a crash or a failed run cannot leave half-done: write aside, then rename. */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.write(temporary, content);
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
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
