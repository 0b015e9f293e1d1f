package io.alertforge.wql;

/**
 * Where a node is in the query text: the offset of its first character and its length, in chars.
 * Line and column follow from the text ({@link Query#line(int)}, {@link Query#column(int)}).
 */
public record Span(int offset, int length) {

  public Span {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("span " + offset + "+" + length);
    }
  }

  public int end() {
    return offset + length;
  }

  /** The span from the start of {@code first} to the end of {@code last}. */
  public static Span cover(Span first, Span last) {
    return new Span(first.offset, Math.max(first.end(), last.end()) - first.offset);
  }

  public String of(String text) {
    return text.substring(offset, end());
  }
}
