package io.alertforge.wql;

/**
 * Splits a query into tokens, one at a time, in the mode the parser asks for: between series
 * ({@code EXPRESSION}: numbers, words, arithmetic) or inside a selector ({@code SELECTOR}: metric
 * names and filter values, which may hold {@code - * / ~} and start with a digit, and {@code
 * /regex/}).
 */
final class Lexer {

  enum Mode {
    EXPRESSION,
    SELECTOR
  }

  enum Kind {
    NUMBER,
    WORD,
    QUOTED,
    REGEX,
    VARIABLE,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  /**
   * One token: {@code value} is the unquoted string, the regex's pattern, the variable's name, or
   * the operator's symbol ({@code [>]} for a strict one); otherwise the text.
   */
  record Token(Kind kind, String value, int start, int end) {
    Span span() {
      return new Span(start, end - start);
    }

    boolean isWord(String word) {
      return kind == Kind.WORD && value.equalsIgnoreCase(word);
    }

    boolean isOperator(String symbol) {
      return kind == Kind.OPERATOR && value.equals(symbol);
    }
  }

  private static final String SI_SUFFIXES = "kMGTPEZY";
  private static final java.util.List<String> WINDOW_UNITS =
      java.util.List.of("s", "m", "h", "d", "w", "vw", "bw");

  private final String text;

  Lexer(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** The token that starts at or after {@code position} (white space skipped). */
  Token next(int position, Mode mode) throws WqlParseException {
    int i = position;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return new Token(Kind.END, "", text.length(), text.length());
    }
    char c = text.charAt(i);
    switch (c) {
      case '(':
        return new Token(Kind.OPEN, "(", i, i + 1);
      case ')':
        return new Token(Kind.CLOSE, ")", i, i + 1);
      case ',':
        return new Token(Kind.COMMA, ",", i, i + 1);
      case '"':
      case '\'':
        return quoted(i);
      case '$':
        return variable(i);
      case '{':
        throw error(
            text.startsWith("{{", i)
                ? "'{{' starts a template action: only rendered queries are WQL"
                : "unexpected '{'",
            i);
      default:
        break;
    }
    if (c == '&' && text.startsWith("&&", i) || c == '|' && text.startsWith("||", i)) {
      throw error("'" + text.substring(i, i + 2) + "' is not WQL: use 'and' or 'or'", i);
    }
    if (mode == Mode.SELECTOR) {
      return selectorToken(i, c);
    }
    if (isDigit(c)) {
      return number(i);
    }
    if (Character.isLetter(c) || c == '_') {
      int end = i + 1;
      while (end < text.length() && isWordPart(text.charAt(end))) {
        end++;
      }
      return new Token(Kind.WORD, text.substring(i, end), i, end);
    }
    if (c == '[') {
      return strictOperator(i);
    }
    String operator = operatorAt(i);
    if (operator != null) {
      return new Token(Kind.OPERATOR, operator, i, i + operator.length());
    }
    throw error("unexpected " + describe(c), i);
  }

  private Token selectorToken(int i, char c) throws WqlParseException {
    if (c == '/') {
      int end = i + 1;
      while (end < text.length() && text.charAt(end) != '/') {
        end += text.charAt(end) == '\\' ? 2 : 1;
      }
      if (end >= text.length()) {
        throw error("unterminated regular expression", i);
      }
      return new Token(Kind.REGEX, text.substring(i + 1, end), i, end + 1);
    }
    if (c == '=' || c == '!' || c == '?') {
      String symbol = c == '=' ? "=" : text.startsWith("=", i + 1) ? c + "=" : null;
      if (symbol == null) {
        throw error("unexpected '" + c + "': a filter compares with =, != or ?=", i);
      }
      return new Token(Kind.OPERATOR, symbol, i, i + symbol.length());
    }
    if (isLiteralStart(c)) {
      int end = i + 1;
      while (end < text.length() && isLiteralPart(text.charAt(end))) {
        end++;
      }
      return new Token(Kind.WORD, text.substring(i, end), i, end);
    }
    throw error("unexpected " + describe(c) + " in a series selector", i);
  }

  private Token number(int i) throws WqlParseException {
    int end = i;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    boolean fraction = false;
    if (end + 1 < text.length() && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
      fraction = true;
      end++;
      while (end < text.length() && isDigit(text.charAt(end))) {
        end++;
      }
    }
    int suffixStart = end;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    String suffix = text.substring(suffixStart, end);
    if (end < text.length() && (isWordPart(text.charAt(end)))) {
      throw error("unexpected " + describe(text.charAt(end)) + " after a number", end);
    }
    boolean si = suffix.length() == 1 && SI_SUFFIXES.indexOf(suffix.charAt(0)) >= 0;
    if (!suffix.isEmpty() && !si && !WINDOW_UNITS.contains(suffix)) {
      throw error(
          "unknown suffix '"
              + suffix
              + "' on a number: an SI prefix (k M G T P E Z Y) or a time unit (s m h d w vw bw)",
          suffixStart);
    }
    if (!si && !suffix.isEmpty() && fraction) {
      throw error("a time window is a whole number of " + suffix, i);
    }
    return new Token(Kind.NUMBER, text.substring(i, end), i, end);
  }

  private Token quoted(int start) throws WqlParseException {
    char quote = text.charAt(start);
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        return new Token(Kind.QUOTED, value.toString(), start, i + 1);
      }
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
        value.append(quote);
        i += 2;
      } else {
        value.append(c);
        i++;
      }
    }
    throw error("unterminated quoted string", start);
  }

  private Token variable(int start) throws WqlParseException {
    int i = start + 1;
    boolean braced = i < text.length() && text.charAt(i) == '{';
    if (braced) {
      i++;
    }
    int nameStart = i;
    while (i < text.length() && (isWordPart(text.charAt(i)) && text.charAt(i) != '.')) {
      i++;
    }
    if (i == nameStart || !braced && isDigit(text.charAt(nameStart))) {
      throw error("'$' starts a variable: ${name} or $name", start);
    }
    String name = text.substring(nameStart, i);
    if (braced) {
      if (i >= text.length() || text.charAt(i) != '}') {
        throw error("unterminated variable: ${" + name + " needs a closing '}'", start);
      }
      i++;
    }
    return new Token(Kind.VARIABLE, (braced ? "{" : "") + name, start, i);
  }

  private Token strictOperator(int start) throws WqlParseException {
    int close = text.indexOf(']', start);
    String inside = close < 0 ? "" : text.substring(start + 1, close);
    BinaryOperator operator = BinaryOperator.ofSymbol(inside);
    if (operator == null || operator.category() == BinaryOperator.Category.BOOLEAN) {
      throw error("'[' starts a strict operator such as [>] or [+]", start);
    }
    return new Token(Kind.OPERATOR, "[" + inside + "]", start, close + 1);
  }

  private String operatorAt(int i) throws WqlParseException {
    for (String two : new String[] {">=", "<=", "!=", "?="}) {
      if (text.startsWith(two, i)) {
        return two;
      }
    }
    if (text.startsWith("==", i)) {
      throw error("'==' is not WQL: compare with '='", i);
    }
    char c = text.charAt(i);
    return "><=+-*/%^".indexOf(c) >= 0 ? String.valueOf(c) : null;
  }

  WqlParseException error(String reason, int offset) {
    return new WqlParseException(reason, text, offset);
  }

  static String describe(char c) {
    return Character.isISOControl(c) ? String.format("character U+%04X", (int) c) : "'" + c + "'";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  static boolean isLiteralStart(char c) {
    return Character.isLetterOrDigit(c) || "~_*.\u2206\u0394".indexOf(c) >= 0;
  }

  static boolean isLiteralPart(char c) {
    return Character.isLetterOrDigit(c) || ".-_|~*@:/\u2206\u0394".indexOf(c) >= 0;
  }
}
