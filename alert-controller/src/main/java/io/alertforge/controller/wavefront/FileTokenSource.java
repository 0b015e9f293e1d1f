package io.alertforge.controller.wavefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The token from a file, typically a mounted Secret. The file is stat'ed on every call and re-read
 * when its modification time or size changes (a Secret update swaps the {@code ..data} symlink, so
 * both change), so a rotated token is picked up on the next request. Surrounding whitespace is
 * trimmed.
 */
public final class FileTokenSource implements TokenSource {
  private final Path file;
  private FileTime seenTime;
  private long seenSize = -1;
  private Token token;

  public FileTokenSource(Path file) {
    this.file = file;
    current(); // fail fast on a missing or empty file
  }

  @Override
  public synchronized Token current() {
    try {
      FileTime time = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      if (token == null || !time.equals(seenTime) || size != seenSize) {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
          throw new IllegalStateException("the Wavefront token file " + file + " is empty");
        }
        if (token == null || !value.equals(token.value())) {
          long version = token == null ? 1 : token.version() + 1;
          token = new Token(value, version, time.toInstant());
        }
        seenTime = time;
        seenSize = size;
      }
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the Wavefront token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** For tests and the keikoproj Secret source: a fixed value. */
  public static TokenSource fixed(String value) {
    Token t = new Token(value, 1, Instant.now());
    return () -> t;
  }
}
