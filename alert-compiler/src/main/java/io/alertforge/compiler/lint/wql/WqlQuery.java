package io.alertforge.compiler.lint.wql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

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

  private static final List<String> SELECTORS =
      List.of("ts", "cs", "hs", "retainseries", "removeseries", "globalfilter", "filter");
  private static final List<String> KEYWORDS = List.of("and", "or", "not");
  private static final List<String> PREDICATES = List.of("=", "!=", "?=");
  private static final List<String> RELATIONAL = List.of(">", ">=", "<", "<=");

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

  public static WqlQuery parse(String query) {
    Tokens tokens = Tokens.of(query);
    List<Metric> metrics = new ArrayList<>(2);
    List<Comparison> comparisons = new ArrayList<>(1);
    // true per open parenthesis that is (inside) a series selector
    Deque<Boolean> inSelector = new ArrayDeque<>();
    for (int i = 0; i < tokens.size; i++) {
      int next = i + 1;
      int previous = i - 1;
      boolean selector = !inSelector.isEmpty() && inSelector.peek();
      switch (tokens.kinds[i]) {
        case OPEN -> {
          boolean call = tokens.is(previous, Kind.NAME) && tokens.textIn(previous, SELECTORS, true);
          inSelector.push(call || (selector && !isCall(tokens, previous)));
        }
        case CLOSE -> {
          if (!inSelector.isEmpty()) {
            inSelector.pop();
          }
        }
        case NAME, QUOTED, REGEX -> {
          Kind kind = tokens.kinds[i];
          boolean keyword = kind == Kind.NAME && tokens.textIn(i, KEYWORDS, true);
          boolean function = kind == Kind.NAME && tokens.is(next, Kind.OPEN);
          boolean predicateSide = isPredicate(tokens, next) || isPredicate(tokens, previous);
          if (selector && !keyword && !function && !predicateSide) {
            metrics.add(
                new Metric(
                    unquote(tokens.text(i), kind),
                    tokens.starts[i],
                    kind == Kind.QUOTED,
                    kind == Kind.REGEX));
          }
        }
        case OPERATOR -> {
          if (!selector && tokens.textIn(i, RELATIONAL, false)) {
            int number =
                tokens.is(next, Kind.NUMBER)
                    ? next
                    : tokens.is(previous, Kind.NUMBER) ? previous : -1;
            if (number >= 0) {
              String text = tokens.text(number);
              comparisons.add(
                  new Comparison(tokens.text(i), text, value(text), tokens.starts[number]));
            }
          }
        }
        default -> {}
      }
    }
    return new WqlQuery(List.copyOf(metrics), List.copyOf(comparisons));
  }

  private static boolean isCall(Tokens tokens, int previous) {
    return tokens.is(previous, Kind.NAME) && !tokens.textIn(previous, KEYWORDS, true);
  }

  private static boolean isPredicate(Tokens tokens, int i) {
    return tokens.is(i, Kind.OPERATOR) && tokens.textIn(i, PREDICATES, false);
  }

  private static String unquote(String text, Kind kind) {
    if (kind == Kind.QUOTED) {
      char quote = text.charAt(0);
      String inner =
          text.substring(
              1,
              text.length()
                  - (text.length() > 1 && text.charAt(text.length() - 1) == quote ? 1 : 0));
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

  /**
   * The tokens of a query as spans of its text, in parallel arrays: a query is tokenised for every
   * rendered alert, and only the metrics and compared numbers need strings of their own.
   */
  static final class Tokens {
    private final String query;
    Kind[] kinds = new Kind[16];
    int[] starts = new int[16];
    int[] ends = new int[16];
    int size;

    private Tokens(String query) {
      this.query = query;
    }

    /** False for an index outside the tokens, so callers need not check the neighbours exist. */
    boolean is(int i, Kind kind) {
      return i >= 0 && i < size && kinds[i] == kind;
    }

    String text(int i) {
      return query.substring(starts[i], ends[i]);
    }

    boolean textIn(int i, List<String> words, boolean ignoreCase) {
      int length = ends[i] - starts[i];
      for (String word : words) {
        if (word.length() == length
            && query.regionMatches(ignoreCase, starts[i], word, 0, length)) {
          return true;
        }
      }
      return false;
    }

    private void add(Kind kind, int start, int end) {
      if (size == kinds.length) {
        kinds = Arrays.copyOf(kinds, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      kinds[size] = kind;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    private boolean regexAllowed() {
      if (size == 0) {
        return false;
      }
      int last = size - 1;
      return switch (kinds[last]) {
        case OPEN, COMMA -> true;
        case OPERATOR -> textIn(last, PREDICATES, false);
        case NAME -> textIn(last, KEYWORDS, true);
        default -> false;
      };
    }

    static Tokens of(String query) {
      Tokens tokens = new Tokens(query);
      int i = 0;
      int length = query.length();
      while (i < length) {
        char c = query.charAt(i);
        int start = i;
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        Kind kind;
        if (c == '"' || c == '\'') {
          i++;
          while (i < length && query.charAt(i) != c) {
            i += query.charAt(i) == '\\' && i + 1 < length && query.charAt(i + 1) == c ? 2 : 1;
          }
          i = Math.min(i + 1, length);
          kind = Kind.QUOTED;
        } else if (c == '/' && tokens.regexAllowed()) {
          i++;
          while (i < length && query.charAt(i) != '/') {
            i += query.charAt(i) == '\\' ? 2 : 1;
          }
          i = Math.min(i + 1, length);
          kind = Kind.REGEX;
        } else if (Character.isDigit(c)) {
          while (i < length
              && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '.')) {
            i++;
          }
          kind = Kind.NUMBER;
        } else if (isNameStart(c)) {
          i++;
          while (i < length && isNamePart(query.charAt(i))) {
            i++;
          }
          kind = Kind.NAME;
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
          kind = Kind.VARIABLE;
        } else if (c == '(' || c == '[') {
          i++;
          kind = c == '(' ? Kind.OPEN : Kind.OPERATOR;
        } else if (c == ')') {
          i++;
          kind = Kind.CLOSE;
        } else if (c == ',') {
          i++;
          kind = Kind.COMMA;
        } else {
          boolean twoChar =
              i + 1 < length
                  && query.charAt(i + 1) == '='
                  && (c == '!' || c == '?' || c == '<' || c == '>');
          i += twoChar ? 2 : 1;
          kind = Kind.OPERATOR;
        }
        tokens.add(kind, start, Math.min(i, length));
      }
      return tokens;
    }
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
