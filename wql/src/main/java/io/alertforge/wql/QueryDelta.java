package io.alertforge.wql;

import java.util.List;

/**
 * One change in meaning between two queries, in a reviewer's words ({@link #describe()}). {@link
 * #between} compares two syntax trees; what it cannot explain as a list of these is one {@link
 * Structural} change, which shows both queries. Equal trees (white space, keyword case, quote
 * style, redundant parentheses, the order of {@code and}/{@code or} operands) have no delta.
 */
public sealed interface QueryDelta {

  /** The change in words: {@code threshold 80 → 90}. */
  String describe();

  /**
   * What an equal edit with other values has in common: changes of the same kind are grouped by it.
   * {@code threshold >} for every threshold change of a {@code >} comparison; the full {@link
   * #describe()} for kinds without varying values.
   */
  default String kind() {
    return describe();
  }

  /** The changes from {@code before} to {@code after}, in the order of the new query. */
  static List<QueryDelta> between(Query before, Query after) {
    return Deltas.between(before.root(), after.root());
  }

  /**
   * The constant that a comparison compares the alert's series with. {@code metric} names the
   * series' first metric when the query has more than one such comparison, else null.
   */
  record Threshold(
      String operator, String from, double fromValue, String to, double toValue, String metric)
      implements QueryDelta {
    @Override
    public String describe() {
      return "threshold " + from + " → " + to + (metric == null ? "" : " on " + metric);
    }

    @Override
    public String kind() {
      return "threshold " + operator + (metric == null ? "" : " on " + metric);
    }
  }

  /** A comparison's operator, {@code > → >=}. */
  record Operator(String from, String to) implements QueryDelta {
    @Override
    public String describe() {
      return "operator " + from + " → " + to;
    }
  }

  /** A filter's value (or operator and value) for the same key: {@code filter status 500 → 503}. */
  record FilterChanged(String key, String from, String to) implements QueryDelta {
    @Override
    public String describe() {
      return "filter " + key + " " + from + " → " + to;
    }

    @Override
    public String kind() {
      return "filter " + key;
    }
  }

  /** A filter term added to a selector: {@code filter + env="prod"}. */
  record FilterAdded(String filter) implements QueryDelta {
    @Override
    public String describe() {
      return "filter + " + filter;
    }
  }

  /** A filter term removed from a selector: {@code filter − env="prod"}. */
  record FilterRemoved(String filter) implements QueryDelta {
    @Override
    public String describe() {
      return "filter − " + filter;
    }
  }

  /** A metric name replaced by another in a selector. */
  record MetricRenamed(String from, String to) implements QueryDelta {
    @Override
    public String describe() {
      return "metric " + from + " → " + to;
    }
  }

  /** A function (or selector) replaced by another with the same arguments' shape. */
  record FunctionChanged(String from, String to) implements QueryDelta {
    @Override
    public String describe() {
      return "function " + from + " → " + to;
    }
  }

  /** A time window ({@code 5m}, or the first argument of a moving-window function) of a call. */
  record WindowChanged(String function, String from, String to) implements QueryDelta {
    @Override
    public String describe() {
      return "window " + from + " → " + to;
    }

    @Override
    public String kind() {
      return "window of " + function;
    }
  }

  /** Any other change: both queries, in canonical form. */
  record Structural(String before, String after) implements QueryDelta {
    @Override
    public String describe() {
      return "query " + before + " → " + after;
    }

    @Override
    public String kind() {
      return "structural";
    }
  }
}
