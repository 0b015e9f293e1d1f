package io.alertforge.gotemplate;

/**
 * Executing a parsed template failed; the position is that of the node Go's executor was at, the
 * action, operand or function that failed.
 */
public final class TemplateExecutionException extends TemplateException {

  private static final long serialVersionUID = 1L;

  /** The template (main or defined) being executed, and Go's spelling of the node that failed. */
  private final String templateName;

  private final String context;

  /**
   * Whether html/template's escaper found the problem before execution (a predefined escaper in the
   * middle of a pipeline, a call of a template that does not exist).
   */
  private final boolean escaping;

  TemplateExecutionException(
      String text,
      int offset,
      String detail,
      String templateName,
      String context,
      boolean escaping) {
    super(text, offset, detail);
    this.templateName = templateName;
    this.context = context;
    this.escaping = escaping;
  }

  @Override
  String goMessage() {
    String location = Parser.MAIN_NAME + ":" + goLineAndColumn();
    if (escaping) {
      return "html/template:" + location + ": " + detail();
    }
    return "template: "
        + location
        + ": executing "
        + GoStrings.quote(templateName, false)
        + " at <"
        + context
        + ">: "
        + detail();
  }
}
