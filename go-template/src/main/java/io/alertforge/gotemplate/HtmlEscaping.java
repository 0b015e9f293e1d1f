package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks html/template makes of a template set before its first execution, in HTML text (the
 * only context of a text without tags): every template the main one calls exists, and {@code html}
 * or {@code urlquery} ends the pipeline of any printing action it appears in.
 */
final class HtmlEscaping {

  private final String text;
  private final Map<String, List<Node>> templates;
  private final Set<String> checked = new HashSet<>();

  private HtmlEscaping(String text, Map<String, List<Node>> templates) {
    this.text = text;
    this.templates = templates;
  }

  static void check(String text, Map<String, List<Node>> templates)
      throws TemplateExecutionException {
    HtmlEscaping escaping = new HtmlEscaping(text, templates);
    escaping.checked.add(Parser.MAIN_NAME);
    escaping.nodes(templates.get(Parser.MAIN_NAME));
  }

  /** In the order html/template escapes them, branches and called templates included. */
  private void nodes(List<Node> nodes) throws TemplateExecutionException {
    for (Node node : nodes) {
      if (node instanceof Node.Action action) {
        action(action);
      } else if (node instanceof Node.Conditional conditional) {
        for (Node.Branch branch : conditional.branches()) {
          nodes(branch.body());
        }
        nodes(conditional.otherwise());
      } else if (node instanceof Node.Range range) {
        nodes(range.body());
        nodes(range.otherwise());
      } else if (node instanceof Node.Call call) {
        List<Node> body = templates.get(call.name());
        if (body == null) {
          throw error(call, "no such template " + GoStrings.quote(call.name(), false));
        }
        if (checked.add(call.name())) {
          nodes(body);
        }
      }
    }
  }

  private void action(Node.Action action) throws TemplateExecutionException {
    if (!action.pipeline().decls().isEmpty()) {
      return;
    }
    List<Command> commands = action.pipeline().commands();
    for (int i = 0; i < commands.size() - 1; i++) {
      if (commands.get(i).head() instanceof Expr.Func func
          && (func.builtin() == Builtin.HTML || func.builtin() == Builtin.URLQUERY)) {
        throw error(
            action,
            "predefined escaper "
                + GoStrings.quote(func.builtin().goName(), false)
                + " disallowed in template");
      }
    }
  }

  private TemplateExecutionException error(Node node, String detail) {
    return new TemplateExecutionException(
        text, node.offset(), detail, Parser.MAIN_NAME, node.toString(), true);
  }
}
