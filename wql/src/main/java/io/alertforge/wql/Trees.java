package io.alertforge.wql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** What readers of a syntax tree need in common: children, traversal, equality without spans. */
public final class Trees {

  private Trees() {}

  /** The direct children of a node, in source order. */
  public static List<Expr> children(Expr expr) {
    if (expr instanceof Expr.Not n) {
      return List.of(n.operand());
    } else if (expr instanceof Expr.Sign s) {
      return List.of(s.operand());
    } else if (expr instanceof Expr.Binary b) {
      return List.of(b.left(), b.right());
    } else if (expr instanceof Expr.Call c) {
      return c.args();
    } else if (expr instanceof Expr.Series s) {
      return s.args();
    } else if (expr instanceof Expr.Alias a) {
      return List.of(a.expression());
    }
    return List.of();
  }

  /** Visits {@code expr} and every node below it, parents first, in source order. */
  public static void walk(Expr expr, Consumer<Expr> visitor) {
    visitor.accept(expr);
    for (Expr child : children(expr)) {
      walk(child, visitor);
    }
  }

  /** Every node of one type below and including {@code expr}, in source order. */
  public static <T extends Expr> List<T> all(Expr expr, Class<T> type) {
    List<T> found = new ArrayList<>();
    walk(
        expr,
        node -> {
          if (type.isInstance(node)) {
            found.add(type.cast(node));
          }
        });
    return found;
  }

  /**
   * The metric names a query reads: those of its selectors, and those of the selector arguments of
   * the series filters ({@code retainSeries(ts(a), b)} reads {@code a} and {@code b}).
   */
  public static List<Expr.Metric> metrics(Expr expr) {
    return all(expr, Expr.Metric.class);
  }

  /** The value of a constant: a number, possibly signed ({@code -5}); null for anything else. */
  public static Double constantValue(Expr expr) {
    if (expr instanceof Expr.Constant c) {
      return c.value();
    }
    if (expr instanceof Expr.Sign s) {
      Double inner = constantValue(s.operand());
      return inner == null ? null : s.sign() == '-' ? -inner : inner;
    }
    return null;
  }

  /** Whether {@code expr} reads series: it holds a selector or a variable. */
  public static boolean readsSeries(Expr expr) {
    boolean[] found = {false};
    walk(expr, node -> found[0] |= node instanceof Expr.Series || node instanceof Expr.Variable);
    return found[0];
  }

  /**
   * Whether two trees are the same but for where they are in their texts: records compared
   * component by component, {@link Span}s skipped.
   */
  public static boolean equalIgnoringSpans(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Span) {
      return true;
    }
    if (a instanceof List<?> left) {
      List<?> right = (List<?>) b;
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!equalIgnoringSpans(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Record) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        if (!equalIgnoringSpans(value(component, a), value(component, b))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /** A hash consistent with {@link #equalIgnoringSpans}. */
  public static int hashIgnoringSpans(Object node) {
    if (node == null || node instanceof Span) {
      return 0;
    }
    if (node instanceof List<?> list) {
      int hash = 1;
      for (Object item : list) {
        hash = 31 * hash + hashIgnoringSpans(item);
      }
      return hash;
    }
    if (node instanceof Record) {
      int hash = node.getClass().hashCode();
      for (RecordComponent component : node.getClass().getRecordComponents()) {
        hash = 31 * hash + hashIgnoringSpans(value(component, node));
      }
      return hash;
    }
    return node.hashCode();
  }

  private static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("unreadable syntax tree component " + component, e);
    }
  }
}
