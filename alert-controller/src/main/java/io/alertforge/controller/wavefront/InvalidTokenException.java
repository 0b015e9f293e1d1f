package io.alertforge.controller.wavefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No token can be sent: its file or Secret cannot be read, is empty, or holds a character that an
 * HTTP header cannot carry. The message names the source, the kind and position of each such
 * character and how to fix it; never the value or any part of it.
 */
public final class InvalidTokenException extends IllegalStateException {
  private static final int LISTED = 5;

  InvalidTokenException(String message) {
    super(message);
  }

  InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code raw} without its surrounding whitespace, refused if that is empty or holds anything but
   * printable ASCII.
   *
   * @param source where the token comes from, the subject of the message ("the Wavefront token file
   *     /x")
   * @param fix how to fix it ("put the token alone in the file")
   */
  static String checked(String raw, String source, String fix) {
    String token = raw.strip();
    if (token.isEmpty()) {
      throw new InvalidTokenException(source + " is empty");
    }
    Optional<String> problem = unsendable(token);
    if (problem.isPresent()) {
      throw new InvalidTokenException(
          source + " " + problem.get() + "; a token is printable ASCII without spaces: " + fix);
    }
    return token;
  }

  /**
   * What keeps {@code token} out of an HTTP header, e.g. "holds a tab (U+0009) at character 4";
   * empty when every character is printable ASCII (U+0021 to U+007E).
   */
  static Optional<String> unsendable(String token) {
    List<String> listed = new ArrayList<>();
    int found = 0;
    int position = 0;
    for (int i = 0; i < token.length(); ) {
      int c = token.codePointAt(i);
      i += Character.charCount(c);
      position++;
      if (c > 0x20 && c < 0x7F) {
        continue;
      }
      found++;
      if (listed.size() < LISTED) {
        listed.add(kind(c) + " at character " + position);
      }
    }
    if (found == 0) {
      return Optional.empty();
    }
    int more = found - listed.size();
    String last = listed.remove(listed.size() - 1);
    String all = listed.isEmpty() ? last : String.join(", ", listed) + " and " + last;
    return Optional.of(
        "holds "
            + all
            + (more == 0
                ? ""
                : " (and " + more + " more such character" + (more == 1 ? ")" : "s)")));
  }

  /**
   * Characters that cannot be part of any token are shown with their code point, which tells a line
   * feed from a carriage return; any other non-ASCII character could be, so only its position is
   * shown.
   */
  private static String kind(int c) {
    if (c == 0xFFFD) {
      return "bytes that are not UTF-8 (read as U+FFFD)";
    }
    String named =
        switch (c) {
          case '\n', 0x85, 0x2028, 0x2029 -> "a line break";
          case '\r' -> "a carriage return";
          case '\t' -> "a tab";
          case 0 -> "a NUL character";
          case ' ' -> "a space";
          case 0xFEFF -> "a byte order mark";
          default -> {
            if (Character.isISOControl(c)) {
              yield "a control character";
            } else if (Character.isSpaceChar(c) || Character.isWhitespace(c)) {
              yield "a space character";
            } else if (Character.getType(c) == Character.FORMAT) {
              yield "an invisible formatting character";
            }
            yield null;
          }
        };
    return named == null ? "a non-ASCII character" : named + String.format(" (U+%04X)", c);
  }
}
