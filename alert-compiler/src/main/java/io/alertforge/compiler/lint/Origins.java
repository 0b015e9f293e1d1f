package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Where the rendered text at {@code offset} (of length {@code length}) of a field comes from. The
   * template's literal text is aligned with the rendered text, so an occurrence is found by where it
   * is, not by its first appearance: in {@code ts(a, source=a) + ts(a)} the third {@code a} is
   * located at the third. Text that a {@code {{ }}} action printed is located in the param whose
   * value it is; where the alignment fails (white space trimmed by {@code {{-}}), as {@link
   * #locate(RenderedAlert, String, String)}.
   */
  public static SourcePosition locate(RenderedAlert alert, String field, int offset, int length) {
    FieldOrigin origin = alert.field(field);
    String rendered = alert.spec().at("/" + field).asText("");
    String fragment = rendered.substring(offset, offset + length);
    if (origin == null) {
      return alert.origin();
    }
    String source = origin.sourceText();
    if (source.equals(rendered)) {
      return origin.at(offset);
    }
    List<int[]> literals = literals(source);
    int[] starts = align(source, rendered, literals);
    if (starts == null) {
      return locate(alert, field, fragment);
    }
    for (int i = 0; i < literals.size(); i++) {
      int[] literal = literals.get(i);
      int inRendered = offset - starts[i];
      if (inRendered >= 0 && inRendered < literal[1] - literal[0]) {
        return origin.at(literal[0] + inRendered);
      }
      int outputEnd = i + 1 < literals.size() ? starts[i + 1] : rendered.length();
      int outputStart = starts[i] + literal[1] - literal[0];
      if (offset >= outputStart && offset < outputEnd) {
        String output = rendered.substring(outputStart, outputEnd);
        for (FieldOrigin.ParamUse param : origin.params()) {
          if (param.value().equals(output)) {
            return param.at(offset - outputStart);
          }
        }
        return locate(alert, field, fragment);
      }
    }
    return locate(alert, field, fragment);
  }

  /** The [start, end) of each stretch of text outside {@code {{ }}} actions, at least one. */
  private static List<int[]> literals(String text) {
    List<int[]> literals = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      int close = open < 0 ? -1 : text.indexOf("}}", open);
      if (close < 0) {
        literals.add(new int[] {from, text.length()});
        return literals;
      }
      literals.add(new int[] {from, open});
      from = close + 2;
    }
  }

  /**
   * Where each literal stretch is in the rendered text, in order (the first at the start, the last
   * at the end), or null when the rendered text does not hold them so.
   */
  private static int[] align(String source, String rendered, List<int[]> literals) {
    int[] starts = new int[literals.size()];
    int at = 0;
    for (int i = 0; i < literals.size(); i++) {
      String literal = source.substring(literals.get(i)[0], literals.get(i)[1]);
      int found;
      if (i == 0) {
        found = rendered.startsWith(literal) ? 0 : -1;
      } else if (i == literals.size() - 1) {
        found = rendered.length() - literal.length();
        found = found >= at && rendered.endsWith(literal) ? found : -1;
      } else {
        found = rendered.indexOf(literal, at);
      }
      if (found < 0) {
        return null;
      }
      starts[i] = found;
      at = found + literal.length();
    }
    return starts;
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
