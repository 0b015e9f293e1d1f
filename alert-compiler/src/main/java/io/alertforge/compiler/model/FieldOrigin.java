package io.alertforge.compiler.model;

import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.source.YamlDocument;
import java.util.List;

/**
 * Where one field of a rendered alert comes from: the source field (of the template, or of the
 * standalone alert) and the params its template used, each with the place its value was set.
 *
 * @param pointer the JSON Pointer of the field in {@code document}, such as {@code /spec/condition}
 * @param params the params the field's template references that had a value, in reference order
 */
public record FieldOrigin(YamlDocument document, String pointer, List<ParamUse> params) {

  public FieldOrigin {
    params = List.copyOf(params);
  }

  /** The field's value as written in the source (the template text for a templated field). */
  public String sourceText() {
    return document.content().at(pointer).asText();
  }

  public SourcePosition position() {
    return document.valueAt(pointer);
  }

  /** The position of one character of the source text. */
  public SourcePosition at(int offset) {
    return document.charAt(pointer, offset);
  }

  /**
   * One param value that went into a field.
   *
   * @param source where it was set, for messages: "the entry's params", "globalParams", ...
   */
  public record ParamUse(
      String name, String value, YamlDocument document, String pointer, String source) {

    public SourcePosition position() {
      return document.valueAt(pointer);
    }

    public SourcePosition at(int offset) {
      return document.charAt(pointer, offset);
    }
  }
}
