package io.alertforge.controller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The configuration errors found at start, collected so that one run names all of them; {@link
 * Main} prints each as one line and exits with code 2.
 */
final class StartupChecks {
  /** Every problem found, thrown once the checks are done. */
  static final class Failed extends RuntimeException {
    private final List<String> problems;

    Failed(List<String> problems) {
      super(String.join("; ", problems), null, false, false);
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  /** The end of a message about a flag that is missing or unknown. */
  static final String HELP = "; --help shows all flags";

  private final List<String> problems = new ArrayList<>();

  void add(String problem) {
    problems.add(problem);
  }

  void require(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  /**
   * {@code parse}'s value; null once its failure (a value it refuses) is recorded, prefixed with
   * {@code flag} unless the message names its flag itself (null).
   */
  <T> T value(String flag, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException
        | IllegalStateException
        | DateTimeException
        | UncheckedIOException e) {
      problems.add(flag == null ? e.getMessage() : flag + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * The file a flag names, if it is a file this process can read; null when the flag is not given
   * or its problem is recorded. The files are mounted Secrets, hence the hints.
   */
  Path file(String flag, Path file) {
    if (file == null) {
      return null;
    }
    String problem;
    if (!Files.exists(file)) {
      problem = " does not exist: is the Secret mounted there, with that key?";
    } else if (Files.isDirectory(file)) {
      problem = " is a directory: give the file in it (the Secret's key), e.g. " + file + "/<key>";
    } else {
      try (InputStream in = Files.newInputStream(file)) {
        in.read();
        return file;
      } catch (AccessDeniedException e) {
        problem =
            " cannot be read by this process (permission denied): check the volume's defaultMode"
                + " and the pod's fsGroup";
      } catch (IOException e) {
        problem = " cannot be read: " + e.getClass().getSimpleName();
      }
    }
    problems.add(flag + " " + file + problem);
    return null;
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new Failed(problems);
    }
  }
}
