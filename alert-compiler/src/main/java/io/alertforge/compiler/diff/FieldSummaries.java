package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says what a field change means: the words a reviewer would use. */
final class FieldSummaries {

  /** A number that stands alone: not part of a metric name ({@code http.2xx}) or a window (1m). */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])");

  private static final Pattern COMPARISON = Pattern.compile("(?:>=|<=|!=|==|>|<|=)\\s*$");

  private FieldSummaries() {}

  static FieldChange of(String field, JsonNode before, JsonNode after) {
    String old = text(before);
    String now = text(after);
    String summary;
    String pattern = null;
    if (before == null || after == null) {
      summary = field + (before == null ? " + " + now : " − " + old);
    } else if (field.equals("condition")) {
      summary = condition(old, now);
    } else if (field.equals("target")) {
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
    return new FieldChange(
        field,
        Redaction.json(before),
        Redaction.json(after),
        Redaction.text(summary),
        pattern == null ? Redaction.text(summary) : pattern);
  }

  /** {@code threshold 80 → 90} when only the constant compared against changed. */
  private static String condition(String old, String now) {
    List<String> oldNumbers = new ArrayList<>();
    List<String> newNumbers = new ArrayList<>();
    String oldShape = shape(old, oldNumbers);
    if (!oldShape.equals(shape(now, newNumbers)) || oldNumbers.size() != newNumbers.size()) {
      return "condition changed";
    }
    int changed = -1;
    for (int i = 0; i < oldNumbers.size(); i++) {
      if (!oldNumbers.get(i).equals(newNumbers.get(i))) {
        if (changed >= 0) {
          return "condition changed";
        }
        changed = i;
      }
    }
    if (changed < 0) {
      return "condition changed"; // only white space or number formatting
    }
    String from = oldNumbers.get(changed);
    String to = newNumbers.get(changed);
    return (COMPARISON.matcher(before(old, changed)).find() ? "threshold " : "condition constant ")
        + from
        + " → "
        + to;
  }

  /** The text with each standalone number replaced by a marker; the numbers in order. */
  private static String shape(String text, List<String> numbers) {
    Matcher matcher = NUMBER.matcher(text);
    StringBuilder shape = new StringBuilder();
    while (matcher.find()) {
      numbers.add(matcher.group());
      matcher.appendReplacement(shape, "#");
    }
    matcher.appendTail(shape);
    return shape.toString();
  }

  /** The text before the n-th standalone number. */
  private static String before(String text, int n) {
    Matcher matcher = NUMBER.matcher(text);
    for (int i = 0; i <= n; i++) {
      matcher.find();
    }
    return text.substring(0, matcher.start());
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
