package io.alertforge.compiler.lint;

import io.alertforge.compiler.source.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads every text file of the repository, with the same exclusions as the YAML scan (hidden
 * directories, {@code target/}, symbolic links), skipping binary files (a NUL byte or invalid
 * UTF-8) and files over {@link #MAX_BYTES}.
 */
final class RepositoryFiles {

  static final long MAX_BYTES = 16L << 20;

  private RepositoryFiles() {}

  static List<RepositoryFile> read(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String name = dir.equals(root) ? "" : dir.getFileName().toString();
            return name.startsWith(".") || name.equals("target")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && attributes.size() <= MAX_BYTES) {
              paths.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // the YAML scan reports unreadable files
          }
        });
    return paths.parallelStream()
        .map(path -> text(root, path))
        .filter(Objects::nonNull)
        .sorted((a, b) -> a.path().compareTo(b.path()))
        .toList();
  }

  private static RepositoryFile text(Path root, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String path =
        root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    String lower = path.toLowerCase(Locale.ROOT);
    return new RepositoryFile(
        new SourceText(path, text), lower.endsWith(".yaml") || lower.endsWith(".yml"));
  }
}
