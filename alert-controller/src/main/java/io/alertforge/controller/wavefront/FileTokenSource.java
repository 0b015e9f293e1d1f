package io.alertforge.controller.wavefront;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The token from a file, typically a mounted Secret. The file is stat'ed on every call and re-read
 * when its modification time or size changes (a Secret update swaps the {@code ..data} symlink, so
 * both change), so a rotated token is picked up on the next request. Surrounding whitespace is
 * trimmed; a token with anything but printable ASCII inside is refused ({@link
 * InvalidTokenException}) at every call until the file changes: the last good token is not used
 * instead, since a rotation often retires it.
 */
public final class FileTokenSource implements TokenSource {
  private final Path file;
  private FileTime seenTime;
  private long seenSize = -1;
  private final TokenHistory history = new TokenHistory();

  public FileTokenSource(Path file) {
    this.file = file;
    current(); // fail fast on a missing, empty or unusable file
  }

  @Override
  public synchronized Token current() {
    FileTime time;
    long size;
    byte[] content;
    try {
      time = Files.getLastModifiedTime(file);
      size = Files.size(file);
      if (time.equals(seenTime) && size == seenSize) {
        return history.last();
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidTokenException(
          "cannot read the Wavefront token file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    seenTime = time;
    seenSize = size;
    // bytes that are not UTF-8 become U+FFFD, which the check names
    return history.read(
        () ->
            InvalidTokenException.checked(
                new String(content, StandardCharsets.UTF_8),
                "the Wavefront token file " + file,
                "put the token alone in the file (a line break at its end is fine)"),
        time.toInstant());
  }

  /** For tests: a fixed value, checked like a file's. */
  public static TokenSource fixed(String value) {
    Token t =
        new Token(
            InvalidTokenException.checked(
                value, "the fixed Wavefront token", "pass the token alone"),
            1,
            Instant.now());
    return () -> t;
  }
}
