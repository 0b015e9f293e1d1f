package io.alertforge.compiler.diff;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import java.util.Comparator;
import java.util.List;

/**
 * The top of a pull-request comment, which is updated in place on every push and so must say what
 * it is current for: the lint verdict of the head (with its first findings, linked to their lines),
 * the Wavefront alerts the change deletes, the head and base commits, and the CI run that wrote it.
 */
public final class CommentHeader {

  /** Findings listed under the verdict; the rest are counted. */
  static final int FINDINGS_SHOWN = 5;

  private static final int SHORT_ID = 7;

  /**
   * A side of the comparison.
   *
   * @param commit the full commit id, or null for a working tree with uncommitted changes
   * @param ref how the commit was found, e.g. {@code origin/main}; may be null
   */
  public record Revision(String commit, String ref) {

    public static Revision workingTree() {
      return new Revision(null, null);
    }

    String shortId() {
      return commit.length() <= SHORT_ID ? commit : commit.substring(0, SHORT_ID);
    }
  }

  /**
   * What the comment is current for.
   *
   * @param runUrl the CI run that wrote the comment, or null outside CI
   * @param links links into the repository on its code host, or null when it is not known
   * @param failOn the lowest severity that fails the lint, as alert.failOn sets it
   */
  public record Context(
      Revision head, Revision base, String runUrl, SourceLinks links, Severity failOn) {}

  private CommentHeader() {}

  /** The header's Markdown, ending with a blank line; {@code base} may be null (no diff). */
  public static String render(Context context, List<Diagnostic> diagnostics) {
    return render(context, diagnostics, null);
  }

  /**
   * As {@link #render(Context, List)}, with what {@code diff} deletes in Wavefront after the
   * verdict: the deleted alerts and the renames that recreate theirs ({@link
   * AlertDiff#wavefrontDeletions()}); {@code diff} may be null (no diff).
   */
  public static String render(Context context, List<Diagnostic> diagnostics, AlertDiff diff) {
    List<Diagnostic> findings =
        diagnostics.stream()
            .filter(d -> d.severity().atLeast(Severity.WARNING))
            .sorted(
                Comparator.comparing(Diagnostic::severity)
                    .reversed()
                    .thenComparing(Diagnostic.ORDER))
            .toList();
    StringBuilder out = new StringBuilder("**").append(verdict(findings, context.failOn()));
    if (diff != null && !diff.wavefrontDeletions().isEmpty()) {
      out.append(" · ").append(deletions(diff.wavefrontDeletions().size(), diff.recreated()));
    }
    out.append("** · head ").append(revision(context, context.head()));
    if (context.base() != null && context.base().commit() != null) {
      out.append(" · base ").append(revision(context, context.base()));
      if (context.base().ref() != null) {
        out.append(" (merge base with ").append(code(context.base().ref())).append(')');
      }
    }
    if (context.runUrl() != null) {
      out.append(" · ").append(link(context.runUrl(), "CI run"));
    }
    out.append("\n\n");
    if (!findings.isEmpty()) {
      for (Diagnostic finding : findings.subList(0, Math.min(FINDINGS_SHOWN, findings.size()))) {
        out.append("- ")
            .append(finding.severity().label())
            .append(' ')
            .append(where(context, finding.position()))
            .append(' ')
            .append(code(finding.rule()))
            .append(": ")
            .append(DiffMarkdown.esc(Redaction.text(finding.message())))
            .append('\n');
      }
      if (findings.size() > FINDINGS_SHOWN) {
        int more = findings.size() - FINDINGS_SHOWN;
        out.append("- … and ")
            .append(more)
            .append(more == 1 ? " more finding" : " more findings")
            .append(" in the build log and in <code>diagnostics.json</code>\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code ✅ Lint passed}, or {@code ❌ Lint failed: 2 errors, 1 warning}. */
  static String verdict(List<Diagnostic> findings, Severity failOn) {
    long errors = findings.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(d -> d.severity() == Severity.WARNING).count();
    String counts = count(errors, "error") + ", " + count(warnings, "warning");
    if (errors > 0 || (warnings > 0 && failOn == Severity.WARNING)) {
      return "❌ Lint failed: " + counts;
    }
    return "✅ Lint passed" + (warnings > 0 ? " with " + count(warnings, "warning") : "");
  }

  /**
   * {@code ⚠ 3 Wavefront alerts deleted (2 of them by renames, recreated with new ids)}: a rename
   * without {@code alertforge.io/renamed-from} deletes its Wavefront alert as a deletion does.
   */
  static String deletions(long deleted, long byRenames) {
    String text = "⚠ " + count(deleted, "Wavefront alert") + " deleted";
    if (byRenames == 0) {
      return text;
    }
    String recreated = byRenames == 1 ? "recreated with a new id" : "recreated with new ids";
    if (byRenames == deleted) {
      return text + (deleted == 1 ? " (by a rename, " : " (all by renames, ") + recreated + ")";
    }
    return text
        + " ("
        + byRenames
        + " of them by "
        + (byRenames == 1 ? "a rename, " : "renames, ")
        + recreated
        + ")";
  }

  /** A link to a file and line at the head commit, when the head is a commit on a known host. */
  static String where(Context context, SourcePosition position) {
    String file = position.file();
    int line = position.line();
    String text =
        (context.links() == null ? file : context.links().repositoryPath(file))
            + (line > 0 ? ":" + line : "");
    if (context.links() == null || context.head().commit() == null) {
      return code(text);
    }
    return "<a href=\""
        + attribute(context.links().file(context.head().commit(), file, line))
        + "\">"
        + code(text)
        + "</a>";
  }

  private static String revision(Context context, Revision revision) {
    if (revision.commit() == null) {
      return "working tree (uncommitted changes)";
    }
    String id = code(revision.shortId());
    return context.links() == null
        ? id
        : "<a href=\"" + attribute(context.links().commit(revision.commit())) + "\">" + id + "</a>";
  }

  private static String link(String url, String text) {
    return "<a href=\"" + attribute(url) + "\">" + DiffMarkdown.esc(text) + "</a>";
  }

  private static String code(String text) {
    return "<code>" + DiffMarkdown.esc(text) + "</code>";
  }

  /** A URL inside a double-quoted HTML attribute. */
  static String attribute(String url) {
    return url.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "%3C")
        .replace(">", "%3E");
  }

  private static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
