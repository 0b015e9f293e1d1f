package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.wql.QueryDelta;
import java.util.List;

/**
 * One field of an alert that differs between base and head. Values are redacted (see {@link
 * Redaction}); a missing value is a JSON null.
 *
 * @param field a spec field ({@code condition}) or a label ({@code metadata.labels.team})
 * @param summary the change in a reviewer's words: {@code threshold 80 → 90}, {@code minutes 5 →
 *     10}, {@code target + pd:…d04}, or {@code condition changed} when only both values tell it
 * @param pattern equal for equal changes of different alerts (e.g. the same template edit in every
 *     instance), so they can be shown once
 * @param kind equal for the same kind of change with other values (thresholds of one template
 *     raised by different amounts): the pattern but for the values of the query deltas
 * @param deltas for {@code condition} and {@code displayExpression}, what changed in the query
 *     (empty for other fields, and when a side does not parse)
 */
public record FieldChange(
    String field,
    JsonNode before,
    JsonNode after,
    String summary,
    String pattern,
    String kind,
    List<QueryDelta> deltas) {

  public FieldChange {
    deltas = List.copyOf(deltas);
  }

  /** Whether the summary says all there is (a number, a list), so values need not be shown. */
  public boolean selfExplanatory() {
    return !summary.endsWith(" changed");
  }
}
