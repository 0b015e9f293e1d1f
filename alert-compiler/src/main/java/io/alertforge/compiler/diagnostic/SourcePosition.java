package io.alertforge.compiler.diagnostic;

/**
 * A place in the repository: {@code file} is relative to the repository root, with '/' separators;
 * {@code line} and {@code column} are 1-based (0 when the whole file is meant).
 */
public record SourcePosition(String file, int line, int column)
    implements Comparable<SourcePosition> {

  public static SourcePosition ofFile(String file) {
    return new SourcePosition(file, 0, 0);
  }

  @Override
  public int compareTo(SourcePosition other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
