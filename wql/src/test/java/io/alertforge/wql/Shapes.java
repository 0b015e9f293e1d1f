package io.alertforge.wql;

import java.util.stream.Collectors;

/** A tree as a fully parenthesised prefix form, so a table test shows how the parser grouped. */
final class Shapes {

  private Shapes() {}

  static String of(String query) {
    try {
      return of(WqlParser.parse(query).root());
    } catch (WqlParseException e) {
      return "error " + e.getMessage();
    }
  }

  static String of(Expr expr) {
    if (expr instanceof Expr.Constant c) {
      return c.text() + (c.text().equals(plain(c.value())) ? "" : "=" + plain(c.value()));
    } else if (expr instanceof Expr.Duration d) {
      return "window:" + d.text();
    } else if (expr instanceof Expr.Quoted q) {
      return "'" + q.value() + "'";
    } else if (expr instanceof Expr.Name n) {
      return "name:" + n.text();
    } else if (expr instanceof Expr.Variable v) {
      return "var:" + v.name();
    } else if (expr instanceof Expr.Not n) {
      return "(not " + of(n.operand()) + ")";
    } else if (expr instanceof Expr.Sign s) {
      return "(" + s.sign() + " " + of(s.operand()) + ")";
    } else if (expr instanceof Expr.Binary b) {
      String symbol = b.strict() ? "[" + b.operator().symbol() + "]" : b.operator().symbol();
      return "(" + symbol + " " + of(b.left()) + " " + of(b.right()) + ")";
    } else if (expr instanceof Expr.Call c) {
      return "(" + c.name() + args(c.args()) + ")";
    } else if (expr instanceof Expr.Series s) {
      return "(" + s.function() + args(s.args()) + ")";
    } else if (expr instanceof Expr.Metric m) {
      return "metric:" + m.name() + (m.form() == Expr.Form.BARE ? "" : "/" + m.form());
    } else if (expr instanceof Expr.Filter f) {
      return "{"
          + f.key()
          + " "
          + f.operator().symbol()
          + " "
          + f.value().text()
          + (f.value().form() == Expr.Form.BARE ? "" : "/" + f.value().form())
          + "}";
    } else if (expr instanceof Expr.Alias a) {
      return "(as " + of(a.expression()) + " " + a.name() + ")";
    }
    throw new AssertionError(expr);
  }

  private static String args(java.util.List<Expr> args) {
    return args.stream().map(a -> " " + of(a)).collect(Collectors.joining());
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
