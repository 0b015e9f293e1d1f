package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.wql.QueryDelta;
import io.alertforge.wql.WqlParseException;
import io.alertforge.wql.WqlParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Says what a field change means: the words a reviewer would use. */
final class FieldSummaries {

  /** The fields that hold a WQL query, with THRESHOLD's {@code conditions.<severity>}. */
  private static final Set<String> QUERIES = Set.of("condition", "displayExpression");

  private static final String PER_SEVERITY_CONDITION = "conditions.";

  private static boolean isQuery(String field) {
    return QUERIES.contains(field) || field.startsWith(PER_SEVERITY_CONDITION);
  }

  private FieldSummaries() {}

  static FieldChange of(String field, JsonNode before, JsonNode after) {
    String old = text(before);
    String now = text(after);
    String summary;
    String pattern = null;
    List<QueryDelta> deltas = List.of();
    List<QueryDelta> parsed =
        before != null && after != null && isQuery(field) ? deltas(old, now) : null;
    if (before == null || after == null) {
      summary = field + (before == null ? " + " + now : " − " + old);
    } else if (parsed != null) {
      deltas = parsed;
      summary = query(field, deltas);
      if (deltas.size() == 1 && deltas.get(0) instanceof QueryDelta.Structural) {
        pattern = field + "\u0000" + middle(old, now);
      }
    } else if (field.equals("target") || field.startsWith("targets.")) {
      summary = listChange(field, List.of(old.split(",")), List.of(now.split(",")));
    } else if (field.equals("tags") && before.isArray() && after.isArray()) {
      summary = listChange(field, strings(before), strings(after));
    } else if (before.isNumber()
        || field.equals("severity")
        || field.equals("alertType")
        || field.startsWith("metadata.labels.")
        || (old.length() <= 40 && now.length() <= 40 && !old.contains("\n"))) {
      summary = field + " " + old + " → " + now;
    } else {
      summary = field + " changed";
      pattern = field + "\u0000" + middle(old, now);
    }
    String redacted = Redaction.text(summary);
    String kind =
        deltas.isEmpty()
            ? (pattern == null ? redacted : pattern)
            : field
                + "\u0000"
                + String.join("\u0000", deltas.stream().map(QueryDelta::kind).toList());
    return new FieldChange(
        field,
        Redaction.json(before),
        Redaction.json(after),
        redacted,
        pattern == null ? redacted : pattern,
        Redaction.text(kind),
        deltas);
  }

  /** The deltas between two queries; null when either is not WQL. */
  private static List<QueryDelta> deltas(String old, String now) {
    try {
      return QueryDelta.between(WqlParser.parse(old), WqlParser.parse(now));
    } catch (WqlParseException e) {
      return null;
    }
  }

  /**
   * {@code threshold 80 → 90} for a condition, {@code severe threshold 90 → 95} for a THRESHOLD
   * alert's {@code conditions.severe}, {@code displayExpression metric a → b} for the other query
   * field; {@code condition changed} for a structural change (the values tell it).
   */
  static String query(String field, List<QueryDelta> deltas) {
    if (deltas.isEmpty()) {
      return field + " reformatted (same query)";
    }
    if (deltas.get(0) instanceof QueryDelta.Structural) {
      return field + " changed";
    }
    String described = String.join(", ", deltas.stream().map(QueryDelta::describe).toList());
    return queryPrefix(field) + described;
  }

  /**
   * What names a query's change: nothing for the condition, the severity for one of a THRESHOLD
   * alert's conditions ({@code severe }), else the field.
   */
  static String queryPrefix(String field) {
    if (field.equals("condition")) {
      return "";
    }
    return field.startsWith(PER_SEVERITY_CONDITION)
        ? field.substring(PER_SEVERITY_CONDITION.length()) + " "
        : field + " ";
  }

  private static String listChange(String field, List<String> old, List<String> now) {
    Set<String> removed = new LinkedHashSet<>(trimmed(old));
    Set<String> added = new LinkedHashSet<>(trimmed(now));
    Set<String> kept = new LinkedHashSet<>(removed);
    kept.retainAll(added);
    removed.removeAll(kept);
    added.removeAll(kept);
    if (removed.isEmpty() && added.isEmpty()) {
      return field + " reordered";
    }
    List<String> parts = new ArrayList<>();
    added.forEach(a -> parts.add("+ " + a));
    removed.forEach(r -> parts.add("− " + r));
    return field + " " + String.join(", ", parts);
  }

  private static List<String> trimmed(List<String> items) {
    return items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return items;
  }

  /** What differs once the common start and end are cut: equal for the same edit elsewhere. */
  private static String middle(String old, String now) {
    int start = 0;
    int max = Math.min(old.length(), now.length());
    while (start < max && old.charAt(start) == now.charAt(start)) {
      start++;
    }
    int end = 0;
    while (end < max - start
        && old.charAt(old.length() - 1 - end) == now.charAt(now.length() - 1 - end)) {
      end++;
    }
    return old.substring(start, old.length() - end)
        + "\u0000"
        + now.substring(start, now.length() - end);
  }

  private static String text(JsonNode node) {
    if (node == null) {
      return "";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
