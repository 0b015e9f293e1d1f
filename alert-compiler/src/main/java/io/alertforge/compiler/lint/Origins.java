package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;

/** Maps a piece of a rendered field back to the source that wrote it. */
public final class Origins {

  private Origins() {}

  /**
   * Where {@code fragment} of a rendered field comes from: a param whose value is exactly the
   * fragment, else the template text that contains it literally, else a param whose value contains
   * it, else the field itself. Exact to the character wherever the YAML scalar style allows.
   */
  public static SourcePosition locate(RenderedAlert alert, String field, String fragment) {
    FieldOrigin origin = alert.field(field);
    if (origin == null) {
      return alert.origin();
    }
    for (FieldOrigin.ParamUse param : origin.params()) {
      if (param.value().equals(fragment)) {
        return param.at(0);
      }
    }
    int literal = literalOffset(origin.sourceText(), fragment);
    if (literal >= 0) {
      return origin.at(literal);
    }
    for (FieldOrigin.ParamUse param : origin.params()) {
      int inside = param.value().indexOf(fragment);
      if (inside >= 0) {
        return param.at(inside);
      }
    }
    return origin.position();
  }

  /** The position of a whole rendered field: its source field. */
  public static SourcePosition field(RenderedAlert alert, String field) {
    FieldOrigin origin = alert.field(field);
    return origin == null ? alert.origin() : origin.position();
  }

  /** The first occurrence of {@code fragment} in template text outside {@code {{ }}} actions. */
  private static int literalOffset(String text, String fragment) {
    if (fragment.isEmpty()) {
      return -1;
    }
    int from = 0;
    while (true) {
      int found = text.indexOf(fragment, from);
      if (found < 0) {
        return -1;
      }
      int open = text.lastIndexOf("{{", found);
      int close = open < 0 ? -1 : text.indexOf("}}", open);
      if (open < 0 || close < 0 || close + 2 <= found) {
        return found;
      }
      from = close + 2;
    }
  }
}
