package io.alertforge.gotemplate;

/**
 * A problem in one template, located in that template's own text.
 *
 * <p>{@link #offset()} is a 0-based index into the template text (Java {@code char}s); {@link
 * #line()} and {@link #column()} are 1-based, the column counting {@code char}s from the start of
 * the line. The message is exactly {@link #detail()}, so callers can prefix their own file and
 * field context.
 */
public abstract sealed class TemplateException extends Exception
    permits TemplateSyntaxException, TemplateExecutionException {

  private static final long serialVersionUID = 1L;

  private final int offset;
  private final int line;
  private final int column;
  private final String detail;
  private final String text;

  TemplateException(String text, int offset, String detail) {
    super(detail);
    this.text = text;
    this.offset = offset;
    this.detail = detail;
    int lineStart = 0;
    int lineNumber = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineNumber++;
        lineStart = i + 1;
      }
    }
    this.line = lineNumber;
    this.column = offset - lineStart + 1;
  }

  public int offset() {
    return offset;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String detail() {
    return detail;
  }

  /**
   * The whole message as Go's html/template reports the same problem for a template named as
   * alert-manager names it, position included: what the differential test compares.
   */
  abstract String goMessage();

  /** Go's "line:column" of the offset: the column counts UTF-8 bytes from 0, as Go's does. */
  final String goLineAndColumn() {
    int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    return line + ":" + GoStrings.utf8Length(text.substring(lineStart, offset));
  }
}
