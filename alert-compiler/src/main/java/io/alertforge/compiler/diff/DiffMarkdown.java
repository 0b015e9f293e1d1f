package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diff.AlertChange.Kind;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.model.Annotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders a diff as GitHub-flavoured Markdown for a pull-request comment: a one-line summary and a
 * table first, the details in collapsible sections. Stays under a length limit by leaving out whole
 * sections (never cutting one, so the Markdown stays valid) and says what it left out and where the
 * full report is. Every value shown is redacted and escaped.
 */
public final class DiffMarkdown {

  /** GitHub rejects comments over 65,536 characters; this leaves room for a marker and a footer. */
  public static final int DEFAULT_LIMIT = 60_000;

  private static final int MAX_ROWS = 100;
  private static final int MAX_NAMES = 50;
  private static final int MAX_VALUE = 2_000;
  private static final int NOTE_ROOM = 600;
  private static final int MAX_ERRORS = 3;

  /**
   * The namespace table's columns after the namespace. A rename is counted in the namespace it is
   * renamed into, in one of two columns by what the controller does with its Wavefront alert.
   */
  private static final List<String> COLUMNS =
      List.of(
          "created",
          "changed",
          "deleted",
          "renamed, Wavefront alert recreated",
          "renamed, Wavefront alert kept");

  private DiffMarkdown() {}

  /**
   * @param fullReport where the complete, untruncated change is, e.g. {@code
   *     target/alerts/diff.json}
   */
  public static String render(AlertDiff diff, String fullReport, int limit) {
    return render(diff, fullReport, limit, "", List.of());
  }

  /**
   * As {@link #render(AlertDiff, String, int)}, with a frame under the title (e.g. {@link
   * CommentHeader}) and more sections after the diff's own, left out like them when too long.
   */
  public static String render(
      AlertDiff diff, String fullReport, int limit, String frame, List<Section> more) {
    StringBuilder out = new StringBuilder(TITLE).append(frame).append(header(diff));
    List<Section> all = new ArrayList<>(sections(diff));
    all.addAll(more);
    List<String> omitted = new ArrayList<>();
    for (Section section : all) {
      if (out.length() + section.text().length() + NOTE_ROOM <= limit) {
        out.append(section.text());
      } else {
        omitted.add(section.title());
      }
    }
    if (!omitted.isEmpty()) {
      StringBuilder note =
          new StringBuilder("\n> [!NOTE]\n> Left out to stay under ")
              .append(String.format("%,d", limit))
              .append(" characters: ")
              .append(omitted.size())
              .append(omitted.size() == 1 ? " section (" : " sections (");
      String titles = esc(String.join(", ", omitted));
      note.append(titles.length() > 300 ? titles.substring(0, 300) + "…" : titles)
          .append("). The full change is in <code>")
          .append(esc(fullReport))
          .append("</code>.\n");
      out.append(note);
    }
    return out.toString();
  }

  /** The comment's first line. */
  public static final String TITLE = "### AlertForge: alert changes\n\n";

  /** A part of the comment that is shown whole or left out whole; the title names it then. */
  public record Section(String title, String text) {}

  private static String header(AlertDiff diff) {
    // numbers and fixed words
    StringBuilder out = new StringBuilder("**").append(diff.summaryLine()).append("**\n\n");
    List<AlertChange> deleted = diff.of(Kind.DELETED);
    List<AlertChange> recreated = recreated(diff);
    if (!deleted.isEmpty() || !recreated.isEmpty()) {
      out.append("> [!WARNING]\n> ");
      if (!deleted.isEmpty()) {
        out.append("**")
            .append(deleted.size())
            .append(deleted.size() == 1 ? " alert will be deleted" : " alerts will be deleted")
            .append("** from the cluster and from Wavefront: ")
            .append(names(deleted, 10))
            .append(". ");
      }
      if (!recreated.isEmpty()) {
        // the CR only changes its name, but its Wavefront alert goes as a deleted one's does
        boolean one = recreated.size() == 1;
        out.append("**")
            .append(recreated.size())
            .append(
                one
                    ? " renamed alert's Wavefront alert will be deleted"
                    : " renamed alerts' Wavefront alerts will be deleted")
            .append("** and created again under ")
            .append(one ? "its new name" : "their new names")
            .append(" (new id; history, acknowledgements and snoozes lost): ")
            .append(names(recreated, 10, DiffMarkdown::renaming))
            .append(". ")
            .append(howToKeep(recreated))
            .append(' ');
      }
      out.append("Check that this is intended.\n\n");
    }
    for (String note : diff.notes()) {
      out.append("> [!NOTE]\n> ").append(esc(note)).append("\n\n");
    }
    out.append("<sub>Base <code>")
        .append(esc(diff.base()))
        .append("</code> (")
        .append(diff.baseAlerts())
        .append(" alerts) · head <code>")
        .append(esc(diff.head()))
        .append("</code> (")
        .append(diff.headAlerts())
        .append(" alerts)</sub>\n\n");
    if (!diff.isEmpty()) {
      out.append(namespaceTable(diff));
    }
    return out.toString();
  }

  private static int column(AlertChange change) {
    return switch (change.kind()) {
      case CREATED -> 0;
      case CHANGED -> 1;
      case DELETED -> 2;
      case MOVED -> change.recreated() ? 3 : 4;
    };
  }

  private static String namespaceTable(AlertDiff diff) {
    Map<String, long[]> counts = new TreeMap<>();
    for (AlertChange change : diff.changes()) {
      long[] row =
          counts.computeIfAbsent(change.current().namespace(), n -> new long[COLUMNS.size()]);
      row[column(change)]++;
    }
    StringBuilder out =
        new StringBuilder("| namespace | ")
            .append(String.join(" | ", COLUMNS))
            .append(" |\n|---|")
            .append("--:|".repeat(COLUMNS.size()))
            .append('\n');
    int rows = 0;
    for (Map.Entry<String, long[]> row : counts.entrySet()) {
      if (rows++ == MAX_ROWS) {
        out.append("| … ")
            .append(counts.size() - MAX_ROWS)
            .append(" more |")
            .append(" |".repeat(COLUMNS.size()))
            .append('\n');
        break;
      }
      out.append("| ").append(esc(row.getKey()));
      for (long count : row.getValue()) {
        out.append(" | ").append(count);
      }
      out.append(" |\n");
    }
    return out.append('\n').toString();
  }

  private static List<Section> sections(AlertDiff diff) {
    List<Section> sections = new ArrayList<>();
    if (!diff.withErrors().isEmpty()) {
      sections.add(withErrors(diff.withErrors()));
    }
    if (!diff.findings().isEmpty()) {
      sections.add(findings(diff.findings()));
    }
    if (!diff.sources().isEmpty()) {
      sections.add(blastRadius(diff.sources()));
    }
    List<AlertChange> deleted = diff.of(Kind.DELETED);
    if (!deleted.isEmpty()) {
      sections.add(
          table(
              "− " + deleted.size() + " deleted",
              deleted,
              "| alert | Wavefront name | severity | source |\n|---|---|---|---|\n",
              c ->
                  "| "
                      + code(c.before().qualifiedName())
                      + " | "
                      + code(Redaction.text(c.before().alertName()))
                      + " | "
                      + esc(severity(c.before().spec()))
                      + " | "
                      + code(source(c.before()))
                      + " |\n"));
    }
    for (ChangePattern pattern : diff.patterns()) {
      sections.add(pattern(pattern));
    }
    List<AlertChange> created = diff.of(Kind.CREATED);
    if (!created.isEmpty()) {
      sections.add(
          table(
              "+ " + created.size() + " created",
              created,
              "| alert | Wavefront name | severity | minutes | condition | target |\n"
                  + "|---|---|---|--:|---|---|\n",
              c -> {
                JsonNode spec = Redaction.json(c.after().spec());
                return "| "
                    + code(c.after().qualifiedName())
                    + " | "
                    + code(spec.path("alertName").asText())
                    + " | "
                    + esc(severity(spec))
                    + " | "
                    + esc(spec.path("minutes").asText())
                    + " | "
                    + code(shorten(perSeverity(spec, "condition", "conditions"), 160))
                    + " | "
                    + code(perSeverity(spec, "target", "targets"))
                    + " |\n";
              }));
      List<AlertChange> burning =
          created.stream()
              .filter(c -> c.after().annotations().containsKey(Annotations.BURN_IN_PERIOD))
              .toList();
      if (!burning.isEmpty()) {
        sections.add(
            table(
                "Burn-in of " + burning.size() + " new alert" + (burning.size() == 1 ? "" : "s"),
                burning,
                "For this period after the controller first applies it, a new alert notifies its"
                    + " burn-in target instead of its own, and is tagged `burn-in`.\n\n"
                    + "| alert | burns in for | notifications meanwhile go to |\n|---|---|---|\n",
                c ->
                    "| "
                        + code(c.after().qualifiedName())
                        + " | "
                        + esc(c.after().annotations().get(Annotations.BURN_IN_PERIOD))
                        + " | "
                        + code(c.after().annotations().get(Annotations.BURN_IN_TARGET))
                        + " |\n"));
      }
    }
    List<AlertChange> recreated = recreated(diff);
    if (!recreated.isEmpty()) {
      sections.add(
          renamed(
              "↷ "
                  + recreated.size()
                  + " renamed: Wavefront alert deleted and recreated (new id; history,"
                  + " acknowledgements and snoozes lost)",
              true,
              "The controller owns a Wavefront alert by its WavefrontAlert's namespace and name, so"
                  + " a new name deletes the alert and creates another. "
                  + howToKeep(recreated)
                  + "\n\n",
              recreated));
    }
    List<AlertChange> kept = diff.of(Kind.MOVED).stream().filter(c -> !c.recreated()).toList();
    if (!kept.isEmpty()) {
      sections.add(
          renamed(
              "↷ " + kept.size() + " renamed, Wavefront alert kept (id kept)",
              false,
              "Annotated `"
                  + Annotations.RENAMED_FROM
                  + "`: the controller moves the Wavefront alert to the new name, with its id,"
                  + " history, acknowledgements and snoozes.\n\n",
              kept));
    }
    return sections;
  }

  /** The renames whose Wavefront alert the controller deletes and creates again. */
  private static List<AlertChange> recreated(AlertDiff diff) {
    return diff.of(Kind.MOVED).stream().filter(AlertChange::recreated).toList();
  }

  /**
   * How to keep the Wavefront alerts of renames that recreate theirs: the annotation, which names
   * an alert of the renamed one's own namespace, so a rename into another namespace cannot.
   */
  private static String howToKeep(List<AlertChange> recreated) {
    long within =
        recreated.stream()
            .filter(c -> c.before().namespace().equals(c.after().namespace()))
            .count();
    String annotation = "`" + Annotations.RENAMED_FROM + ": <old name>`";
    if (within == recreated.size()) {
      return within == 1
          ? "To keep it, annotate the renamed alert " + annotation + "."
          : "To keep them, annotate the renamed alerts " + annotation + ".";
    }
    String across =
        recreated.size() - within == 1
            ? "a rename into another namespace cannot keep its Wavefront alert"
            : "renames into another namespace cannot keep their Wavefront alerts";
    return within == 0
        ? Character.toUpperCase(across.charAt(0)) + across.substring(1) + "."
        : "To keep those renamed within their namespace, annotate them "
            + annotation
            + "; "
            + across
            + ".";
  }

  private static String renaming(AlertChange change) {
    return code(change.before().qualifiedName()) + " → " + code(change.after().qualifiedName());
  }

  private static Section renamed(
      String title, boolean expanded, String intro, List<AlertChange> moved) {
    return table(
        title,
        expanded,
        moved,
        intro + "| from | to | also changed |\n|---|---|---|\n",
        c ->
            "| "
                + code(c.before().qualifiedName())
                + " | "
                + code(c.after().qualifiedName())
                + " | "
                + esc(String.join("; ", c.fields().stream().map(FieldChange::summary).toList()))
                + " |\n");
  }

  private static Section findings(List<TouchedFinding> findings) {
    long fresh = findings.stream().filter(TouchedFinding::isNew).count();
    return table(
        "Findings on touched alerts: "
            + fresh
            + " new, "
            + (findings.size() - fresh)
            + " already on the base",
        fresh > 0,
        findings,
        "| | severity | where | rule | message |\n|---|---|---|---|---|\n",
        f -> {
          Diagnostic d = f.diagnostic();
          return "| "
              + (f.isNew() ? "**new**" : "existing")
              + " | "
              + d.severity().label()
              + " | "
              + code(d.position().toString())
              + " | "
              + code(d.rule())
              + " | "
              + esc(Redaction.text(d.message()))
              + " |\n";
        });
  }

  /** The created, changed and moved alerts with errors: their error count and first errors. */
  private static Section withErrors(List<AlertChange> invalid) {
    return table(
        "⚠ "
            + invalid.size()
            + (invalid.size() == 1 ? " alert has errors" : " alerts have errors")
            + ": shown as far as they render, applied once fixed",
        true,
        invalid,
        "| alert | | errors | first errors |\n|---|---|--:|---|\n",
        c -> {
          List<String> first = new ArrayList<>();
          for (Diagnostic d : c.errors().subList(0, Math.min(MAX_ERRORS, c.errors().size()))) {
            first.add(
                code(d.position().toString())
                    + " "
                    + code(d.rule())
                    + " "
                    + esc(shorten(Redaction.text(d.message()), 300)));
          }
          return "| "
              + code(c.qualifiedName())
              + " | "
              + c.kind().label()
              + " | "
              + c.errors().size()
              + " | "
              + String.join("<br>", first)
              + (c.errors().size() > MAX_ERRORS ? "<br>…" : "")
              + " |\n";
        });
  }

  private static Section blastRadius(List<SourceImpact> sources) {
    return table(
        "Blast radius: "
            + sources.size()
            + (sources.size() == 1 ? " changed source file" : " changed source files"),
        true,
        sources,
        "| source file | defines | alerts touched | AlertsConfigs | namespaces |\n"
            + "|---|---|--:|--:|--:|\n",
        s ->
            "| "
                + code(s.file())
                + " | "
                + esc(s.role())
                + " | "
                + s.alerts()
                + " | "
                + s.alertsConfigs()
                + " | "
                + s.namespaces()
                + " |\n");
  }

  private static Section pattern(ChangePattern pattern) {
    List<AlertChange> alerts = pattern.alerts();
    AlertChange example = alerts.get(0);
    String summary = pattern.summary().isEmpty() ? "changed" : pattern.summary();
    String title =
        alerts.size() == 1
            ? "~ " + example.qualifiedName() + ": " + summary
            : "~ " + summary + " · " + alerts.size() + " alerts";
    List<FieldChange> shown = example.fields().stream().filter(f -> !f.selfExplanatory()).toList();
    if (alerts.size() == 1 && shown.isEmpty()) { // the summary says it all: one line
      return new Section(
          title, "~ " + code(example.qualifiedName()) + ": " + esc(shorten(summary, 300)) + "\n\n");
    }
    StringBuilder out = new StringBuilder("<details><summary>~ ");
    if (alerts.size() == 1) {
      out.append(code(example.qualifiedName())).append(": ").append(esc(shorten(summary, 300)));
    } else {
      out.append("<b>")
          .append(esc(shorten(summary, 300)))
          .append("</b> · ")
          .append(alerts.size())
          .append(" alerts");
    }
    out.append("</summary>\n\n");
    if (alerts.size() > 1) {
      out.append("Applies to ").append(names(alerts, MAX_NAMES)).append(".\n\n");
    }
    if (!shown.isEmpty()) {
      if (alerts.size() > 1) {
        out.append("Example: ").append(code(example.qualifiedName())).append("\n\n");
      }
      StringBuilder diff = new StringBuilder();
      for (FieldChange field : shown) {
        diff.append("- ")
            .append(field.field())
            .append(": ")
            .append(shorten(text(field.before()), MAX_VALUE))
            .append('\n')
            .append("+ ")
            .append(field.field())
            .append(": ")
            .append(shorten(text(field.after()), MAX_VALUE))
            .append('\n');
      }
      out.append(fenced("diff", diff.toString()));
    }
    return new Section(title, out.append(close()).toString());
  }

  private static <T> Section table(
      String title, List<T> items, String head, Function<T, String> row) {
    return table(title, false, items, head, row);
  }

  /** A collapsible section holding a table of at most {@value #MAX_ROWS} rows. */
  private static <T> Section table(
      String title, boolean expanded, List<T> items, String head, Function<T, String> row) {
    StringBuilder out = new StringBuilder(open(title, expanded)).append(head);
    rows(out, items, row);
    return new Section(title, out.append(close()).toString());
  }

  private static <T> void rows(StringBuilder out, List<T> items, Function<T, String> row) {
    for (int i = 0; i < items.size(); i++) {
      if (i == MAX_ROWS) {
        out.append("\n… and ").append(items.size() - MAX_ROWS).append(" more.\n");
        break;
      }
      out.append(row.apply(items.get(i)));
    }
  }

  private static String open(String title, boolean expanded) {
    return "<details" + (expanded ? " open" : "") + "><summary>" + esc(title) + "</summary>\n\n";
  }

  private static String close() {
    return "\n</details>\n\n";
  }

  private static String names(List<AlertChange> changes, int max) {
    return names(changes, max, c -> code(c.qualifiedName()));
  }

  private static String names(
      List<AlertChange> changes, int max, Function<AlertChange, String> name) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < changes.size() && i < max; i++) {
      names.add(name.apply(changes.get(i)));
    }
    String joined = String.join(", ", names);
    return changes.size() > max ? joined + " and " + (changes.size() - max) + " more" : joined;
  }

  private static String source(RenderedAlert alert) {
    String template = alert.annotations().get(Annotations.TEMPLATE_SOURCE);
    String source = alert.annotations().get(Annotations.SOURCE);
    return template == null || template.equals(source) ? source : source + " (" + template + ")";
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "(absent)";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** A fenced code block whose fence is longer than any backtick run in the content. */
  static String fenced(String language, String content) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < content.length(); i++) {
      run = content.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return fence + language + "\n" + content + (content.endsWith("\n") ? "" : "\n") + fence + "\n";
  }

  private static String code(String text) {
    return "<code>" + esc(shorten(text, 300)) + "</code>";
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  /**
   * Text that can go anywhere in the comment, a table cell included: HTML and Markdown punctuation
   * become entities, so a value can neither open a tag, break a table, nor mention a user.
   */
  public static String escape(String text) {
    return esc(text);
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '|', '*', '_', '`', '[', ']', '~', '\\', '@', '#' ->
            out.append("&#").append((int) c).append(';');
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A CLASSIC alert's severity; a THRESHOLD alert's, one per condition ({@code severe, warn}). */
  private static String severity(JsonNode spec) {
    JsonNode conditions = spec.path("conditions");
    if (!conditions.isObject()) {
      return spec.path("severity").asText();
    }
    List<String> severities = new ArrayList<>();
    conditions.fieldNames().forEachRemaining(severities::add);
    return String.join(", ", severities);
  }

  /**
   * A CLASSIC alert's {@code single} field; a THRESHOLD alert's {@code map} per severity ({@code
   * severe: ts(d) > 95; warn: ts(d) > 90}).
   */
  private static String perSeverity(JsonNode spec, String single, String map) {
    if (!spec.path("conditions").isObject()) {
      return spec.path(single).asText();
    }
    List<String> entries = new ArrayList<>();
    spec.path(map)
        .fields()
        .forEachRemaining(e -> entries.add(e.getKey() + ": " + e.getValue().asText()));
    return String.join("; ", entries);
  }
}
