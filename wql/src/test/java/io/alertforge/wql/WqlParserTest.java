package io.alertforge.wql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser makes of each form of WQL, as a prefix form that shows the grouping. */
class WqlParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          ts(cpu)                                 | (ts metric:cpu)
          ts(~sample.disk.bytes.written, (source="app-1" or source="app-2") and env="dev") | (ts metric:~sample.disk.bytes.written (and (or {source = app-1/QUOTED} {source = app-2/QUOTED}) {env = dev/QUOTED}))
          ts("smp-fax*.count" AND NOT "smp-fax*.metrics.wavefront.*") | (ts (and metric:smp-fax*.count/QUOTED (not metric:smp-fax*.metrics.wavefront.*/QUOTED)))
          ts(a.b or c.d, env!=prod and region?=us*) | (ts (or metric:a.b metric:c.d) (and {env != prod} {region ?= us*}))
          ts(/request\\.latency.*/, env=prod)     | (ts metric:request\\.latency.*/REGEX {env = prod})
          ts(http.5xx, status=500) > 10           | (> (ts metric:http.5xx {status = 500}) 10)
          ts(http.requests, status="5*") > 10     | (> (ts metric:http.requests {status = 5*/QUOTED}) 10)
          ts(app.errors, tag=app.*, host=web-1)   | (ts metric:app.errors {tag = app.*} {host = web-1})
          cs(kube.restarts) >= 3                  | (>= (cs metric:kube.restarts) 3)
          hs(http.duration.m)                     | (hs metric:http.duration.m)
          TS(cpu) AND ts(mem)                     | (and (ts metric:cpu) (ts metric:mem))
          ts(a) > 99 or ts(b) > 1                 | (or (> (ts metric:a) 99) (> (ts metric:b) 1))
          ts(a) > 1 and ts(b) < 2 or ts(c) = 0    | (or (and (> (ts metric:a) 1) (< (ts metric:b) 2)) (= (ts metric:c) 0))
          not ts(a) > 5 and ts(b)                 | (and (not (> (ts metric:a) 5)) (ts metric:b))
          1 + 2 * 3 - 4 / 5 % 6                   | (- (+ 1 (* 2 3)) (% (/ 4 5) 6))
          2 ^ 3 ^ 2                               | (^ 2 (^ 3 2))
          -ts(a) * 2 > -5                         | (> (* (- (ts metric:a)) 2) (- 5))
          (ts(disk.total) - ts(disk.used)) * 2    | (* (- (ts metric:disk.total) (ts metric:disk.used)) 2)
          ts(a) [>] 5 [+] 1                       | ([>] (ts metric:a) ([+] 5 1))
          ts(x) > 7.2k                            | (> (ts metric:x) 7.2k=7200)
          ts(x) < 1M                              | (< (ts metric:x) 1M=1000000)
          mavg(5m, ts(cpu)) > 80                  | (> (mavg window:5m (ts metric:cpu)) 80)
          msum(10, rate(ts(x)))                   | (msum 10 (rate (ts metric:x)))
          mcount(26h, ts("batch.done", env="prod")) = 0 | (= (mcount window:26h (ts metric:batch.done/QUOTED {env = prod/QUOTED})) 0)
          align(1m, mean, ts(x))                  | (align window:1m name:mean (ts metric:x))
          sum(ts(cpu), env, region) > 1           | (> (sum (ts metric:cpu) name:env name:region) 1)
          avg(hs(users.m))                        | (avg (hs metric:users.m))
          default(5m, 0, ts(x))                   | (default window:5m 0 (ts metric:x))
          highpass(10, ts(x))                     | (highpass 10 (ts metric:x))
          now()                                   | (now)
          retainSeries(ts(x.y), other.metric)     | (retainSeries (ts metric:x.y) metric:other.metric)
          removeSeries(ts(x), env=dev or env=qa)  | (removeSeries (ts metric:x) (or {env = dev} {env = qa}))
          events(type="alert")                    | (events (= name:type 'alert'))
          spans("checkout")                       | (spans 'checkout')
          ts(${metric}, env=${env}) > $threshold  | (> (ts metric:metric/VARIABLE {env = env/VARIABLE}) var:threshold)
          ts(a) as q                              | (as (ts metric:a) q)
          ts('it\\'s', "say \\"hi\\""="x\\y")     | (ts metric:it's/QUOTED {say "hi" = x\\y/QUOTED})
          ts(∆requests.count)                     | (ts metric:∆requests.count)
          ts(a, "default"=x)                      | (ts metric:a {default = x})
          """)
  void parses(String query, String shape) {
    assertThat(Shapes.of(query)).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          ``                          | 1:1: empty query
          ts(                         | 1:4: expected a metric name or a filter, found the end of the query
          ts()                        | 1:4: expected a metric name or a filter, found ')'
          ts(a                        | 1:5: expected ',' or ')', found the end of the query
          ts(a) >                     | 1:8: expected an expression, found the end of the query
          ts(a) 5                     | 1:7: expected an operator or the end of the query, found '5'
          ts("a                       | 1:4: unterminated quoted string
          ts(/a)                      | 1:4: unterminated regular expression
          ts(a) && ts(b)              | 1:7: '&&' is not WQL: use 'and' or 'or'
          ts(a) == 1                  | 1:7: '==' is not WQL: compare with '='
          mavg(1.5m, ts(a))           | 1:6: a time window is a whole number of m
          ts(a) > 5x                  | 1:10: unknown suffix 'x' on a number: an SI prefix (k M G T P E Z Y) or a time unit (s m h d w vw bw)
          ts(a, env={{ .env }})       | 1:11: '{{' starts a template action: only rendered queries are WQL
          ts(a, env=)                 | 1:11: expected a value after '=', found ')'
          ts(a, env!)                 | 1:10: unexpected '!': a filter compares with =, != or ?=
          ts(a) ?= 1                  | 1:7: expected an operator or the end of the query, found '?='
          ts(a, and)                  | 1:7: expected a metric name or a filter, found 'and'
          ts(a) # comment             | 1:7: unexpected '#'
          ts(a) > ${x                 | 1:9: unterminated variable: ${x needs a closing '}'
          ts(a) [and] 1               | 1:7: '[' starts a strict operator such as [>] or [+]
          """)
  void refuses(String query, String message) {
    assertThatThrownBy(() -> WqlParser.parse(query))
        .isInstanceOf(WqlParseException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void anErrorOnALaterLineHasItsLineAndColumn() {
    assertThatThrownBy(() -> WqlParser.parse("ts(a)\n  and\n  ts(b) >"))
        .isInstanceOfSatisfying(
            WqlParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(10);
              assertThat(e.offset()).isEqualTo(21);
              assertThat(e.reason()).startsWith("expected an expression");
            });
  }

  @org.junit.jupiter.api.Test
  void nestingIsBounded() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertThatThrownBy(() -> WqlParser.parse(deep))
        .isInstanceOf(WqlParseException.class)
        .hasMessageContaining("nested deeper than 100 levels");
    String calls = "abs(".repeat(5_000) + "ts(a)" + ")".repeat(5_000);
    assertThatThrownBy(() -> WqlParser.parse(calls))
        .hasMessageContaining("nested deeper than 100 levels");
    assertThatThrownBy(() -> WqlParser.parse("ts(" + "not ".repeat(5_000) + "a)"))
        .hasMessageContaining("nested deeper than 100 levels");
    assertThatThrownBy(() -> WqlParser.parse("-".repeat(5_000) + "1"))
        .hasMessageContaining("nested deeper than 100 levels");
  }

  @org.junit.jupiter.api.Test
  void everyNodeHasTheSpanOfItsText() throws WqlParseException {
    String text = "mavg(5m, ts(http.5xx, status=\"500\")) > 10";
    Query query = WqlParser.parse(text);
    Expr.Binary comparison = (Expr.Binary) query.root();
    assertThat(comparison.right().span().of(text)).isEqualTo("10");
    assertThat(comparison.operatorSpan().of(text)).isEqualTo(">");
    Expr.Call mavg = (Expr.Call) comparison.left();
    assertThat(mavg.span().of(text)).isEqualTo("mavg(5m, ts(http.5xx, status=\"500\"))");
    assertThat(mavg.args().get(0).span().of(text)).isEqualTo("5m");
    Expr.Metric metric = Trees.metrics(query.root()).get(0);
    assertThat(metric.span().of(text)).isEqualTo("http.5xx");
    Expr.Filter filter = Trees.all(query.root(), Expr.Filter.class).get(0);
    assertThat(filter.span().of(text)).isEqualTo("status=\"500\"");
    assertThat(filter.keySpan().of(text)).isEqualTo("status");
    assertThat(filter.value().span().of(text)).isEqualTo("\"500\"");
    assertThat(query.line(filter.span().offset())).isEqualTo(1);
    assertThat(query.column(filter.span().offset())).isEqualTo(23);
  }
}
