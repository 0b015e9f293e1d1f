package io.alertforge.gotemplate;

import java.util.List;

/** A piece of a parsed template: text, an action that prints, or an if/with chain. */
sealed interface Node {

  /** {@code offset} is where the text starts in the template. */
  record Text(int offset, String text) implements Node {}

  /** {@code {{pipeline}}}; {@code offset} is that of its "{{". */
  record Action(int offset, Expr.Pipeline pipeline) implements Node {}

  /**
   * {@code {{if a}}..{{else if b}}..{{else}}..{{end}}}, or the same with {@code with}. Go nests
   * each {@code else if} inside the previous else; a flat chain behaves the same and keeps long
   * chains from deepening the call stack.
   */
  record Conditional(boolean with, List<Branch> branches, List<Node> otherwise) implements Node {}

  record Branch(Expr.Pipeline condition, List<Node> body) {}
}
