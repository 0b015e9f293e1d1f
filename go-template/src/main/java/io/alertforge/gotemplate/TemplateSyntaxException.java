package io.alertforge.gotemplate;

/** The template text is not valid in the supported subset of Go's text/template. */
public final class TemplateSyntaxException extends TemplateException {

  private static final long serialVersionUID = 1L;

  TemplateSyntaxException(String text, int offset, String detail) {
    super(text, offset, detail);
  }
}
