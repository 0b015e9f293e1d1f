package io.alertforge.gotemplate;

/**
 * One lexical item of a template: {@code offset} is where {@code text} starts in the template, and
 * {@code line} its 1-based line.
 */
record Token(Kind kind, int offset, String text, int line) {

  enum Kind {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    FIELD,
    IDENTIFIER,
    VARIABLE,
    DOT,
    STRING,
    RAW_STRING,
    NUMBER,
    BOOL,
    CHAR_CONSTANT,
    COMPLEX,
    ASSIGN,
    DECLARE,
    CHAR,
    EOF,
    /** A lexical error: its text is the message, its line the one Go's lexer gives it. */
    ERROR,
    // keywords
    IF,
    ELSE,
    END,
    WITH,
    RANGE,
    DEFINE,
    TEMPLATE,
    BLOCK,
    BREAK,
    CONTINUE,
    NIL;

    boolean isKeyword() {
      return ordinal() >= IF.ordinal();
    }
  }

  /** How Go's parser names a token in "unexpected ..." messages. */
  String describe() {
    if (kind == Kind.EOF) {
      return "EOF";
    }
    if (kind == Kind.ERROR) {
      return text;
    }
    if (kind.isKeyword() || kind == Kind.DOT) {
      return "<" + text + ">";
    }
    if (text.codePointCount(0, text.length()) > 10) {
      return GoStrings.quote(text.substring(0, text.offsetByCodePoints(0, 10)), false) + "...";
    }
    return GoStrings.quote(text, false);
  }
}
