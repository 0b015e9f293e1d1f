package io.alertforge.compiler.lint.wql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Metric extraction and compared constants, on the query forms of wavefront-api.md section 7. */
class WqlQueryTest {

  private static java.util.List<String> metrics(String query) {
    return WqlQuery.parse(query).metrics().stream().map(WqlQuery.Metric::name).toList();
  }

  @Test
  void metricsAreTheAtomsThatAreNotASideOfAPredicate() {
    assertThat(
            metrics(
                "ts(~sample.disk.bytes.written, (source=\"app-1\" or source=\"app-2\") and env=\"dev\")"))
        .containsExactly("~sample.disk.bytes.written");
    assertThat(metrics("ts(\"smp-fax*.count\" AND NOT \"smp-fax*.metrics.wavefront.*\")"))
        .containsExactly("smp-fax*.count", "smp-fax*.metrics.wavefront.*");
    assertThat(metrics("ts(a.b or c.d, env!=prod and region?=us)")).containsExactly("a.b", "c.d");
    assertThat(metrics("ts(/request\\.latency.*/, env=prod)"))
        .containsExactly("/request\\.latency.*/");
  }

  @Test
  void selectorsInsideFunctionsAndTheSeriesFilters() {
    assertThat(
            metrics(
                "100 * sum(align(1m, cs(http.server.requests.errors, cluster=\"c\"))) / sum(hs(http.server.duration.m))"
                    + " + retainSeries(ts(x.y), other.metric)"))
        .containsExactly(
            "http.server.requests.errors", "http.server.duration.m", "x.y", "other.metric");
    assertThat(metrics("msum(10m, rate(ts('quoted.name', tag=\"a\")))"))
        .containsExactly("quoted.name");
    assertThat(metrics("events(type=\"alert\") + spans(\"op\") + default(5m, 0, 1)")).isEmpty();
  }

  @Test
  void comparisonsGiveTheConstantAndItsOffset() {
    WqlQuery query = WqlQuery.parse("ts(cpu, env=\"a\") > 90 and 5 <= ts(mem) and ts(x) = 0");
    assertThat(query.comparisons())
        .extracting(
            WqlQuery.Comparison::operator, WqlQuery.Comparison::number, WqlQuery.Comparison::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(">", "90", 90.0),
            org.assertj.core.groups.Tuple.tuple("<=", "5", 5.0));
    assertThat(query.comparisons().get(0).offset()).isEqualTo(19);
    assertThat(WqlQuery.parse("ts(x) > 7.2k").comparisons().get(0).value()).isEqualTo(7200.0);
  }

  @Test
  void unbalancedOrUnterminatedQueriesDoNotThrow() {
    assertThat(metrics("ts(\"unterminated")).containsExactly("unterminated");
    assertThat(metrics(")) ts(a")).containsExactly("a");
    assertThat(metrics("")).isEmpty();
    // a lone opening quote at the very end is both the first and the last character
    assertThat(metrics("ts(\"")).containsExactly("");
    assertThat(metrics("ts(a, env='")).containsExactly("a");
  }

  private static final String[] SOUP = {
    "ts",
    "cs",
    "hs",
    "retainSeries",
    "sum",
    "(",
    ")",
    "[",
    ",",
    " ",
    "and",
    "OR",
    "not",
    "=",
    "!=",
    "?=",
    ">",
    ">=",
    "<",
    "<=",
    "\"q.x*\"",
    "'a\\'b'",
    "/re\\/x/",
    "/",
    "\\",
    "\"",
    "'",
    "90",
    "7.2k",
    "1m",
    "$var",
    "${v}",
    "${",
    "abc.def",
    "*",
    "~x",
    "-",
    "+",
    "\u2206"
  };

  @Test
  void anyTokenSoupParsesAndEveryResultPointsIntoTheQuery() {
    Random random = new Random(20_261_127L);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        text.append(SOUP[random.nextInt(SOUP.length)]);
      }
      String query = text.toString();
      WqlQuery parsed = WqlQuery.parse(query);
      for (WqlQuery.Metric metric : parsed.metrics()) {
        if (metric.quoted()) {
          assertThat(query.charAt(metric.offset())).as(query).isIn('"', '\'');
        } else {
          assertThat(query.startsWith(metric.name(), metric.offset())).as(query).isTrue();
        }
      }
      for (WqlQuery.Comparison comparison : parsed.comparisons()) {
        assertThat(query.startsWith(comparison.number(), comparison.offset())).as(query).isTrue();
      }
    }
  }
}
