package io.alertforge.gotemplate;

/** The template text is not valid in Go's text/template. */
public final class TemplateSyntaxException extends TemplateException {

  private static final long serialVersionUID = 1L;

  /** The line Go's parser names: that of the last token it read, which may be past the offset. */
  private final int goLine;

  TemplateSyntaxException(String text, int offset, String detail, int goLine) {
    super(text, offset, detail);
    this.goLine = goLine;
  }

  int goLine() {
    return goLine;
  }

  @Override
  String goMessage() {
    return "template: " + Parser.MAIN_NAME + ":" + goLine + ": " + detail();
  }
}
