package io.alertforge.gotemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert string field as a Go text/template, in the subset keikoproj/alert-manager users write:
 * parsed once, then executed against many param maps.
 *
 * <p>Supported: text; actions <code>{{ }}</code> with trim markers <code>{{- </code> and <code> -}}
 * </code>; comments <code>{{/* *&#47;}}</code>; fields {@code .a.b}, {@code $}, {@code $.a} and
 * {@code .}; {@code if}/{@code else if}/{@code else}, {@code with}/{@code else with}/{@code else}
 * and {@code end}; string, raw string, int, float and bool constants; pipelines and parentheses;
 * the builtins eq, ne, lt, le, gt, ge, and, or, not, len, index, print and printf. Everything else
 * (range, define, template, block, variables, other functions, nil, character and complex
 * constants) is a {@link TemplateSyntaxException}.
 *
 * <p>Execution follows Go, with one deliberate difference: a missing param prints as nothing (as
 * html/template, which alert-manager runs, prints it) rather than text/template's "&lt;no
 * value&gt;". A missing param is still not the empty string: {@code eq .missing ""} is false, as in
 * Go. Param values are inserted verbatim, without escaping.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GoTemplate {

  private final String text;
  private final List<Node> nodes;
  private final boolean literal;

  /**
   * The output when it cannot depend on params: text with at most comments in it; otherwise null.
   */
  private final String constantOutput;

  private final ParamReferences references;

  private GoTemplate(String text, List<Node> nodes) {
    this.text = text;
    this.nodes = nodes;
    this.literal = !text.contains("{{");
    this.constantOutput = literal ? text : constantOutput(nodes);
    this.references = ReferenceAnalyzer.analyze(nodes);
  }

  public static GoTemplate parse(String text) throws TemplateSyntaxException {
    Objects.requireNonNull(text, "text");
    return new GoTemplate(text, List.copyOf(Parser.parse(text)));
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
   * $}). A null map is taken as empty, and a null value as a missing key.
   */
  public String execute(Map<String, String> params) throws TemplateExecutionException {
    if (constantOutput != null) {
      return constantOutput;
    }
    return new Executor(text, params == null ? Map.of() : params).run(nodes);
  }

  /**
   * Whether the text has no actions or comments at all, so that {@link #execute} returns it
   * unchanged.
   */
  public boolean isLiteral() {
    return literal;
  }

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
