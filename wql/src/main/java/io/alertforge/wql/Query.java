package io.alertforge.wql;

/** A parsed query: its text and the syntax tree of the whole of it. */
public record Query(String text, Expr root) {

  /** Parses {@code text}; see {@link WqlParser#parse(String)}. */
  public static Query parse(String text) throws WqlParseException {
    return WqlParser.parse(text);
  }

  /** The 1-based line of {@code offset} in this query. */
  public int line(int offset) {
    return line(text, offset);
  }

  /** The 1-based column of {@code offset} in its line, in chars. */
  public int column(int offset) {
    return column(text, offset);
  }

  static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  static int column(String text, int offset) {
    int start = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1) + 1;
    return offset - start + 1;
  }
}
