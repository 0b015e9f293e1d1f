package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.wql.Query;
import io.alertforge.wql.WqlParseException;
import io.alertforge.wql.WqlParser;

/** The rules' one way to read a rendered query field: through the WQL parser. */
public final class Queries {

  private Queries() {}

  /**
   * A rendered field parsed as WQL: {@code query} when it parsed, else {@code error}; both null
   * when the alert has no such field (or it is empty).
   */
  public record Parsed(String field, String text, Query query, WqlParseException error) {

    public boolean absent() {
      return query == null && error == null;
    }

    /**
     * Where in the source the query's text from {@code offset} (of the rendered text) comes from.
     */
    public SourcePosition locate(RenderedAlert alert, int offset, int length) {
      return Origins.locate(alert, field, offset, length);
    }

    /** {@code the query fails to parse} as a reader would want it: reason, line and column. */
    public String errorText() {
      return error.reason() + " at line " + error.line() + ", column " + error.column();
    }
  }

  public static Parsed parse(RenderedAlert alert, String field) {
    String text = alert.spec().path(field).asText("");
    if (text.isBlank()) {
      return new Parsed(field, text, null, null);
    }
    try {
      return new Parsed(field, text, WqlParser.parse(text), null);
    } catch (WqlParseException e) {
      return new Parsed(field, text, null, e);
    }
  }
}
