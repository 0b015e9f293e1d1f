package io.alertforge.compiler.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words of a query field's change come from the parsed queries, never from a number guess. */
class FieldSummariesTest {

  @ParameterizedTest(name = "{1} => {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          condition | ts(http.5xx, status=500) > 10   | ts(http.5xx, status=503) > 10   | filter status 500 → 503
          condition | ts(http.5xx, status="5*") > 10  | ts(http.5xx, status="50*") > 10 | filter status "5*" → "50*"
          condition | ts(http.5xx, status=500) > 10   | ts(http.5xx, status=500) > 12   | threshold 10 → 12
          condition | mavg(5m, ts(a)) > 1             | mavg(15m, ts(a)) > 1            | window 5m → 15m
          condition | ts(a) > 1                       | ts(a)  >  1                     | condition reformatted (same query)
          condition | ts(a) > 1                       | ts(a) * 2 > 1                   | condition changed
          condition | ts(a > 1                        | ts(a > 2                        | condition ts(a > 1 → ts(a > 2
          displayExpression | ts(a)                   | ts(b)                           | displayExpression metric a → b
          conditions.severe | ts(disk) > 90           | ts(disk) > 95                   | severe threshold 90 → 95
          conditions.warn | ts(disk, env=prod) > 80   | ts(disk, env=dev) > 80          | warn filter env prod → dev
          conditions.warn | ts(disk) > 80             | ts(disk)  >  80                 | conditions.warn reformatted (same query)
          conditions.info | ts(a) > 1                 | ts(a) * 2 > 1                   | conditions.info changed
          targets.warn | a@example.com, pd:k         | pd:k, b@example.com             | targets.warn + b@example.com, − a@example.com
          conditionsX | 90                          | 95                              | conditionsX 90 → 95
          """)
  void summarises(String field, String before, String after, String summary) {
    FieldChange change =
        FieldSummaries.of(field, TextNode.valueOf(before), TextNode.valueOf(after));
    assertThat(change.summary()).isEqualTo(summary);
  }
}
