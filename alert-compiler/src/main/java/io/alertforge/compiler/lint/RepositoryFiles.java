package io.alertforge.compiler.lint;

import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SourceText;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads every text file of the repository, with the same exclusions as the YAML scan (hidden
 * directories, {@code target/}, symbolic links), skipping binary files (a NUL byte or invalid
 * UTF-8) and files over {@link #MAX_BYTES}.
 */
final class RepositoryFiles {

  static final long MAX_BYTES = 16L << 20;

  private RepositoryFiles() {}

  /** Every text file; those in {@code known} (decoded by the loader already) are not read again. */
  static List<RepositoryFile> read(SourceTree tree, Map<String, SourceText> known)
      throws IOException {
    return tree.allFiles().parallelStream()
        .map(
            path ->
                known.containsKey(path)
                    ? new RepositoryFile(known.get(path), RepositoryScanner.isYaml(path))
                    : text(tree, path))
        .filter(Objects::nonNull)
        .toList();
  }

  private static RepositoryFile text(SourceTree tree, String path) {
    byte[] bytes;
    try {
      bytes = tree.read(path);
    } catch (IOException e) {
      return null; // the YAML scan reports unreadable alert files
    }
    if (bytes.length > MAX_BYTES) {
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
    return new RepositoryFile(new SourceText(path, text), RepositoryScanner.isYaml(path));
  }
}
