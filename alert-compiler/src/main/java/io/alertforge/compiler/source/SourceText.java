package io.alertforge.compiler.source;

import java.util.Arrays;

/** The decoded text of one file, with fast line look-up for mapping offsets to positions. */
public final class SourceText {

  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceText(String path, String text) {
    this.path = path;
    this.text = text;
    this.lineStarts = lineStarts(text);
  }

  /** The path relative to the repository root, with '/' separators. */
  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** The text of a 0-based line, without its line break; empty past the end. */
  public String line(int zeroBasedLine) {
    if (zeroBasedLine < 0 || zeroBasedLine >= lineStarts.length) {
      return "";
    }
    int start = lineStarts[zeroBasedLine];
    int end = zeroBasedLine + 1 < lineStarts.length ? lineStarts[zeroBasedLine + 1] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The 0-based line that holds a char offset. */
  public int lineOf(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found : -found - 2;
  }

  private static int[] lineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
