package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.SourceText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppression comments in the raw text of files (the YAML reader drops comments):
 *
 * <pre>
 * # alertforge:disable-next-line rule[,rule] [until=YYYY-MM-DD] -- reason
 * # alertforge:disable-file rule[,rule] [until=YYYY-MM-DD] -- reason
 * </pre>
 *
 * A suppression without a reason, one that matches nothing, one whose date has passed (it then no
 * longer suppresses), and one of a locked rule (which stays reported) are findings themselves.
 */
final class Suppressions {

  private static final String MARKER = "alertforge:";
  private static final Pattern COMMENT = Pattern.compile("#\\s*alertforge:(\\S*)(.*)$");
  private static final Pattern TOKEN = Pattern.compile("[^\\s,]+");
  private static final String NEXT_LINE = "disable-next-line";
  private static final String FILE = "disable-file";

  /** One rule named in one comment. */
  private static final class Suppression {
    final String rule;
    final SourcePosition at;
    final String file;
    final int line; // 1-based target line, 0 for the whole file
    boolean used;

    Suppression(String rule, SourcePosition at, String file, int line) {
      this.rule = rule;
      this.at = at;
      this.file = file;
      this.line = line;
    }
  }

  private final List<Diagnostic> findings = new ArrayList<>();
  private final Map<String, List<Suppression>> byFile = new HashMap<>();

  /**
   * Reads the comments of every file.
   *
   * @param suppressible whether a rule id may be suppressed (known, not locked, configurable)
   * @param known every rule id, for did-you-mean
   */
  Suppressions(
      List<RepositoryFile> files,
      LocalDate today,
      Predicate<String> known,
      Predicate<String> suppressible,
      List<String> ids) {
    for (RepositoryFile file : files) {
      if (file.text().text().contains(MARKER)) {
        scan(file.text(), today, known, suppressible, ids);
      }
    }
  }

  private void scan(
      SourceText text,
      LocalDate today,
      Predicate<String> known,
      Predicate<String> suppressible,
      List<String> ids) {
    String[] lines = text.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher comment = COMMENT.matcher(lines[i]);
      if (!lines[i].contains(MARKER) || !comment.find()) {
        continue;
      }
      SourcePosition at = new SourcePosition(text.path(), i + 1, comment.start() + 1);
      String directive = comment.group(1);
      if (!directive.equals(NEXT_LINE) && !directive.equals(FILE)) {
        report(
            Rules.SUPPRESSION_MALFORMED,
            at,
            "unknown suppression directive 'alertforge:"
                + directive
                + "'; write '# alertforge:disable-next-line <rule> -- reason' or"
                + " '# alertforge:disable-file <rule> -- reason'");
        continue;
      }
      String body = comment.group(2);
      int bodyStart = comment.start(2);
      int dashes = body.indexOf("--");
      String reason = dashes < 0 ? "" : body.substring(dashes + 2).strip();
      String spec = dashes < 0 ? body : body.substring(0, dashes);
      int target = directive.equals(FILE) ? 0 : nextContentLine(lines, i);
      List<Suppression> parsed = new ArrayList<>();
      boolean expired = false;
      Matcher token = TOKEN.matcher(spec);
      while (token.find()) {
        String word = token.group();
        SourcePosition wordAt =
            new SourcePosition(text.path(), i + 1, bodyStart + token.start() + 1);
        if (word.startsWith("until=")) {
          try {
            expired = LocalDate.parse(word.substring("until=".length())).isBefore(today);
            if (expired) {
              report(
                  Rules.SUPPRESSION_EXPIRED,
                  wordAt,
                  "this suppression expired on "
                      + word.substring("until=".length())
                      + ", so its findings are reported again; fix them, or set a later date");
            }
          } catch (DateTimeParseException e) {
            report(
                Rules.SUPPRESSION_MALFORMED,
                wordAt,
                "'" + word + "' is not a date; write until=YYYY-MM-DD");
          }
        } else if (!known.test(word)) {
          String closest = FieldPaths.closest(word, ids);
          report(
              Rules.SUPPRESSION_MALFORMED,
              wordAt,
              "unknown rule '"
                  + word
                  + "' in a suppression"
                  + (closest == null
                      ? "; see docs/rules.md"
                      : "; did you mean '" + closest + "'?"));
        } else if (!suppressible.test(word)) {
          report(
              Rules.SUPPRESSION_LOCKED,
              wordAt,
              "rule "
                  + word
                  + " is locked (alertforge.yaml 'locked', or a check that cannot be disabled),"
                  + " so this suppression is ignored; fix the finding instead");
        } else {
          parsed.add(new Suppression(word, wordAt, text.path(), target));
        }
      }
      if (reason.isEmpty()) {
        report(
            Rules.SUPPRESSION_MISSING_REASON,
            at,
            "a suppression must say why: end the comment with ' -- <reason>'");
      }
      if (!expired) {
        parsed.forEach(s -> byFile.computeIfAbsent(s.file, f -> new ArrayList<>()).add(s));
      }
    }
  }

  /** The 1-based number of the first line after {@code comment} that is not blank or a comment. */
  private static int nextContentLine(String[] lines, int comment) {
    for (int j = comment + 1; j < lines.length; j++) {
      String stripped = lines[j].strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        return j + 1;
      }
    }
    return comment + 2;
  }

  /** True when a suppression covers the finding (and marks it used). */
  boolean suppresses(Diagnostic diagnostic) {
    List<Suppression> candidates = byFile.get(diagnostic.position().file());
    if (candidates == null) {
      return false;
    }
    boolean covered = false;
    for (Suppression suppression : candidates) {
      if (suppression.rule.equals(diagnostic.rule())
          && (suppression.line == 0 || suppression.line == diagnostic.position().line())) {
        suppression.used = true;
        covered = true;
      }
    }
    return covered;
  }

  /** The findings about the comments themselves; call after {@link #suppresses} saw every one. */
  List<Diagnostic> findings() {
    List<Diagnostic> all = new ArrayList<>(findings);
    byFile.values().stream()
        .flatMap(List::stream)
        .filter(s -> !s.used)
        .forEach(
            s ->
                all.add(
                    diagnostic(
                        Rules.SUPPRESSION_UNUSED,
                        s.at,
                        "no "
                            + s.rule
                            + " finding "
                            + (s.line == 0 ? "in this file" : "on line " + s.line)
                            + " to suppress; remove it from the comment")));
    return all;
  }

  private void report(Rule rule, SourcePosition at, String message) {
    findings.add(diagnostic(rule, at, message));
  }

  private static Diagnostic diagnostic(Rule rule, SourcePosition at, String message) {
    return new Diagnostic(at, rule.severity(), rule.id(), message);
  }
}
