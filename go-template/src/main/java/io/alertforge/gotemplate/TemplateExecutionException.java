package io.alertforge.gotemplate;

/**
 * Executing a parsed template failed; the position is that of the action or operand that failed.
 */
public final class TemplateExecutionException extends TemplateException {

  private static final long serialVersionUID = 1L;

  TemplateExecutionException(String text, int offset, String detail) {
    super(text, offset, detail);
  }
}
