package io.alertforge.gotemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One template text, in the subset of Go's text/template that the {@linkplain
 * io.alertforge.gotemplate package} describes: parsed once, then executed against many param maps.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GoTemplate {

  /**
   * The most {@code if}/{@code with} blocks and parentheses one inside another; a deeper template
   * is a {@link TemplateSyntaxException}. This also bounds the recursion of an execution.
   */
  public static final int MAX_DEPTH = 100;

  /**
   * The most chars one execution may output, and the most one print or printf call may return; more
   * is a {@link TemplateExecutionException}.
   */
  public static final int MAX_OUTPUT = 1 << 20;

  /**
   * The most chars the print and printf calls of one execution may return in total, results used
   * only as arguments included; more is a {@link TemplateExecutionException}.
   */
  public static final int MAX_PRINT_TOTAL = 16 << 20;

  private final String text;
  private final Map<String, List<Node>> templates;
  private final boolean literal;

  /**
   * The output when it cannot depend on params: text with at most comments in it; otherwise null.
   */
  private final String constantOutput;

  private final ParamReferences references;

  private GoTemplate(String text, Map<String, List<Node>> templates) {
    this.text = text;
    this.templates = templates;
    this.literal = !text.contains("{{");
    this.constantOutput = literal ? text : constantOutput(templates.get(Parser.MAIN_NAME));
    this.references = ReferenceAnalyzer.analyze(templates);
  }

  /**
   * Parses {@code text}; the first error in the text, lexical or grammatical, is thrown, as Go's
   * parser reports it.
   */
  public static GoTemplate parse(String text) throws TemplateSyntaxException {
    Objects.requireNonNull(text, "text");
    return new GoTemplate(text, Map.copyOf(Parser.parse(text)));
  }

  private static String constantOutput(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    for (Node node : nodes) {
      if (!(node instanceof Node.Text t)) {
        return null;
      }
      sb.append(t.text());
    }
    return sb.toString();
  }

  /**
   * Executes the template with {@code params} as the root data (dot at the top level, and {@code
   * $}). A null map is taken as empty, and a null value as a missing key. Values are printed as
   * text/template prints them, but a missing one as nothing, as html/template prints it.
   */
  public String execute(Map<String, String> params) throws TemplateExecutionException {
    if (constantOutput != null) {
      return constantOutput;
    }
    return new Executor(text, templates, false).run(params == null ? Map.of() : params);
  }

  /**
   * Executes the template as {@link #execute} does, but a {@code printf} whose format does not fit
   * its arguments (a verb without an operand, an operand too many, a verb for another type) is a
   * {@link TemplateExecutionException} at that printf, where Go would print fmt's error mark (such
   * as {@code %!d(string=x)}) into the output and carry on.
   */
  public String executeRefusingFormatMarks(Map<String, String> params)
      throws TemplateExecutionException {
    if (constantOutput != null) {
      return constantOutput;
    }
    return new Executor(text, templates, false, true).run(params == null ? Map.of() : params);
  }

  /**
   * Executes the template as alert-manager does, with html/template in HTML text: each action's
   * value HTML-escaped, after html/template's checks of the template set.
   */
  String executeAsHtml(Map<String, String> params) throws TemplateExecutionException {
    HtmlEscaping.check(text, templates);
    if (constantOutput != null) {
      return constantOutput;
    }
    return new Executor(text, templates, true).run(params == null ? Map.of() : params);
  }

  /**
   * Whether the text has no actions or comments at all, so that {@link #execute} returns it
   * unchanged.
   */
  public boolean isLiteral() {
    return literal;
  }

  /** The params the template uses, found when it was parsed. */
  public ParamReferences references() {
    return references;
  }

  /** The template text as parsed. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
