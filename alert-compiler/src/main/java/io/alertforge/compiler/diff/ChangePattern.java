package io.alertforge.compiler.diff;

import io.alertforge.wql.QueryDelta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changed alerts whose changes are the same in meaning (typically every instance of an edited
 * template): shown once, with the first alert's values as the example. The alerts' field changes
 * are of the same kinds; where their values differ (thresholds of one template changed by different
 * amounts), the summary states them: a list of up to {@value #LISTED} distinct changes with their
 * counts, else the range.
 */
public record ChangePattern(List<FieldChange> fields, List<AlertChange> alerts) {

  /** Distinct changes of one delta listed one by one; more are summed up as a range. */
  static final int LISTED = 3;

  public String summary() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      FieldChange field = fields.get(i);
      List<QueryDelta> deltas = field.deltas();
      if (deltas.isEmpty() || deltas.get(0) instanceof QueryDelta.Structural) {
        parts.add(field.summary());
        continue;
      }
      List<String> described = new ArrayList<>();
      for (int j = 0; j < deltas.size(); j++) {
        List<QueryDelta> across = new ArrayList<>(alerts.size());
        for (AlertChange alert : alerts) {
          across.add(alert.fields().get(i).deltas().get(j));
        }
        described.add(Redaction.text(merged(across)));
      }
      String text = String.join(", ", described);
      parts.add(FieldSummaries.queryPrefix(field.field()) + text);
    }
    return String.join("; ", parts);
  }

  /** One delta of every alert of the pattern (all of one kind), as one text. */
  static String merged(List<QueryDelta> deltas) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    deltas.forEach(d -> counts.merge(d.describe(), 1, Integer::sum));
    if (counts.size() == 1) {
      return deltas.get(0).describe();
    }
    QueryDelta first = deltas.get(0);
    if (counts.size() <= LISTED) {
      List<String> listed = new ArrayList<>();
      counts.forEach((text, count) -> listed.add(text + " (" + alerts(count) + ")"));
      return String.join(", ", listed);
    }
    if (first instanceof QueryDelta.Threshold) {
      return thresholdRange(deltas);
    }
    return first.kind()
        + " changed on "
        + alerts(deltas.size())
        + " ("
        + counts.size()
        + " distinct)";
  }

  /** {@code threshold 10–95 → 20–99 (100 alerts: 97 raised, 3 lowered)}. */
  private static String thresholdRange(List<QueryDelta> deltas) {
    QueryDelta.Threshold lowFrom = null;
    QueryDelta.Threshold highFrom = null;
    QueryDelta.Threshold lowTo = null;
    QueryDelta.Threshold highTo = null;
    int raised = 0;
    int lowered = 0;
    for (QueryDelta delta : deltas) {
      QueryDelta.Threshold t = (QueryDelta.Threshold) delta;
      lowFrom = lowFrom == null || t.fromValue() < lowFrom.fromValue() ? t : lowFrom;
      highFrom = highFrom == null || t.fromValue() > highFrom.fromValue() ? t : highFrom;
      lowTo = lowTo == null || t.toValue() < lowTo.toValue() ? t : lowTo;
      highTo = highTo == null || t.toValue() > highTo.toValue() ? t : highTo;
      raised += t.toValue() > t.fromValue() ? 1 : 0;
      lowered += t.toValue() < t.fromValue() ? 1 : 0;
    }
    List<String> directions = new ArrayList<>();
    if (raised > 0) {
      directions.add(raised + " raised");
    }
    if (lowered > 0) {
      directions.add(lowered + " lowered");
    }
    return "threshold "
        + range(lowFrom.from(), highFrom.from())
        + " → "
        + range(lowTo.to(), highTo.to())
        + (lowFrom.metric() == null ? "" : " on " + lowFrom.metric())
        + " ("
        + alerts(deltas.size())
        + (directions.isEmpty() ? "" : ": " + String.join(", ", directions))
        + ")";
  }

  private static String range(String low, String high) {
    return low.equals(high) ? low : low + "–" + high;
  }

  private static String alerts(int count) {
    return count + (count == 1 ? " alert" : " alerts");
  }
}
