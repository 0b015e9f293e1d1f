package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Pipeline;
import java.util.List;

/**
 * A piece of a parsed template. Each {@code offset()} is the position Go's parser gives the node.
 */
sealed interface Node {

  int offset();

  /** {@code offset} is where the text starts in the template. */
  record Text(int offset, String text) implements Node {}

  /** {@code {{pipeline}}}; {@code offset} is that of the pipeline's first token, as in Go. */
  record Action(int offset, Pipeline pipeline) implements Node {
    @Override
    public String toString() {
      return "{{" + pipeline + "}}";
    }
  }

  /**
   * {@code {{if a}}..{{else if b}}..{{else}}..{{end}}}, or the same with {@code with} and {@code
   * else with}. Go nests each {@code else if} inside the previous else; a flat chain behaves the
   * same (the variables of a branch's pipeline stay visible in the branches after it) and keeps
   * long chains from deepening the call stack.
   */
  record Conditional(int offset, boolean with, List<Branch> branches, List<Node> otherwise)
      implements Node {}

  record Branch(Pipeline condition, List<Node> body) {}

  /** {@code {{range pipeline}}body{{else}}otherwise{{end}}}. */
  record Range(int offset, Pipeline pipeline, List<Node> body, List<Node> otherwise)
      implements Node {}

  /**
   * {@code {{template "name" pipeline}}}, and the call half of a {@code block}; the pipeline is
   * null when there is none.
   */
  record Call(int offset, String name, Pipeline pipeline) implements Node {
    @Override
    public String toString() {
      String quoted = GoStrings.quote(name, false);
      return pipeline == null
          ? "{{template " + quoted + "}}"
          : "{{template " + quoted + " " + pipeline + "}}";
    }
  }

  record Break(int offset) implements Node {}

  record Continue(int offset) implements Node {}
}
