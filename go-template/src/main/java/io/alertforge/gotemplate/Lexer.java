package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Token.Kind;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;

/**
 * Splits a template into tokens the way Go's text/template lexer does, one token per {@link
 * #next()} call.
 *
 * <p>Tokens are pulled on demand so that, as in Go, the parser reports whichever error comes first
 * in the text, be it lexical or grammatical. Comments and trim markers are handled here and never
 * reach the parser.
 */
final class Lexer {

  private static final String LEFT_DELIM = "{{";
  private static final String RIGHT_DELIM = "}}";
  private static final String LEFT_COMMENT = "/*";
  private static final String RIGHT_COMMENT = "*/";
  private static final String DECIMAL_DIGITS = "0123456789_";
  private static final String HEX_DIGITS = "0123456789abcdefABCDEF_";

  private static final Map<String, Kind> KEYWORDS =
      Map.ofEntries(
          Map.entry("block", Kind.BLOCK),
          Map.entry("break", Kind.BREAK),
          Map.entry("continue", Kind.CONTINUE),
          Map.entry("define", Kind.DEFINE),
          Map.entry("else", Kind.ELSE),
          Map.entry("end", Kind.END),
          Map.entry("if", Kind.IF),
          Map.entry("nil", Kind.NIL),
          Map.entry("range", Kind.RANGE),
          Map.entry("template", Kind.TEMPLATE),
          Map.entry("with", Kind.WITH));

  private final String input;
  private final ArrayDeque<Token> pending = new ArrayDeque<>();
  private int pos;
  private boolean insideAction;
  private int actionStart;
  private int[] openParens = new int[8];
  private int parenDepth;
  private Token eof;

  /**
   * Where Go's lexer would start its next item (after the last one emitted or skipped); a lexical
   * error is reported on that position's line, as Go reports it.
   */
  private int itemStart;

  /** An error Go's lexer reports right after the item already queued (a stray right paren). */
  private TemplateSyntaxException deferredError;

  private int lineCursor;
  private int lineAtCursor = 1;

  Lexer(String input) {
    this.input = input;
  }

  /**
   * The next token; a lexical error is an {@link Kind#ERROR} token, the last one, which the parser
   * reports when it examines it, as Go's parser does with an error item.
   */
  Token next() {
    if (eof != null) {
      return eof;
    }
    try {
      return lex();
    } catch (TemplateSyntaxException e) {
      eof = new Token(Kind.ERROR, e.offset(), e.detail(), e.goLine());
      return eof;
    }
  }

  private Token lex() throws TemplateSyntaxException {
    while (pending.isEmpty()) {
      if (deferredError != null) {
        throw deferredError;
      }
      if (insideAction) {
        lexInsideAction();
      } else {
        lexText();
      }
    }
    Token token = pending.poll();
    if (token.kind() == Kind.EOF) {
      eof = token;
    }
    return token;
  }

  private void lexText() throws TemplateSyntaxException {
    int delim = input.indexOf(LEFT_DELIM, pos);
    if (delim < 0) {
      if (pos < input.length()) {
        emit(Kind.TEXT, pos, input.length());
      }
      pos = input.length();
      emit(Kind.EOF, pos, pos);
      return;
    }
    int afterDelim = delim + LEFT_DELIM.length();
    boolean trim = hasLeftTrimMarker(afterDelim);
    int textEnd = trim ? trimTrailingSpace(pos, delim) : delim;
    if (textEnd > pos) {
      emit(Kind.TEXT, pos, textEnd);
    }
    int afterMarker = trim ? afterDelim + 2 : afterDelim;
    if (input.startsWith(LEFT_COMMENT, afterMarker)) {
      itemStart = afterMarker;
      skipComment(delim, afterMarker);
      return;
    }
    emit(Kind.LEFT_DELIM, delim, afterDelim);
    pos = afterMarker;
    itemStart = pos;
    insideAction = true;
    actionStart = delim;
    parenDepth = 0;
  }

  private void skipComment(int delim, int commentStart) throws TemplateSyntaxException {
    int close = input.indexOf(RIGHT_COMMENT, commentStart + LEFT_COMMENT.length());
    if (close < 0) {
      throw error(delim, "unclosed comment");
    }
    pos = close + RIGHT_COMMENT.length();
    boolean trim = hasRightTrimMarker(pos) && input.startsWith(RIGHT_DELIM, pos + 2);
    if (!trim && !input.startsWith(RIGHT_DELIM, pos)) {
      throw error(pos, "comment ends before closing delimiter");
    }
    pos += (trim ? 2 : 0) + RIGHT_DELIM.length();
    if (trim) {
      pos = skipLeadingSpace(pos);
    }
    itemStart = pos;
  }

  private void lexInsideAction() throws TemplateSyntaxException {
    if (atRightDelim()) {
      if (parenDepth > 0) {
        throw error(openParens[parenDepth - 1], "unclosed left paren");
      }
      lexRightDelim();
      return;
    }
    if (pos >= input.length()) {
      throw error(actionStart, "unclosed action");
    }
    int start = pos;
    int c = input.codePointAt(pos);
    if (isSpace(c)) {
      lexSpace();
      return;
    }
    pos += Character.charCount(c);
    switch (c) {
      case '=' -> emit(Kind.ASSIGN, start, pos);
      case ':' -> {
        if (pos >= input.length() || input.charAt(pos) != '=') {
          throw error(start, "expected :=");
        }
        pos++;
        emit(Kind.DECLARE, start, pos);
      }
      case '|' -> emit(Kind.PIPE, start, pos);
      case '"' -> lexQuote(start);
      case '`' -> lexRawQuote(start);
      case '$' -> lexFieldOrVariable(start, Kind.VARIABLE);
      case '\'' -> lexChar(start);
      case '(' -> {
        if (parenDepth == openParens.length) {
          openParens = Arrays.copyOf(openParens, parenDepth * 2);
        }
        openParens[parenDepth++] = start;
        emit(Kind.LEFT_PAREN, start, pos);
      }
      case ')' -> {
        emit(Kind.RIGHT_PAREN, start, pos);
        if (parenDepth == 0) {
          deferredError = error(start, "unexpected right paren U+0029 ')'");
        } else {
          parenDepth--;
        }
      }
      default -> {
        if (c == '.' && !(pos < input.length() && isDigit(input.charAt(pos)))) {
          lexFieldOrVariable(start, Kind.FIELD);
        } else if (c == '.' || c == '+' || c == '-' || isDigit(c)) {
          pos = start;
          lexNumber(start);
        } else if (isAlphaNumeric(c)) {
          lexIdentifier(start);
        } else if (c < 0x80 && GoStrings.isPrint(c)) {
          emit(Kind.CHAR, start, pos);
        } else {
          throw error(start, "unrecognized character in action: " + GoStrings.describeRune(c));
        }
      }
    }
  }

  private void lexRightDelim() {
    boolean trim = hasRightTrimMarker(pos);
    if (trim) {
      pos += 2;
    }
    emit(Kind.RIGHT_DELIM, pos, pos + RIGHT_DELIM.length());
    pos += RIGHT_DELIM.length();
    if (trim) {
      pos = skipLeadingSpace(pos);
    }
    itemStart = pos;
    insideAction = false;
  }

  private void lexSpace() {
    int start = pos;
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
    }
    // The last space may belong to a trim-marked closing delimiter " -}}".
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT_DELIM, pos + 1)) {
      pos--;
      if (pos == start) {
        lexRightDelim();
        return;
      }
    }
    emit(Kind.SPACE, start, pos);
  }

  private void lexIdentifier(int start) throws TemplateSyntaxException {
    absorbAlphaNumerics();
    requireTerminator();
    String word = input.substring(start, pos);
    Kind keyword = KEYWORDS.get(word);
    if (keyword != null) {
      emit(keyword, start, pos);
    } else if (word.equals("true") || word.equals("false")) {
      emit(Kind.BOOL, start, pos);
    } else {
      emit(Kind.IDENTIFIER, start, pos);
    }
  }

  /**
   * A field {@code .name} or variable {@code $name}; the '.' or '$' at {@code start} is consumed.
   */
  private void lexFieldOrVariable(int start, Kind kind) throws TemplateSyntaxException {
    if (atTerminator()) {
      emit(kind == Kind.FIELD ? Kind.DOT : Kind.VARIABLE, start, pos);
      return;
    }
    absorbAlphaNumerics();
    requireTerminator();
    emit(kind, start, pos);
  }

  private void absorbAlphaNumerics() {
    while (pos < input.length()) {
      int c = input.codePointAt(pos);
      if (!isAlphaNumeric(c)) {
        return;
      }
      pos += Character.charCount(c);
    }
  }

  private void requireTerminator() throws TemplateSyntaxException {
    if (!atTerminator()) {
      throw error(pos, "bad character " + GoStrings.describeRune(input.codePointAt(pos)));
    }
  }

  /** Whether an identifier may end here; also keeps "$x+2" from lexing as if arithmetic existed. */
  private boolean atTerminator() {
    if (pos >= input.length()) {
      return true;
    }
    char c = input.charAt(pos);
    return isSpace(c)
        || c == '.'
        || c == ','
        || c == '|'
        || c == ':'
        || c == ')'
        || c == '('
        || input.startsWith(RIGHT_DELIM, pos);
  }

  private void lexChar(int start) throws TemplateSyntaxException {
    while (true) {
      if (pos >= input.length()) {
        throw error(start, "unterminated character constant");
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (pos >= input.length() || input.charAt(pos) == '\n') {
          throw error(start, "unterminated character constant");
        }
        pos++;
      } else if (c == '\n') {
        throw error(start, "unterminated character constant");
      } else if (c == '\'') {
        break;
      }
    }
    emit(Kind.CHAR_CONSTANT, start, pos);
  }

  private void lexQuote(int start) throws TemplateSyntaxException {
    while (true) {
      if (pos >= input.length()) {
        throw error(start, "unterminated quoted string");
      }
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (pos >= input.length() || input.charAt(pos) == '\n') {
          throw error(start, "unterminated quoted string");
        }
        pos++;
      } else if (c == '\n') {
        throw error(start, "unterminated quoted string");
      } else if (c == '"') {
        break;
      }
    }
    emit(Kind.STRING, start, pos);
  }

  private void lexRawQuote(int start) throws TemplateSyntaxException {
    int close = input.indexOf('`', pos);
    if (close < 0) {
      throw error(start, "unterminated raw quoted string");
    }
    pos = close + 1;
    emit(Kind.RAW_STRING, start, pos);
  }

  private void lexNumber(int start) throws TemplateSyntaxException {
    if (!scanNumber()) {
      throw error(
          start, "bad number syntax: " + GoStrings.quote(input.substring(start, pos), false));
    }
    if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        throw error(
            start, "bad number syntax: " + GoStrings.quote(input.substring(start, pos), false));
      }
      emit(Kind.COMPLEX, start, pos);
    } else {
      emit(Kind.NUMBER, start, pos);
    }
  }

  /**
   * Deliberately loose, as in Go: strconv-style parsing in the parser rejects what slips through.
   */
  private boolean scanNumber() {
    accept("+-");
    String digits = DECIMAL_DIGITS;
    if (accept("0")) {
      if (accept("xX")) {
        digits = HEX_DIGITS;
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits == DECIMAL_DIGITS && accept("eE")) {
      accept("+-");
      acceptRun(DECIMAL_DIGITS);
    }
    if (digits == HEX_DIGITS && accept("pP")) {
      accept("+-");
      acceptRun(DECIMAL_DIGITS);
    }
    accept("i");
    if (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
      pos += Character.charCount(input.codePointAt(pos));
      return false;
    }
    return true;
  }

  private boolean accept(String valid) {
    if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }

  private boolean atRightDelim() {
    return (hasRightTrimMarker(pos) && input.startsWith(RIGHT_DELIM, pos + 2))
        || input.startsWith(RIGHT_DELIM, pos);
  }

  /** "{{- " trims only with a space after the '-', so that "{{-3}}" still means the number -3. */
  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at >= 0
        && at + 1 < input.length()
        && isSpace(input.charAt(at))
        && input.charAt(at + 1) == '-';
  }

  private int trimTrailingSpace(int from, int end) {
    while (end > from && isSpace(input.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private int skipLeadingSpace(int at) {
    while (at < input.length() && isSpace(input.charAt(at))) {
      at++;
    }
    return at;
  }

  private void emit(Kind kind, int start, int end) {
    pending.add(new Token(kind, start, input.substring(start, end), lineAt(start)));
    itemStart = end;
  }

  /** The 1-based line of an offset; offsets mostly grow, so counting resumes where it stopped. */
  private int lineAt(int offset) {
    if (offset < lineCursor) {
      lineCursor = 0;
      lineAtCursor = 1;
    }
    for (int i = lineCursor; i < offset && i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        lineAtCursor++;
      }
    }
    lineCursor = Math.max(lineCursor, Math.min(offset, input.length()));
    return lineAtCursor;
  }

  private TemplateSyntaxException error(int offset, String detail) {
    return new TemplateSyntaxException(input, offset, detail, lineAt(itemStart));
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlphaNumeric(int c) {
    return c == '_' || Character.isLetter(c) || Character.isDigit(c);
  }
}
