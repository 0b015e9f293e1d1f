package io.alertforge.wql;

import io.alertforge.wql.Expr.Form;
import io.alertforge.wql.Lexer.Kind;
import io.alertforge.wql.Lexer.Mode;
import io.alertforge.wql.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser of WQL, by precedence climbing for the binary operators (the grammar
 * and the precedence table are in {@code docs/wql.md}). Linear in the query's length; nesting
 * deeper than {@value #MAX_DEPTH} is refused, so no query can exhaust the stack.
 */
public final class WqlParser {

  /** Parentheses, calls and prefix operators nested deeper than this are a parse error. */
  public static final int MAX_DEPTH = 100;

  private static final Set<String> SELECTORS = Set.of("ts", "cs", "hs");

  /** Functions whose first argument is an expression and whose others are selector expressions. */
  private static final Set<String> SERIES_FILTERS =
      Set.of("retainseries", "removeseries", "globalfilter", "filter");

  private final Lexer lexer;
  private int position;
  private int depth;

  private WqlParser(String text) {
    this.lexer = new Lexer(text);
  }

  /**
   * The syntax tree of {@code text}, or a {@link WqlParseException} saying where and why it is not
   * WQL. Never throws anything else.
   */
  public static Query parse(String text) throws WqlParseException {
    WqlParser parser = new WqlParser(text);
    if (text.isBlank()) {
      throw parser.lexer.error("empty query", text.length());
    }
    Expr root = parser.expression(0);
    Token next = parser.peek(Mode.EXPRESSION);
    if (next.isWord("as")) {
      parser.consume(next);
      Token name = parser.peek(Mode.EXPRESSION);
      if (name.kind() != Kind.WORD) {
        throw parser.unexpected(name, "a name after 'as'");
      }
      parser.consume(name);
      root = new Expr.Alias(root, name.value(), Span.cover(root.span(), name.span()));
      next = parser.peek(Mode.EXPRESSION);
    }
    if (next.kind() != Kind.END) {
      throw parser.unexpected(next, "an operator or the end of the query");
    }
    return new Query(text, root);
  }

  private Token peek(Mode mode) throws WqlParseException {
    return lexer.next(position, mode);
  }

  private void consume(Token token) {
    position = token.end();
  }

  private Token expect(Kind kind, Mode mode, String what) throws WqlParseException {
    Token token = peek(mode);
    if (token.kind() != kind) {
      throw unexpected(token, what);
    }
    consume(token);
    return token;
  }

  private WqlParseException unexpected(Token token, String expected) {
    String found =
        token.kind() == Kind.END
            ? "the end of the query"
            : "'" + lexer.text().substring(token.start(), token.end()) + "'";
    return lexer.error("expected " + expected + ", found " + found, token.start());
  }

  private void enter(Token at) throws WqlParseException {
    if (++depth > MAX_DEPTH) {
      throw lexer.error("nested deeper than " + MAX_DEPTH + " levels", at.start());
    }
  }

  // ---- between series -------------------------------------------------------------------------

  /** An expression whose binary operators bind at least as tightly as {@code minPrecedence}. */
  private Expr expression(int minPrecedence) throws WqlParseException {
    Expr left = prefix();
    while (true) {
      Token token = peek(Mode.EXPRESSION);
      BinaryOperator operator = binaryOperator(token);
      if (operator == null || operator.precedence() < minPrecedence) {
        return left;
      }
      consume(token);
      enter(token);
      Expr right =
          expression(
              operator.rightAssociative() ? operator.precedence() : operator.precedence() + 1);
      depth--;
      left =
          new Expr.Binary(
              operator,
              token.kind() == Kind.OPERATOR && token.value().startsWith("["),
              left,
              right,
              token.span(),
              Span.cover(left.span(), right.span()));
    }
  }

  private static BinaryOperator binaryOperator(Token token) {
    if (token.isWord("and")) {
      return BinaryOperator.AND;
    }
    if (token.isWord("or")) {
      return BinaryOperator.OR;
    }
    if (token.kind() != Kind.OPERATOR) {
      return null;
    }
    String symbol = token.value();
    return BinaryOperator.ofSymbol(
        symbol.startsWith("[") ? symbol.substring(1, symbol.length() - 1) : symbol);
  }

  private Expr prefix() throws WqlParseException {
    Token token = peek(Mode.EXPRESSION);
    if (token.isWord("not")) {
      consume(token);
      enter(token);
      Expr operand = expression(BinaryOperator.NOT_PRECEDENCE + 1);
      depth--;
      return new Expr.Not(operand, Span.cover(token.span(), operand.span()));
    }
    if (token.isOperator("-") || token.isOperator("+")) {
      consume(token);
      enter(token);
      Expr operand = prefix();
      depth--;
      return new Expr.Sign(
          token.value().charAt(0), operand, Span.cover(token.span(), operand.span()));
    }
    return primary();
  }

  private Expr primary() throws WqlParseException {
    Token token = peek(Mode.EXPRESSION);
    switch (token.kind()) {
      case NUMBER -> {
        consume(token);
        return number(token);
      }
      case QUOTED -> {
        consume(token);
        return new Expr.Quoted(token.value(), token.span());
      }
      case VARIABLE -> {
        consume(token);
        return variable(token);
      }
      case OPEN -> {
        consume(token);
        enter(token);
        Expr inner = expression(0);
        expect(Kind.CLOSE, Mode.EXPRESSION, "')'");
        depth--;
        return inner;
      }
      case WORD -> {
        if (token.isWord("and") || token.isWord("or")) {
          throw unexpected(token, "an expression");
        }
        consume(token);
        Token next = peek(Mode.EXPRESSION);
        if (next.kind() == Kind.OPEN) {
          consume(next);
          return call(token);
        }
        return new Expr.Name(token.value(), token.span());
      }
      default -> throw unexpected(token, "an expression");
    }
  }

  private Expr number(Token token) {
    String text = token.value();
    int end = text.length();
    while (end > 0 && Character.isLetter(text.charAt(end - 1))) {
      end--;
    }
    String digits = text.substring(0, end);
    String suffix = text.substring(end);
    int si = "kMGTPEZY".indexOf(suffix.isEmpty() ? '-' : suffix.charAt(0));
    if (suffix.isEmpty() || suffix.length() == 1 && si >= 0) {
      double value = Double.parseDouble(digits) * Math.pow(1000, si + 1);
      return new Expr.Constant(text, value, token.span());
    }
    return new Expr.Duration(parseAmount(digits), suffix, token.span());
  }

  /** A window's amount; absurdly long digit runs saturate rather than fail. */
  private static long parseAmount(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static Expr.Variable variable(Token token) {
    String value = token.value();
    boolean braced = value.startsWith("{");
    return new Expr.Variable(braced ? value.substring(1) : value, braced, token.span());
  }

  /** The arguments and closing parenthesis of a call whose name and '(' are consumed. */
  private Expr call(Token name) throws WqlParseException {
    enter(name);
    String lower = name.value().toLowerCase(Locale.ROOT);
    boolean selector = SELECTORS.contains(lower);
    boolean seriesFilter = SERIES_FILTERS.contains(lower);
    List<Expr> args = new ArrayList<>();
    Token close = peek(selector ? Mode.SELECTOR : Mode.EXPRESSION);
    if (close.kind() == Kind.CLOSE && !selector) {
      consume(close);
    } else {
      while (true) {
        boolean selectorArg = selector || (seriesFilter && !args.isEmpty());
        args.add(selectorArg ? selectorOr() : expression(0));
        Token next = peek(selectorArg ? Mode.SELECTOR : Mode.EXPRESSION);
        consume(next);
        if (next.kind() == Kind.CLOSE) {
          close = next;
          break;
        }
        if (next.kind() != Kind.COMMA) {
          throw unexpected(next, "',' or ')'");
        }
      }
    }
    depth--;
    Span span = Span.cover(name.span(), close.span());
    return selector
        ? new Expr.Series(lower, args, span)
        : new Expr.Call(name.value(), args, name.span(), span);
  }

  // ---- inside a selector ----------------------------------------------------------------------

  private Expr selectorOr() throws WqlParseException {
    Expr left = selectorAnd();
    while (true) {
      Token token = peek(Mode.SELECTOR);
      if (!token.isWord("or")) {
        return left;
      }
      consume(token);
      Expr right = selectorAnd();
      left =
          new Expr.Binary(
              BinaryOperator.OR,
              false,
              left,
              right,
              token.span(),
              Span.cover(left.span(), right.span()));
    }
  }

  private Expr selectorAnd() throws WqlParseException {
    Expr left = selectorNot();
    while (true) {
      Token token = peek(Mode.SELECTOR);
      if (!token.isWord("and")) {
        return left;
      }
      consume(token);
      Expr right = selectorNot();
      left =
          new Expr.Binary(
              BinaryOperator.AND,
              false,
              left,
              right,
              token.span(),
              Span.cover(left.span(), right.span()));
    }
  }

  private Expr selectorNot() throws WqlParseException {
    Token token = peek(Mode.SELECTOR);
    if (token.isWord("not")) {
      consume(token);
      enter(token);
      Expr operand = selectorNot();
      depth--;
      return new Expr.Not(operand, Span.cover(token.span(), operand.span()));
    }
    if (token.kind() == Kind.OPEN) {
      consume(token);
      enter(token);
      Expr inner = selectorOr();
      expect(Kind.CLOSE, Mode.SELECTOR, "')'");
      depth--;
      return inner;
    }
    return selectorTerm();
  }

  /** A metric name, or a filter {@code key = value}. */
  private Expr selectorTerm() throws WqlParseException {
    Token token = peek(Mode.SELECTOR);
    boolean keyword = token.isWord("and") || token.isWord("or") || token.isWord("not");
    if (keyword || token.kind() != Kind.WORD && token.kind() != Kind.QUOTED) {
      if (token.kind() == Kind.REGEX || token.kind() == Kind.VARIABLE) {
        consume(token);
        return new Expr.Metric(
            token.kind() == Kind.REGEX ? token.value() : variable(token).name(),
            token.kind() == Kind.REGEX ? Form.REGEX : Form.VARIABLE,
            token.span());
      }
      throw unexpected(token, "a metric name or a filter");
    }
    consume(token);
    Token operator = peek(Mode.SELECTOR);
    Expr.FilterOperator filter =
        switch (operator.kind() == Kind.OPERATOR ? operator.value() : "") {
          case "=" -> Expr.FilterOperator.EQUAL;
          case "!=" -> Expr.FilterOperator.NOT_EQUAL;
          case "?=" -> Expr.FilterOperator.MATCH_OR_ABSENT;
          default -> null;
        };
    boolean quoted = token.kind() == Kind.QUOTED;
    if (filter == null) {
      return new Expr.Metric(token.value(), quoted ? Form.QUOTED : Form.BARE, token.span());
    }
    consume(operator);
    Token value = peek(Mode.SELECTOR);
    Form form =
        switch (value.kind()) {
          case WORD -> Form.BARE;
          case QUOTED -> Form.QUOTED;
          case REGEX -> Form.REGEX;
          case VARIABLE -> Form.VARIABLE;
          default -> throw unexpected(value, "a value after '" + operator.value() + "'");
        };
    consume(value);
    String text = form == Form.VARIABLE ? variable(value).name() : value.value();
    return new Expr.Filter(
        token.value(),
        quoted,
        filter,
        new Expr.Value(text, form, value.span()),
        token.span(),
        Span.cover(token.span(), value.span()));
  }
}
