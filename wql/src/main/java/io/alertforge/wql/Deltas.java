package io.alertforge.wql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Computes {@link QueryDelta}s by walking two trees side by side. Where the trees differ in a way
 * no delta names, the walk stops and the whole change is {@link QueryDelta.Structural}.
 */
final class Deltas {

  /** The functions whose first argument is a window, even as a bare number (minutes). */
  private static final Set<String> MOVING_WINDOW =
      Set.of(
          "mavg",
          "msum",
          "mmin",
          "mmax",
          "mcount",
          "mmedian",
          "mvar",
          "mpercentile",
          "mdiff",
          "mcorr");

  /** The trees differ where no delta can say how. */
  private static final class Unexplained extends Exception {
    Unexplained() {
      super(null, null, false, false);
    }
  }

  private final List<QueryDelta> deltas = new ArrayList<>();
  private final boolean severalThresholds;

  private Deltas(boolean severalThresholds) {
    this.severalThresholds = severalThresholds;
  }

  static List<QueryDelta> between(Expr before, Expr after) {
    Deltas walk = new Deltas(thresholds(after) > 1 || thresholds(before) > 1);
    try {
      walk.expression(before, after, null, false);
    } catch (Unexplained e) {
      return List.of(new QueryDelta.Structural(WqlPrinter.print(before), WqlPrinter.print(after)));
    }
    return walk.deltas.stream().distinct().toList();
  }

  /** How many comparisons of a series with a constant the query has. */
  private static int thresholds(Expr root) {
    int count = 0;
    for (Expr.Binary binary : Trees.all(root, Expr.Binary.class)) {
      if (binary.operator().isComparison() && thresholdSide(binary) != null) {
        count++;
      }
    }
    return count;
  }

  /** The side of a comparison that is a constant compared with series, or null. */
  private static Expr thresholdSide(Expr.Binary comparison) {
    if (Trees.constantValue(comparison.right()) != null && Trees.readsSeries(comparison.left())) {
      return comparison.right();
    }
    if (Trees.constantValue(comparison.left()) != null && Trees.readsSeries(comparison.right())) {
      return comparison.left();
    }
    return null;
  }

  /**
   * @param call the name of the call whose argument this is, for windows
   * @param window whether this is the window argument of a moving-window function
   */
  private void expression(Expr a, Expr b, String call, boolean window) throws Unexplained {
    if (Trees.equalIgnoringSpans(a, b)) {
      return;
    }
    if (a instanceof Expr.Binary x && b instanceof Expr.Binary y) {
      binary(x, y, call);
    } else if (a instanceof Expr.Call x && b instanceof Expr.Call y) {
      if (x.args().size() != y.args().size()) {
        throw new Unexplained();
      }
      if (!x.name().equalsIgnoreCase(y.name())) {
        deltas.add(new QueryDelta.FunctionChanged(x.name(), y.name()));
      }
      boolean moving = MOVING_WINDOW.contains(y.name().toLowerCase(Locale.ROOT));
      for (int i = 0; i < x.args().size(); i++) {
        expression(x.args().get(i), y.args().get(i), y.name(), moving && i == 0);
      }
    } else if (a instanceof Expr.Series x && b instanceof Expr.Series y) {
      if (!x.function().equals(y.function())) {
        deltas.add(new QueryDelta.FunctionChanged(x.function(), y.function()));
      }
      terms(x.args(), y.args(), BinaryOperator.AND);
    } else if (isWindow(a, window) && isWindow(b, window)) {
      deltas.add(
          new QueryDelta.WindowChanged(
              call == null ? "" : call, WqlPrinter.print(a), WqlPrinter.print(b)));
    } else if (a instanceof Expr.Not x && b instanceof Expr.Not y) {
      expression(x.operand(), y.operand(), call, false);
    } else if (a instanceof Expr.Sign x && b instanceof Expr.Sign y && x.sign() == y.sign()) {
      expression(x.operand(), y.operand(), call, false);
    } else if (a instanceof Expr.Alias x
        && b instanceof Expr.Alias y
        && x.name().equals(y.name())) {
      expression(x.expression(), y.expression(), call, false);
    } else {
      selector(a, b);
    }
  }

  private static boolean isWindow(Expr expr, boolean windowArgument) {
    return expr instanceof Expr.Duration || windowArgument && expr instanceof Expr.Constant;
  }

  private void binary(Expr.Binary x, Expr.Binary y, String call) throws Unexplained {
    if (x.strict() != y.strict()) {
      throw new Unexplained();
    }
    if (x.operator().isComparison() && y.operator().isComparison()) {
      Expr oldConstant = thresholdSide(x);
      Expr newConstant = thresholdSide(y);
      boolean sameSide =
          oldConstant != null
              && newConstant != null
              && (oldConstant == x.right()) == (newConstant == y.right());
      if (x.operator() != y.operator()) {
        deltas.add(new QueryDelta.Operator(x.operator().symbol(), y.operator().symbol()));
      }
      if (sameSide) {
        boolean right = newConstant == y.right();
        Expr oldSeries = right ? x.left() : x.right();
        Expr newSeries = right ? y.left() : y.right();
        expression(oldSeries, newSeries, call, false);
        if (!Trees.equalIgnoringSpans(oldConstant, newConstant)) {
          List<Expr.Metric> metrics = Trees.metrics(newSeries);
          deltas.add(
              new QueryDelta.Threshold(
                  y.operator().symbol(),
                  WqlPrinter.print(oldConstant),
                  Trees.constantValue(oldConstant),
                  WqlPrinter.print(newConstant),
                  Trees.constantValue(newConstant),
                  severalThresholds && !metrics.isEmpty() ? metrics.get(0).name() : null));
        }
        return;
      }
      if (oldConstant != null || newConstant != null) {
        throw new Unexplained(); // a threshold appeared, vanished or changed sides
      }
      expression(x.left(), y.left(), call, false);
      expression(x.right(), y.right(), call, false);
      return;
    }
    if (x.operator() != y.operator()) {
      throw new Unexplained();
    }
    if (x.operator().category() == BinaryOperator.Category.BOOLEAN) {
      List<Expr> left = flatten(x, x.operator());
      List<Expr> right = flatten(y, y.operator());
      pairUp(left, right, (p, q) -> expression(p, q, call, false));
      return;
    }
    expression(x.left(), y.left(), call, false);
    expression(x.right(), y.right(), call, false);
  }

  // ---- selectors ------------------------------------------------------------------------------

  /** Two terms of a selector (or two expressions that are not alike, which is unexplained). */
  private void selector(Expr a, Expr b) throws Unexplained {
    if (sameTerm(a, b)) {
      return;
    }
    if (a instanceof Expr.Metric x && b instanceof Expr.Metric y) {
      deltas.add(new QueryDelta.MetricRenamed(WqlPrinter.print(x), WqlPrinter.print(y)));
    } else if (a instanceof Expr.Filter x
        && b instanceof Expr.Filter y
        && x.key().equals(y.key())) {
      deltas.add(new QueryDelta.FilterChanged(x.key(), filterSide(x, y), filterSide(y, x)));
    } else if (a instanceof Expr.Not x && b instanceof Expr.Not y) {
      selector(x.operand(), y.operand());
    } else if (a instanceof Expr.Binary x
        && b instanceof Expr.Binary y
        && x.operator() == y.operator()
        && x.operator().category() == BinaryOperator.Category.BOOLEAN) {
      terms(List.of(x), List.of(y), x.operator());
    } else {
      throw new Unexplained();
    }
  }

  /** A filter's value as the delta shows it: with its operator when the operator changed. */
  private static String filterSide(Expr.Filter filter, Expr.Filter other) {
    String value =
        WqlPrinter.print(
            new Expr.Filter(
                "", false, filter.operator(), filter.value(), filter.span(), filter.span()));
    return filter.operator() == other.operator() ? value.substring(1) : value;
  }

  /**
   * The terms joined by {@code operator} (a selector's arguments count as joined by {@code and}):
   * kept terms matched whatever their order, a filter removed and one added with the same key a
   * change, other filters added or removed, one metric for another a rename, and what is left
   * paired in order.
   */
  private void terms(List<Expr> before, List<Expr> after, BinaryOperator operator)
      throws Unexplained {
    List<Expr> removed = new ArrayList<>();
    for (Expr term : before) {
      removed.addAll(flatten(term, operator));
    }
    List<Expr> added = new ArrayList<>();
    for (Expr term : after) {
      added.addAll(flatten(term, operator));
    }
    removeCommon(removed, added);
    if (removed.isEmpty() && added.isEmpty()) {
      return;
    }
    List<Expr> unpaired = new ArrayList<>();
    for (Expr term : added) {
      Expr match = null;
      for (Expr old : removed) {
        if (sameKind(old, term)) {
          match = old;
          break;
        }
      }
      if (match == null) {
        unpaired.add(term);
      } else {
        removed.remove(match);
        selector(match, term);
      }
    }
    for (Expr old : removed) {
      if (!(old instanceof Expr.Filter) || operator != BinaryOperator.AND) {
        throw new Unexplained();
      }
      deltas.add(new QueryDelta.FilterRemoved(WqlPrinter.print(old)));
    }
    for (Expr term : unpaired) {
      if (!(term instanceof Expr.Filter) || operator != BinaryOperator.AND) {
        throw new Unexplained();
      }
      deltas.add(new QueryDelta.FilterAdded(WqlPrinter.print(term)));
    }
  }

  /** Whether an added term can be the new version of a removed one. */
  private static boolean sameKind(Expr old, Expr term) {
    if (old instanceof Expr.Filter x && term instanceof Expr.Filter y) {
      return x.key().equals(y.key());
    }
    if (old instanceof Expr.Binary x && term instanceof Expr.Binary y) {
      return x.operator() == y.operator();
    }
    return old.getClass() == term.getClass();
  }

  /** Pairs equal operands whatever their order, then the rest in order; sizes must agree. */
  private void pairUp(List<Expr> before, List<Expr> after, Pairing pairing) throws Unexplained {
    List<Expr> left = new ArrayList<>(before);
    List<Expr> right = new ArrayList<>(after);
    removeCommon(left, right);
    if (left.size() != right.size()) {
      throw new Unexplained();
    }
    for (int i = 0; i < left.size(); i++) {
      pairing.pair(left.get(i), right.get(i));
    }
  }

  private interface Pairing {
    void pair(Expr before, Expr after) throws Unexplained;
  }

  private static void removeCommon(List<Expr> left, List<Expr> right) {
    for (Expr term : List.copyOf(left)) {
      for (int i = 0; i < right.size(); i++) {
        if (sameTerm(term, right.get(i))) {
          right.remove(i);
          left.remove(term);
          break;
        }
      }
    }
  }

  /** Equal trees; a name or value quoted or not is the same name or value. */
  private static boolean sameTerm(Expr a, Expr b) {
    if (Trees.equalIgnoringSpans(a, b)) {
      return true;
    }
    if (a instanceof Expr.Metric x && b instanceof Expr.Metric y) {
      return x.name().equals(y.name()) && literal(x.form()) && literal(y.form());
    }
    if (a instanceof Expr.Filter x && b instanceof Expr.Filter y) {
      return x.key().equals(y.key())
          && x.operator() == y.operator()
          && x.value().text().equals(y.value().text())
          && literal(x.value().form())
          && literal(y.value().form());
    }
    return false;
  }

  private static boolean literal(Expr.Form form) {
    return form == Expr.Form.BARE || form == Expr.Form.QUOTED;
  }

  /** The operands of a chain of one boolean operator ({@code a and b and c}); else the term. */
  private static List<Expr> flatten(Expr expr, BinaryOperator operator) {
    if (expr instanceof Expr.Binary binary && binary.operator() == operator && !binary.strict()) {
      List<Expr> terms = new ArrayList<>(flatten(binary.left(), operator));
      terms.addAll(flatten(binary.right(), operator));
      return terms;
    }
    return List.of(expr);
  }
}
