package io.alertforge.wql;

/**
 * A query that is not WQL as this parser reads it (see {@code docs/wql.md}): what is wrong, and
 * where, as an offset into the query and as a 1-based line and column.
 */
public final class WqlParseException extends Exception {

  private final String reason;
  private final int offset;
  private final int line;
  private final int column;

  WqlParseException(String reason, String text, int offset) {
    super(Query.line(text, offset) + ":" + Query.column(text, offset) + ": " + reason);
    this.reason = reason;
    this.offset = offset;
    this.line = Query.line(text, offset);
    this.column = Query.column(text, offset);
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** The offset (in chars) in the query at which the problem is. */
  public int offset() {
    return offset;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
