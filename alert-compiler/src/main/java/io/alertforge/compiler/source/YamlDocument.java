package io.alertforge.compiler.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.SourcePosition;
import java.util.Map;

/**
 * One YAML document of a file, as JSON (the shape the schemas and the renderer work on), with the
 * source position of every node, addressed by JSON Pointer.
 */
public final class YamlDocument {

  private final SourceText source;
  private final JsonNode content;
  private final Map<String, NodeLocation> locations;
  private final int firstLine;

  YamlDocument(
      SourceText source, JsonNode content, Map<String, NodeLocation> locations, int firstLine) {
    this.source = source;
    this.content = content;
    this.locations = locations;
    this.firstLine = firstLine;
  }

  public String file() {
    return source.path();
  }

  /** The whole file this document was read from. */
  public SourceText source() {
    return source;
  }

  public JsonNode content() {
    return content;
  }

  /** The position of the value at a JSON Pointer, or of its nearest existing ancestor. */
  public SourcePosition valueAt(String pointer) {
    NodeLocation location = nearest(pointer);
    return location == null
        ? new SourcePosition(file(), firstLine + 1, 1)
        : new SourcePosition(file(), location.line() + 1, location.column() + 1);
  }

  /**
   * The position of the key of a mapping entry at a JSON Pointer (the value's, for array items).
   */
  public SourcePosition keyAt(String pointer) {
    NodeLocation location = nearest(pointer);
    return location == null
        ? new SourcePosition(file(), firstLine + 1, 1)
        : new SourcePosition(file(), location.keyLine() + 1, location.keyColumn() + 1);
  }

  /**
   * The position of one character of a string value, in every scalar style (plain, quoted, literal
   * and folded, over several lines too); the start of the value where the text cannot account for
   * the character (an explicit indentation indicator).
   */
  public SourcePosition charAt(String pointer, int offset) {
    NodeLocation location = locations.get(pointer);
    if (location == null || location.style() == NodeLocation.NOT_A_SCALAR) {
      return valueAt(pointer);
    }
    int[] lineColumn = ScalarOffsets.locate(source, location, content.at(pointer).asText(), offset);
    return new SourcePosition(file(), lineColumn[0] + 1, lineColumn[1] + 1);
  }

  public boolean has(String pointer) {
    return locations.containsKey(pointer);
  }

  private NodeLocation nearest(String pointer) {
    String current = pointer;
    while (true) {
      NodeLocation location = locations.get(current);
      if (location != null || current.isEmpty()) {
        return location;
      }
      current = current.substring(0, current.lastIndexOf('/'));
    }
  }
}
