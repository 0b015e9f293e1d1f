package io.alertforge.compiler.source;

/**
 * Maps a character offset inside a scalar's value back to the file. The value differs from the
 * source text by quotes, escapes and block indentation; where the mapping would be a guess (folded
 * and multi-line flow scalars) it falls back to the scalar's start.
 */
final class ScalarOffsets {

  private ScalarOffsets() {}

  /** Returns {line, column}, 0-based. */
  static int[] locate(SourceText source, NodeLocation location, String value, int offset) {
    int target = Math.max(0, Math.min(offset, value.length()));
    char style = location.style();
    if (style == '|') {
      return inLiteralBlock(source, location, value, target);
    }
    if (location.line() != location.endLine() || style == '>') {
      return new int[] {location.line(), location.column()};
    }
    String raw = source.line(location.line());
    int column = location.column();
    if (style == '\'' || style == '"') {
      column++;
    }
    for (int i = 0; i < target && column < raw.length(); i++) {
      column += rawWidth(raw, column, style);
    }
    return new int[] {location.line(), column};
  }

  /** How many source characters one value character took. */
  private static int rawWidth(String raw, int at, char style) {
    char c = raw.charAt(at);
    if (style == '\'' && c == '\'') {
      return 2;
    }
    if (style == '"' && c == '\\' && at + 1 < raw.length()) {
      return switch (raw.charAt(at + 1)) {
        case 'x' -> 4;
        case 'u' -> 6;
        case 'U' -> 10;
        default -> 2;
      };
    }
    return 1;
  }

  private static int[] inLiteralBlock(
      SourceText source, NodeLocation location, String value, int target) {
    int valueLine = 0;
    int lineStart = 0;
    for (int i = 0; i < target; i++) {
      if (value.charAt(i) == '\n') {
        valueLine++;
        lineStart = i + 1;
      }
    }
    // The content starts on the line after the header ("|", "|-", "|2"), and every line is
    // indented by the indentation of the block's first non-blank line.
    int fileLine = location.line() + 1 + valueLine;
    int indent = 0;
    for (int line = location.line() + 1; line <= location.endLine(); line++) {
      String raw = source.line(line);
      if (!raw.isBlank()) {
        while (indent < raw.length() && raw.charAt(indent) == ' ') {
          indent++;
        }
        break;
      }
    }
    return new int[] {fileLine, indent + (target - lineStart)};
  }
}
