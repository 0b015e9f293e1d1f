package io.alertforge.gotemplate;

import java.util.List;

/**
 * An operand or pipeline inside an action. Each {@code offset()} is the position Go's parser gives
 * the node and each {@code toString()} renders Go's own spelling of it, which Go's execution errors
 * quote ("at &lt;.a.b&gt;").
 */
sealed interface Expr {

  int offset();

  /** {@code .}, the current value of dot. */
  record Dot(int offset) implements Expr {
    @Override
    public String toString() {
      return ".";
    }
  }

  /** {@code nil}: a missing value as an argument, and an error as a command. */
  record Nil(int offset) implements Expr {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** {@code $} or {@code $name}. */
  record Variable(int offset, String name) implements Expr {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A string, int ({@link Long}), float ({@link Double}) or bool constant, or an integer constant
   * too large for Go's int ({@link GoNumbers.Overflow}, an error when evaluated), with its source
   * spelling.
   */
  record Literal(int offset, Object value, String source) implements Expr {
    @Override
    public String toString() {
      return source;
    }
  }

  /**
   * A builtin function; as an argument rather than a command's head it is called with no arguments.
   */
  record Func(int offset, Builtin builtin) implements Expr {
    @Override
    public String toString() {
      return builtin.goName();
    }
  }

  /**
   * {@code .a.b}, {@code $x.a}, {@code (pipeline).a}: field look-ups on a receiver ({@link Dot} for
   * a plain field). As in Go, the offset of {@code .a} is that of its field and the offset of a
   * longer chain that of its second part ({@code .b} in {@code .a.b}, {@code .a} in {@code $x.a}).
   */
  record FieldChain(int offset, Expr receiver, List<Field> fields) implements Expr {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (receiver instanceof Pipeline) {
        sb.append('(').append(receiver).append(')');
      } else if (!(receiver instanceof Dot)) {
        sb.append(receiver);
      }
      for (Field field : fields) {
        sb.append('.').append(field.name());
      }
      return sb.toString();
    }
  }

  record Field(int offset, String name) {}

  /**
   * Commands joined by '|', each command's value passed as the last argument of the next; with the
   * variables it declares ({@code $x :=}) or assigns ({@code $x =}).
   */
  record Pipeline(int offset, List<Variable> decls, boolean assign, List<Command> commands)
      implements Expr {

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < decls.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(decls.get(i));
      }
      if (!decls.isEmpty()) {
        sb.append(" := ");
      }
      for (int i = 0; i < commands.size(); i++) {
        sb.append(i > 0 ? " | " : "").append(commands.get(i));
      }
      return sb.toString();
    }
  }

  /** A head (usually a function) and its arguments. */
  record Command(int offset, Expr head, List<Expr> args) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      appendOperand(sb, head);
      for (Expr arg : args) {
        appendOperand(sb.append(' '), arg);
      }
      return sb.toString();
    }

    private static void appendOperand(StringBuilder sb, Expr operand) {
      if (operand instanceof Pipeline) {
        sb.append('(').append(operand).append(')');
      } else {
        sb.append(operand);
      }
    }
  }
}
