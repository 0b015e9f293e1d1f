package io.alertforge.compiler.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.diff.AlertChange.Kind;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.model.WavefrontRequest;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each changed alert changes in the request Wavefront gets (alert-model's mapping, as the
 * controller sends it): a unified diff of the pretty-printed, redacted request bodies, one
 * collapsed block per changed or renamed alert. A reviewer sees the effect of a template edit on
 * the wire, not only on the spec.
 */
public final class RequestChanges {

  /** Alerts shown; the rest are counted in the last block. */
  static final int MAX_ALERTS = 20;

  /**
   * When the bodies are taken. A rendered alert carries no burn-in stamp (the controller sets it on
   * first apply), so the mapping does not depend on the instant; a fixed one keeps the comment
   * byte-stable between runs, so an unchanged comment is not updated.
   */
  private static final Instant AT = Instant.EPOCH;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RequestChanges() {}

  /**
   * One section per changed or renamed alert whose request body changes, at most {@value
   * #MAX_ALERTS}.
   *
   * @param context for links to the alert's source at the head commit; may be null
   */
  public static List<DiffMarkdown.Section> sections(AlertDiff diff, CommentHeader.Context context) {
    List<DiffMarkdown.Section> sections = new ArrayList<>();
    int changed = 0;
    for (AlertChange change : diff.changes()) {
      if (change.kind() != Kind.CHANGED && change.kind() != Kind.MOVED) {
        continue;
      }
      String patch = patch(change.before(), change.after());
      if (patch.isEmpty()) {
        continue; // labels or annotations only: Wavefront gets the same body
      }
      if (++changed > MAX_ALERTS) {
        continue;
      }
      sections.add(section(change, patch, context));
    }
    if (changed > MAX_ALERTS) {
      int more = changed - MAX_ALERTS;
      sections.add(
          new DiffMarkdown.Section(
              "Wavefront requests of " + more + " more alerts",
              "Wavefront requests of "
                  + more
                  + " more changed alert"
                  + (more == 1 ? "" : "s")
                  + " are not shown.\n\n"));
    }
    return sections;
  }

  private static DiffMarkdown.Section section(
      AlertChange change, String patch, CommentHeader.Context context) {
    RenderedAlert after = change.after();
    List<String> fields = changedFields(change.before(), change.after());
    String title = "Wavefront request of " + after.qualifiedName();
    StringBuilder out =
        new StringBuilder("<details><summary>Wavefront request of <code>")
            .append(DiffMarkdown.esc(after.qualifiedName()))
            .append("</code>");
    SourcePosition origin = after.origin();
    if (origin != null) {
      out.append(" · ").append(CommentHeader.where(context, origin));
    }
    if (!fields.isEmpty()) {
      // the changed line may be long (a query): say which fields change before it is opened
      out.append(" · changes ")
          .append(
              String.join(
                  ", ",
                  fields.stream().map(f -> "<code>" + DiffMarkdown.esc(f) + "</code>").toList()));
    }
    out.append("</summary>\n\n")
        .append(DiffMarkdown.fenced("diff", patch))
        .append("\n</details>\n\n");
    return new DiffMarkdown.Section(title, out.toString());
  }

  /** The unified diff of the two request bodies; empty when they are equal. */
  static String patch(RenderedAlert before, RenderedAlert after) {
    List<String> from = lines(before.wavefrontRequest(AT));
    List<String> to = lines(after.wavefrontRequest(AT));
    if (from.equals(to)) {
      return "";
    }
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            "base/" + before.qualifiedName(),
            "head/" + after.qualifiedName(),
            from,
            DiffUtils.diff(from, to),
            3);
    return String.join("\n", unified) + "\n";
  }

  /** The top-level fields of the request body whose values differ, in the body's order. */
  static List<String> changedFields(RenderedAlert before, RenderedAlert after) {
    WavefrontRequest from = before.wavefrontRequest(AT);
    WavefrontRequest to = after.wavefrontRequest(AT);
    if (!from.valid() || !to.valid()) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    from.body().fieldNames().forEachRemaining(names::add);
    to.body().fieldNames().forEachRemaining(names::add);
    return names.stream()
        .filter(name -> !from.body().path(name).equals(to.body().path(name)))
        .toList();
  }

  /** The redacted body, pretty-printed, or why it cannot be sent. */
  private static List<String> lines(WavefrontRequest request) {
    if (!request.valid()) {
      List<String> lines = new ArrayList<>();
      request.errors().forEach(e -> lines.add("(not sent: " + Redaction.text(e) + ")"));
      return lines;
    }
    JsonNode body = Redaction.json(request.body());
    try {
      return JSON.writeValueAsString(body).lines().toList();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
