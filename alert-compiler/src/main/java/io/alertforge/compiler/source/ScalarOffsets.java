package io.alertforge.compiler.source;

/**
 * Maps a character offset inside a scalar's value back to the file. The value differs from the
 * source text by quotes, escapes, block indentation and line folding, so the value is walked
 * against the source text of the scalar: every character of the value other than white space is
 * found at its own place in the text, white space that folding made is placed at the line break it
 * came from, and white space that folding dropped (indentation, trailing blanks, escaped line
 * breaks) is stepped over. When the walk cannot account for a character (a style this does not
 * know, an explicit indentation indicator), the position is the scalar's start: never a wrong
 * place, at worst a coarse one.
 */
final class ScalarOffsets {

  private ScalarOffsets() {}

  /** Returns {line, column}, 0-based. */
  static int[] locate(SourceText source, NodeLocation location, String value, int offset) {
    int target = Math.max(0, Math.min(offset, value.length()));
    int[] found = new Walk(source, location, value).to(target);
    return found != null ? found : new int[] {location.line(), location.column()};
  }

  /** One pass over the scalar's text, one value character at a time. */
  private static final class Walk {
    private final SourceText source;
    private final NodeLocation location;
    private final String value;
    private final char style;
    private final boolean block;
    private final int indent;
    private int line;
    private int column;

    Walk(SourceText source, NodeLocation location, String value) {
      this.source = source;
      this.location = location;
      this.value = value;
      this.style = location.style();
      this.block = style == '|' || style == '>';
      this.indent = block ? blockIndent() : 0;
      this.line = block ? location.line() + 1 : location.line();
      this.column =
          block
              ? Math.min(indent, source.line(line).length())
              : location.column() + (style == '\'' || style == '"' ? 1 : 0);
    }

    /** The position of value character {@code target}, or null when the walk loses its way. */
    int[] to(int target) {
      int i = 0;
      while (line <= location.endLine() && i < value.length()) {
        String raw = source.line(line);
        char c = value.charAt(i);
        if (column >= raw.length()) {
          // A line break: the value's line feed, a space that folding made of it, or dropped
          // (the break before an empty line); a literal block keeps every break.
          if (c == '\n' || (c == ' ' && style != '|')) {
            if (i == target) {
              return here();
            }
            i++;
          } else if (style == '|') {
            return null;
          }
          nextLine();
          continue;
        }
        char r = raw.charAt(column);
        int width;
        int produced = 1;
        if (style == '"' && r == '\\') {
          if (column + 1 >= raw.length()) {
            nextLine(); // an escaped line break joins the lines without a space
            skipBlanks();
            continue;
          }
          width = escapeWidth(raw, column);
          String decoded = decode(raw, column, width);
          if (decoded == null || !value.startsWith(decoded, i)) {
            return null;
          }
          produced = decoded.length();
        } else if (style == '\'' && r == '\'' && column + 1 < raw.length()) {
          if (c != '\'' || raw.charAt(column + 1) != '\'') {
            return null;
          }
          width = 2;
        } else if (r == c) {
          width = 1;
        } else if (r == ' ' || r == '\t') {
          column++; // indentation or trailing blanks that folding dropped
          continue;
        } else {
          return null;
        }
        if (target < i + produced) {
          return here();
        }
        i += produced;
        column += width;
      }
      return i == target && i == value.length() && line <= location.endLine() ? here() : null;
    }

    private int[] here() {
      return new int[] {line, column};
    }

    private void nextLine() {
      line++;
      String raw = source.line(line);
      column = block ? Math.min(indent, raw.length()) : 0;
      if (!block) {
        skipBlanks();
      }
    }

    private void skipBlanks() {
      String raw = source.line(line);
      while (column < raw.length() && (raw.charAt(column) == ' ' || raw.charAt(column) == '\t')) {
        column++;
      }
    }

    /** A block's content is indented by its first non-blank line's indentation. */
    private int blockIndent() {
      for (int l = location.line() + 1; l <= location.endLine(); l++) {
        String raw = source.line(l);
        if (!raw.isBlank()) {
          int spaces = 0;
          while (spaces < raw.length() && raw.charAt(spaces) == ' ') {
            spaces++;
          }
          return spaces;
        }
      }
      return 0;
    }
  }

  /** How many source characters the escape at {@code at} (a backslash) takes. */
  private static int escapeWidth(String raw, int at) {
    return switch (raw.charAt(at + 1)) {
      case 'x' -> 4;
      case 'u' -> 6;
      case 'U' -> 10;
      default -> 2;
    };
  }

  /** The value characters of one double-quoted escape, or null when it is not one YAML has. */
  private static String decode(String raw, int at, int width) {
    if (at + width > raw.length()) {
      return null;
    }
    char kind = raw.charAt(at + 1);
    if (width > 2) {
      try {
        return new String(Character.toChars(Integer.parseInt(raw, at + 2, at + width, 16)));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return switch (kind) {
      case '0' -> "\0";
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 't', '\t' -> "\t";
      case 'n' -> "\n";
      case 'v' -> "\u000b";
      case 'f' -> "\f";
      case 'r' -> "\r";
      case 'e' -> "\u001b";
      case ' ', '"', '/', '\\' -> String.valueOf(kind);
      case 'N' -> "\u0085";
      case '_' -> "\u00a0";
      case 'L' -> "\u2028";
      case 'P' -> "\u2029";
      default -> null;
    };
  }
}
