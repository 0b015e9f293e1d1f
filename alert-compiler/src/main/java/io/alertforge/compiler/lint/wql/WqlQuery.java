package io.alertforge.compiler.lint.wql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the policy rules need from a Wavefront query (WQL): the metric names its series selectors
 * read, and the constants it compares with. One linear pass over the text, no backtracking; a query
 * that is not valid WQL still yields what can be recognised.
 *
 * <p>A metric is any atom inside {@code ts()}, {@code cs()}, {@code hs()} (or the series filters
 * {@code retainSeries}, {@code removeSeries}, {@code globalFilter}, {@code filter}) that is not a
 * side of a {@code =}, {@code !=} or {@code ?=} predicate: a bare name, a quoted name (unquoted
 * here) or a {@code /regex/}.
 */
public record WqlQuery(List<Metric> metrics, List<Comparison> comparisons) {

  /** A metric name at {@code offset} (of its first character, quote included) in the query. */
  public record Metric(String name, int offset, boolean quoted, boolean regex) {
    public boolean wildcard() {
      return name.indexOf('*') >= 0;
    }
  }

  /** A relational operator and the number it compares with, at the number's offset. */
  public record Comparison(String operator, String number, double value, int offset) {}

  private static final Set<String> SELECTORS =
      Set.of("ts", "cs", "hs", "retainseries", "removeseries", "globalfilter", "filter");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not");
  private static final Set<String> PREDICATES = Set.of("=", "!=", "?=");
  private static final Set<String> RELATIONAL = Set.of(">", ">=", "<", "<=");

  enum Kind {
    NAME,
    QUOTED,
    REGEX,
    NUMBER,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    VARIABLE
  }

  record Token(Kind kind, String text, int offset) {}

  public static WqlQuery parse(String query) {
    List<Token> tokens = tokenize(query);
    List<Metric> metrics = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    // true per open parenthesis that is (inside) a series selector
    Deque<Boolean> inSelector = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      Token previous = i > 0 ? tokens.get(i - 1) : null;
      boolean selector = !inSelector.isEmpty() && inSelector.peek();
      switch (token.kind()) {
        case OPEN -> {
          boolean call =
              previous != null
                  && previous.kind() == Kind.NAME
                  && SELECTORS.contains(previous.text().toLowerCase(Locale.ROOT));
          inSelector.push(call || (selector && !isCall(previous)));
        }
        case CLOSE -> {
          if (!inSelector.isEmpty()) {
            inSelector.pop();
          }
        }
        case NAME, QUOTED, REGEX -> {
          boolean keyword =
              token.kind() == Kind.NAME && KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
          boolean function = token.kind() == Kind.NAME && next != null && next.kind() == Kind.OPEN;
          boolean predicateSide = isPredicate(next) || isPredicate(previous);
          if (selector && !keyword && !function && !predicateSide) {
            metrics.add(
                new Metric(
                    unquote(token),
                    token.offset(),
                    token.kind() == Kind.QUOTED,
                    token.kind() == Kind.REGEX));
          }
        }
        case OPERATOR -> {
          if (!selector && RELATIONAL.contains(token.text())) {
            Token number =
                next != null && next.kind() == Kind.NUMBER
                    ? next
                    : previous != null && previous.kind() == Kind.NUMBER ? previous : null;
            if (number != null) {
              comparisons.add(
                  new Comparison(
                      token.text(), number.text(), value(number.text()), number.offset()));
            }
          }
        }
        default -> {}
      }
    }
    return new WqlQuery(List.copyOf(metrics), List.copyOf(comparisons));
  }

  private static boolean isCall(Token previous) {
    return previous != null
        && previous.kind() == Kind.NAME
        && !KEYWORDS.contains(previous.text().toLowerCase(Locale.ROOT));
  }

  private static boolean isPredicate(Token token) {
    return token != null && token.kind() == Kind.OPERATOR && PREDICATES.contains(token.text());
  }

  private static String unquote(Token token) {
    String text = token.text();
    if (token.kind() == Kind.QUOTED) {
      char quote = text.charAt(0);
      String inner =
          text.substring(1, text.length() - (text.endsWith(String.valueOf(quote)) ? 1 : 0));
      return inner.replace("\\" + quote, String.valueOf(quote));
    }
    return text;
  }

  /** The number's value without SI or time suffix; NaN when it is not a plain number. */
  private static double value(String number) {
    int end = 0;
    while (end < number.length()
        && (Character.isDigit(number.charAt(end)) || number.charAt(end) == '.')) {
      end++;
    }
    double multiplier =
        switch (number.substring(end)) {
          case "" -> 1;
          case "k", "K" -> 1e3;
          case "M" -> 1e6;
          case "G" -> 1e9;
          case "T" -> 1e12;
          default -> Double.NaN;
        };
    try {
      return Double.parseDouble(number.substring(0, end)) * multiplier;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static List<Token> tokenize(String query) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = query.length();
    while (i < length) {
      char c = query.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        i++;
        while (i < length && query.charAt(i) != c) {
          i += query.charAt(i) == '\\' && i + 1 < length && query.charAt(i + 1) == c ? 2 : 1;
        }
        i = Math.min(i + 1, length);
        tokens.add(new Token(Kind.QUOTED, query.substring(start, i), start));
      } else if (c == '/' && regexAllowed(tokens)) {
        i++;
        while (i < length && query.charAt(i) != '/') {
          i += query.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i + 1, length);
        tokens.add(new Token(Kind.REGEX, query.substring(start, i), start));
      } else if (Character.isDigit(c)) {
        while (i < length
            && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, query.substring(start, i), start));
      } else if (isNameStart(c)) {
        i++;
        while (i < length && isNamePart(query.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, query.substring(start, i), start));
      } else if (c == '$') {
        i++;
        if (i < length && query.charAt(i) == '{') {
          while (i < length && query.charAt(i) != '}') {
            i++;
          }
          i = Math.min(i + 1, length);
        } else {
          while (i < length && isNamePart(query.charAt(i))) {
            i++;
          }
        }
        tokens.add(new Token(Kind.VARIABLE, query.substring(start, i), start));
      } else if (c == '(' || c == '[') {
        i++;
        tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.OPERATOR, String.valueOf(c), start));
      } else if (c == ')') {
        i++;
        tokens.add(new Token(Kind.CLOSE, ")", start));
      } else if (c == ',') {
        i++;
        tokens.add(new Token(Kind.COMMA, ",", start));
      } else {
        boolean twoChar =
            i + 1 < length
                && query.charAt(i + 1) == '='
                && (c == '!' || c == '?' || c == '<' || c == '>');
        i += twoChar ? 2 : 1;
        tokens.add(new Token(Kind.OPERATOR, query.substring(start, i), start));
      }
    }
    return tokens;
  }

  private static boolean regexAllowed(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    Token last = tokens.get(tokens.size() - 1);
    return switch (last.kind()) {
      case OPEN, COMMA -> true;
      case OPERATOR -> PREDICATES.contains(last.text());
      case NAME -> KEYWORDS.contains(last.text().toLowerCase(Locale.ROOT));
      default -> false;
    };
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '~' || c == '_' || c == '*' || c == '\u2206';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c)
        || c == '.'
        || c == '-'
        || c == '_'
        || c == '|'
        || c == '~'
        || c == '{'
        || c == '}'
        || c == '*'
        || c == '@'
        || c == '\u2206';
  }
}
