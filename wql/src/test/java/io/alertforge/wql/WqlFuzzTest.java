package io.alertforge.wql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Seeded random queries: every one is either a tree or a {@link WqlParseException} (nothing else is
 * thrown, nothing hangs), every span lies inside the text, and a parsed query printed and parsed
 * again gives an equal tree, whose print is the same text.
 */
class WqlFuzzTest {

  private static final String[] SOUP = {
    "ts",
    "cs",
    "hs",
    "retainSeries",
    "sum",
    "mavg",
    "(",
    ")",
    "[",
    "]",
    ",",
    " ",
    "\n",
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
    "+",
    "-",
    "*",
    "/",
    "%",
    "^",
    "[>]",
    "[+]",
    "\"q.x*\"",
    "'a\\'b'",
    "\"a\\\"b\"",
    "/re\\/x/",
    "\\",
    "\"",
    "'",
    "90",
    "7.2k",
    "1M",
    "5m",
    "1vw",
    "1.5",
    "$var",
    "${v}",
    "${",
    "{{",
    "}}",
    "abc.def",
    "http.5xx",
    "*",
    "~x",
    "\u2206",
    "env",
    "as",
    "&&",
    "||",
    "==",
    "#",
    "\u0000",
    "status=500",
    "ts(a)",
    "ts(b, env=prod)"
  };

  private static final List<String> VALID =
      List.of(
          "ts(cpu, env=\"prod\") > 80",
          "mavg(5m, ts(http.5xx, status=500 or status=\"503\")) >= 10.5k",
          "ts(a) > 99 or ts(b) > 1",
          "sum(ts(\"kube_node_status_condition\", cluster=\"c\" and (status=\"false\" or status=\"unknown\")))"
              + " > 0",
          "(ts(disk.total) - ts(disk.used)) * 2 [<] -5 and not ts(x, tag=app.*)",
          "retainSeries(align(1m, mean, ts(a.b)), env!=dev) % 3 ^ 2 ^ 1",
          "default(5m, 0, rate(cs(\u2206req.count, source=web-1))) / ${total} as q",
          "ts('it\\'s', \"k\"?=/v.*/) + spans(\"op\") - $x");

  private static final char[] MUTATIONS = "()\"',=!<>+-*/ $%{}[]~^.0aZ\\\n".toCharArray();

  @Test
  void tokenSoupsParseOrFailCleanly() {
    Random random = new Random(20_261_127L);
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          for (int n = 0; n < 40_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(18); i >= 0; i--) {
              text.append(SOUP[random.nextInt(SOUP.length)]);
              if (random.nextBoolean()) {
                text.append(' ');
              }
            }
            check(text.toString());
          }
        });
  }

  @Test
  void mutationsOfValidQueriesParseOrFailCleanly() {
    Random random = new Random(7_919L);
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          int parsed = 0;
          for (int n = 0; n < 40_000; n++) {
            StringBuilder text = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
              int at = random.nextInt(text.length() + 1);
              switch (random.nextInt(3)) {
                case 0 -> text.insert(at, MUTATIONS[random.nextInt(MUTATIONS.length)]);
                case 1 -> {
                  if (at < text.length()) {
                    text.deleteCharAt(at);
                  }
                }
                default -> {
                  if (at < text.length()) {
                    text.setCharAt(at, MUTATIONS[random.nextInt(MUTATIONS.length)]);
                  }
                }
              }
            }
            parsed += check(text.toString()) ? 1 : 0;
          }
          // mutations keep a fair share valid, so the round trip is exercised, not only errors
          assertThat(parsed).isGreaterThan(5_000);
        });
  }

  @Test
  void theValidSeedsRoundTrip() {
    for (String query : VALID) {
      assertThat(check(query)).as(query).isTrue();
    }
  }

  /** True when {@code text} parsed. */
  private static boolean check(String text) {
    Query query;
    try {
      query = WqlParser.parse(text);
    } catch (WqlParseException e) {
      assertThat(e.offset()).as(text).isBetween(0, text.length());
      assertThat(e.line()).as(text).isPositive();
      assertThat(e.column()).as(text).isPositive();
      return false;
    } catch (Throwable t) {
      fail("parsing " + text + " threw " + t, t);
      return false;
    }
    Trees.walk(
        query.root(),
        node -> assertThat(node.span().end()).as(text).isLessThanOrEqualTo(text.length()));
    String printed = WqlPrinter.print(query.root());
    Query again;
    try {
      again = WqlParser.parse(printed);
    } catch (WqlParseException e) {
      fail("the print of " + text + ", " + printed + ", does not parse: " + e.getMessage());
      return false;
    }
    assertThat(Trees.equalIgnoringSpans(query.root(), again.root()))
        .as("%s printed as %s", text, printed)
        .isTrue();
    assertThat(Trees.hashIgnoringSpans(again.root()))
        .isEqualTo(Trees.hashIgnoringSpans(query.root()));
    assertThat(WqlPrinter.print(again.root())).isEqualTo(printed);
    return true;
  }
}
