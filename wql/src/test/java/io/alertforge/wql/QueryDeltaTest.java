package io.alertforge.wql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deltas between two queries, described; {@code -} for none. Many cases are built to fool a
 * guess: numbers in metric names, filters and windows, the same constant twice, reordered operands.
 */
class QueryDeltaTest {

  private static String deltas(String before, String after) throws WqlParseException {
    List<QueryDelta> deltas = QueryDelta.between(WqlParser.parse(before), WqlParser.parse(after));
    return deltas.isEmpty()
        ? "-"
        : String.join("; ", deltas.stream().map(QueryDelta::describe).toList());
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          ts(cpu) > 80                              | ts(cpu) > 90                          | threshold 80 → 90
          ts(cpu) > 80                              | ts(cpu) >= 80                         | operator > → >=
          ts(cpu) > 80                              | ts(cpu) >= 85                         | operator > → >=; threshold 80 → 85
          80 < ts(cpu)                              | 90 < ts(cpu)                          | threshold 80 → 90
          ts(cpu) < -5                              | ts(cpu) < -10                         | threshold -5 → -10
          ts(cpu) > 7.2k                            | ts(cpu) > 7.5k                        | threshold 7.2k → 7.5k
          ts(http.5xx, status=500) > 10             | ts(http.5xx, status=503) > 10         | filter status 500 → 503
          ts(http.5xx, status="5*") > 10            | ts(http.5xx, status="50*") > 10       | filter status "5*" → "50*"
          ts(http.5xx, status=500) > 10             | ts(http.5xx, status=500) > 11         | threshold 10 → 11
          ts(http.5xx, status=500) > 500            | ts(http.5xx, status=503) > 500        | filter status 500 → 503
          ts(http.5xx, status=500) > 500            | ts(http.5xx, status=500) > 503        | threshold 500 → 503
          ts(http.2xx) > 5                          | ts(http.5xx) > 5                      | metric http.2xx → http.5xx
          ts(http.requests) > 5                     | ts(http.server.requests) > 5          | metric http.requests → http.server.requests
          ts(cpu, env="prod") > 5                   | ts(cpu, env!="prod") > 5              | filter env ="prod" → !="prod"
          ts(cpu) > 5                               | ts(cpu, env="prod") > 5               | filter + env="prod"
          ts(cpu, env="prod") > 5                   | ts(cpu) > 5                           | filter − env="prod"
          ts(cpu, env="prod") > 5                   | ts(cpu, env="prod" and region=us) > 5 | filter + region=us
          ts(cpu, env=prod, app=a) > 5              | ts(cpu, app=b, env=prod) > 5          | filter app a → b
          ts(cpu, source=web-1 or source=web-2) > 5 | ts(cpu, source=web-1 or source=web-3) > 5 | filter source web-2 → web-3
          ts(cpu, source=web-1 or source=web-2) > 5 | ts(cpu, source=web-2 or source=web-1) > 5 | -
          ts(cpu, a=1 and b=2) > 5                  | ts(cpu, b=2 and a=1) > 5              | -
          ts(a) > 1 and ts(b) > 2                   | ts(b) > 2 and ts(a) > 1               | -
          ts(a) > 1 or ts(b) > 2                    | ts(b) > 2 or ts(a) > 1                | -
          ts(cpu, env="prod") > 5                   | ts(cpu, env=prod) > 5                 | -
          ts("cpu") > 5                             | ts(cpu)>5                             | -
          ts(cpu)  >   5                            | `ts(cpu)\n  > 5`                      | -
          TS(cpu) AND ts(mem)                       | ts(cpu) and ts(mem)                   | -
          (ts(cpu)) > (5)                           | ts(cpu) > 5                           | -
          avg(ts(cpu)) > 5                          | max(ts(cpu)) > 5                      | function avg → max
          sum(ts(cpu), env) > 5                     | avg(ts(cpu), env) > 6                 | function sum → avg; threshold 5 → 6
          ts(cpu) > 5                               | cs(cpu) > 5                           | function ts → cs
          mavg(5m, ts(cpu)) > 80                    | mavg(10m, ts(cpu)) > 80               | window 5m → 10m
          msum(10, ts(cpu)) > 80                    | msum(15, ts(cpu)) > 80                | window 10 → 15
          mavg(5m, ts(cpu)) > 80                    | mmax(5m, ts(cpu)) > 80                | function mavg → mmax
          mcount(5m, ts(a)) = 0                     | mcount(5m, ts(a)) = 1                 | threshold 0 → 1
          default(5m, 0, ts(a)) > 1                 | default(10m, 0, ts(a)) > 1            | window 5m → 10m
          ts(a) > 99 or ts(b) > 1                   | ts(a) > 99 or ts(b) > 2               | threshold 1 → 2 on b
          ts(a) > 10 or ts(b) > 10                  | ts(a) > 10 or ts(b) > 20              | threshold 10 → 20 on b
          ts(a) > 10 or ts(b) > 10                  | ts(a) > 20 or ts(b) > 20              | threshold 10 → 20 on a; threshold 10 → 20 on b
          ts(http.requests, status=500) > 10        | ts(http.server.requests, status=503) > 20 | metric http.requests → http.server.requests; filter status 500 → 503; threshold 10 → 20
          mavg(5m, ts(a, env=dev)) > 1              | mavg(10m, ts(b, env=prod)) >= 2       | operator > → >=; window 5m → 10m; metric a → b; filter env dev → prod; threshold 1 → 2
          ts(cpu) * 100 > 5                         | ts(cpu) * 1000 > 5                    | query ts(cpu) * 100 > 5 → ts(cpu) * 1000 > 5
          ts(cpu) > 5                               | ts(cpu) > 5 and ts(mem) > 1           | query ts(cpu) > 5 → ts(cpu) > 5 and ts(mem) > 1
          ts(cpu) > 5                               | ts(cpu) > ts(floor)                   | query ts(cpu) > 5 → ts(cpu) > ts(floor)
          ts(cpu) > 5                               | 5 < ts(cpu)                           | query ts(cpu) > 5 → 5 < ts(cpu)
          ts(cpu) > 5                               | ts(cpu) [>] 5                         | query ts(cpu) > 5 → ts(cpu) [>] 5
          ts(a or b) > 5                            | ts(a) > 5                             | query ts(a or b) > 5 → ts(a) > 5
          ts(a, env=x) > 5                          | ts(a, region=x) > 5                   | filter − env=x; filter + region=x
          sum(ts(a)) > 5                            | sum(ts(a), env) > 5                   | query sum(ts(a)) > 5 → sum(ts(a), env) > 5
          ts(a) - ts(b) > 5                         | ts(b) - ts(a) > 5                     | metric a → b; metric b → a
          ts(a) > 5                                 | ts(a) > 5                             | -
          """)
  void describes(String before, String after, String expected) throws WqlParseException {
    assertThat(deltas(before, after)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theKindOfAChangeLeavesOutTheValuesThatVary() throws WqlParseException {
    QueryDelta threshold =
        QueryDelta.between(WqlParser.parse("ts(a) > 80"), WqlParser.parse("ts(a) > 90")).get(0);
    assertThat(threshold).isEqualTo(new QueryDelta.Threshold(">", "80", 80, "90", 90, null));
    assertThat(threshold.kind()).isEqualTo("threshold >");
    QueryDelta filter =
        QueryDelta.between(WqlParser.parse("ts(a, app=x)"), WqlParser.parse("ts(a, app=y)")).get(0);
    assertThat(filter.kind()).isEqualTo("filter app");
    QueryDelta window =
        QueryDelta.between(WqlParser.parse("mavg(5m, ts(a))"), WqlParser.parse("mavg(10m, ts(a))"))
            .get(0);
    assertThat(window.kind()).isEqualTo("window of mavg");
    QueryDelta rename =
        QueryDelta.between(WqlParser.parse("ts(a)"), WqlParser.parse("ts(b)")).get(0);
    assertThat(rename.kind()).isEqualTo("metric a → b");
  }
}
