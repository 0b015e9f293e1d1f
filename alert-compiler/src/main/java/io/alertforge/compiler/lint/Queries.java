package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.wql.Query;
import io.alertforge.wql.WqlParseException;
import io.alertforge.wql.WqlParser;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The rendered fields that hold an alert's conditions, by their path under spec: {@code
   * condition}, and for a THRESHOLD alert each of {@code conditions/<severity>}, severe first.
   */
  public static List<String> conditionFields(RenderedAlert alert) {
    List<String> fields = new ArrayList<>(List.of("condition"));
    alert
        .spec()
        .path("conditions")
        .fieldNames()
        .forEachRemaining(severity -> fields.add("conditions/" + FieldPaths.escape(severity)));
    return fields;
  }

  /**
   * Every rendered field that holds a query: the {@link #conditionFields} and displayExpression.
   */
  public static List<String> queryFields(RenderedAlert alert) {
    List<String> fields = conditionFields(alert);
    fields.add("displayExpression");
    return fields;
  }

  /** A field's path under spec as a message names it: {@code conditions.warn}. */
  public static String label(String field) {
    return FieldPaths.dotted("/" + field).replaceFirst("^spec\\.", "");
  }

  /** {@code field} is a path under spec: {@code condition}, {@code conditions/warn}. */
  public static Parsed parse(RenderedAlert alert, String field) {
    String text = alert.spec().at("/" + field).asText("");
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
