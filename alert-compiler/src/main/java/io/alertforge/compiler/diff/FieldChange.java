package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of an alert that differs between base and head. Values are redacted (see {@link
 * Redaction}); a missing value is a JSON null.
 *
 * @param field a spec field ({@code condition}) or a label ({@code metadata.labels.team})
 * @param summary the change in a reviewer's words: {@code threshold 80 → 90}, {@code minutes 5 →
 *     10}, {@code target + pd:…d04}, or {@code condition changed} when only both values tell it
 * @param pattern equal for equal changes of different alerts (e.g. the same template edit in every
 *     instance), so they can be shown once
 */
public record FieldChange(
    String field, JsonNode before, JsonNode after, String summary, String pattern) {

  /** Whether the summary says all there is (a number, a list), so values need not be shown. */
  public boolean selfExplanatory() {
    return !summary.endsWith(" changed");
  }
}
