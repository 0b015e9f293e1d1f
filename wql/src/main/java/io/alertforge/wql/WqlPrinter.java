package io.alertforge.wql;

import io.alertforge.wql.Expr.Form;
import java.util.List;

/**
 * Prints a syntax tree as canonical WQL: keywords in lower case, one space around binary operators
 * and after commas, strings in double quotes, parentheses only where precedence needs them. Parsing
 * the printed text gives an equal tree (spans aside).
 */
public final class WqlPrinter {

  private static final int ATOM = 100;

  private WqlPrinter() {}

  public static String print(Expr expr) {
    StringBuilder out = new StringBuilder();
    print(expr, out);
    return out.toString();
  }

  private static void print(Expr expr, StringBuilder out) {
    if (expr instanceof Expr.Constant c) {
      out.append(c.text());
    } else if (expr instanceof Expr.Duration d) {
      out.append(d.text());
    } else if (expr instanceof Expr.Quoted q) {
      quote(q.value(), out);
    } else if (expr instanceof Expr.Name n) {
      out.append(n.text());
    } else if (expr instanceof Expr.Variable v) {
      out.append(v.braced() ? "${" + v.name() + "}" : "$" + v.name());
    } else if (expr instanceof Expr.Not n) {
      out.append("not ");
      operand(n.operand(), BinaryOperator.NOT_PRECEDENCE, out);
    } else if (expr instanceof Expr.Sign s) {
      out.append(s.sign());
      operand(s.operand(), BinaryOperator.SIGN_PRECEDENCE, out);
    } else if (expr instanceof Expr.Binary b) {
      int precedence = b.operator().precedence();
      boolean right = b.operator().rightAssociative();
      operand(b.left(), right ? precedence + 1 : precedence, out);
      String symbol = b.operator().symbol();
      out.append(' ').append(b.strict() ? "[" + symbol + "]" : symbol).append(' ');
      operand(b.right(), right ? precedence : precedence + 1, out);
    } else if (expr instanceof Expr.Call c) {
      out.append(c.name());
      arguments(c.args(), out);
    } else if (expr instanceof Expr.Series s) {
      out.append(s.function());
      arguments(s.args(), out);
    } else if (expr instanceof Expr.Metric m) {
      value(m.name(), m.form(), out);
    } else if (expr instanceof Expr.Filter f) {
      if (f.keyQuoted()) {
        quote(f.key(), out);
      } else {
        out.append(f.key());
      }
      out.append(f.operator().symbol());
      value(f.value().text(), f.value().form(), out);
    } else if (expr instanceof Expr.Alias a) {
      print(a.expression(), out);
      out.append(" as ").append(a.name());
    }
  }

  /** Prints {@code expr} in parentheses when it binds more loosely than {@code precedence}. */
  private static void operand(Expr expr, int precedence, StringBuilder out) {
    boolean parenthesised = precedence(expr) < precedence;
    if (parenthesised) {
      out.append('(');
    }
    print(expr, out);
    if (parenthesised) {
      out.append(')');
    }
  }

  private static int precedence(Expr expr) {
    if (expr instanceof Expr.Binary b) {
      return b.operator().precedence();
    }
    if (expr instanceof Expr.Not) {
      return BinaryOperator.NOT_PRECEDENCE;
    }
    if (expr instanceof Expr.Sign) {
      return BinaryOperator.SIGN_PRECEDENCE;
    }
    return expr instanceof Expr.Alias ? 0 : ATOM;
  }

  private static void arguments(List<Expr> args, StringBuilder out) {
    out.append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      print(args.get(i), out);
    }
    out.append(')');
  }

  private static void value(String text, Form form, StringBuilder out) {
    switch (form) {
      case BARE -> out.append(text);
      case QUOTED -> quote(text, out);
      case REGEX -> out.append('/').append(text).append('/');
      case VARIABLE -> out.append("${").append(text).append('}');
    }
  }

  /** In double quotes; {@code \"} is the only escape WQL has. */
  static void quote(String value, StringBuilder out) {
    out.append('"').append(value.replace("\"", "\\\"")).append('"');
  }

  /** {@code value} as a WQL string, in double quotes. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder();
    quote(value, out);
    return out.toString();
  }
}
