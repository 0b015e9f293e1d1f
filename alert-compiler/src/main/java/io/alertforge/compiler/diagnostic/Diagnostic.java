package io.alertforge.compiler.diagnostic;

import java.util.Comparator;

/** One finding, at the exact node that caused it. */
public record Diagnostic(SourcePosition position, Severity severity, String rule, String message) {

  /** Deterministic report order: by place, then rule, then text. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::position)
          .thenComparing(Diagnostic::rule)
          .thenComparing(Diagnostic::message);

  /**
   * {@code <file>:<line>:<column>: <severity> [<rule>] <message>}, the line users and editors read.
   */
  public String format() {
    return position + ": " + severity.label() + " [" + rule + "] " + message;
  }
}
