package io.alertforge.wql;

import java.util.List;

/**
 * A node of a WQL syntax tree. Every node knows its {@link Span} in the query text; the trees of
 * two texts that differ only in white space, keyword case, quote style of a string, or redundant
 * parentheses are equal once spans are ignored ({@link Trees#equalIgnoringSpans}).
 */
public sealed interface Expr
    permits Expr.Constant,
        Expr.Duration,
        Expr.Quoted,
        Expr.Name,
        Expr.Variable,
        Expr.Not,
        Expr.Sign,
        Expr.Binary,
        Expr.Call,
        Expr.Series,
        Expr.Metric,
        Expr.Filter,
        Expr.Alias {

  Span span();

  /**
   * A number, possibly with an SI suffix ({@code 7.2k} is 7200).
   *
   * @param text as written, which the printer keeps ({@code 7.2k} stays {@code 7.2k})
   */
  record Constant(String text, double value, Span span) implements Expr {}

  /**
   * A time window: a whole number and a unit ({@code s m h d w vw bw}), such as the {@code 5m} of
   * {@code mavg(5m, ...)}. A bare number where a window is expected is a {@link Constant} (minutes,
   * in Wavefront).
   */
  record Duration(long amount, String unit, Span span) implements Expr {
    public String text() {
      return amount + unit;
    }
  }

  /** A quoted string outside a selector, such as the operation of {@code spans("op")}. */
  record Quoted(String value, Span span) implements Expr {}

  /**
   * A bare word outside a selector: a grouping argument ({@code sum(ts(x), env)}) or a keyword
   * argument ({@code align(1m, mean, ts(x))}).
   */
  record Name(String text, Span span) implements Expr {}

  /** {@code ${name}} (braced) or {@code $name}: a dashboard or query-line variable. */
  record Variable(String name, boolean braced, Span span) implements Expr {}

  /** {@code not operand}, both between series and inside a selector. */
  record Not(Expr operand, Span span) implements Expr {}

  /** A prefix {@code -} or {@code +}. */
  record Sign(char sign, Expr operand, Span span) implements Expr {}

  /**
   * {@code left operator right}; {@code strict} for the bracketed forms ({@code [>]}, {@code [+]})
   * that do not interpolate.
   */
  record Binary(
      BinaryOperator operator, boolean strict, Expr left, Expr right, Span operatorSpan, Span span)
      implements Expr {}

  /** Any function call but the selectors: {@code mavg(5m, ts(x))}, {@code sum(ts(x), env)}. */
  record Call(String name, List<Expr> args, Span nameSpan, Span span) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * A series selector, {@code ts()}, {@code cs()} or {@code hs()} (function in lower case). Each
   * argument is a selector expression: {@link Metric}s and {@link Filter}s combined with {@code
   * and}, {@code or} and {@code not}.
   */
  record Series(String function, List<Expr> args, Span span) implements Expr {
    public Series {
      args = List.copyOf(args);
    }
  }

  /** How a metric name or a filter value is written. */
  enum Form {
    BARE,
    QUOTED,
    REGEX,
    VARIABLE
  }

  /**
   * A metric name in a selector. {@code name} is unquoted for {@link Form#QUOTED}, the pattern
   * between the slashes for {@link Form#REGEX}, the variable's name for {@link Form#VARIABLE}.
   */
  record Metric(String name, Form form, Span span) implements Expr {
    public boolean wildcard() {
      return form != Form.REGEX && name.indexOf('*') >= 0;
    }
  }

  /**
   * The operator of a filter: {@code =}, {@code !=} or {@code ?=} (matches, or has no such tag).
   */
  enum FilterOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    MATCH_OR_ABSENT("?=");

    private final String symbol;

    FilterOperator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** A filter's value, as {@link Metric#name()} is for a metric. */
  record Value(String text, Form form, Span span) {}

  /**
   * A source, source-tag or point-tag filter in a selector: {@code source="app-1"}, {@code
   * tag=app.*}, {@code env!=prod}, {@code region?=us*}.
   */
  record Filter(
      String key, boolean keyQuoted, FilterOperator operator, Value value, Span keySpan, Span span)
      implements Expr {}

  /** {@code expression as name}: names a query for {@code $name}; only at the top of a query. */
  record Alias(Expr expression, String name, Span span) implements Expr {}
}
