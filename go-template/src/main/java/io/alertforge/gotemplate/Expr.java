package io.alertforge.gotemplate;

import java.util.List;

/**
 * An operand or pipeline inside an action. Each {@code toString()} renders Go's own spelling of the
 * node, which Go's error messages quote.
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

  /** {@code $}, always the root params map. */
  record Root(int offset) implements Expr {
    @Override
    public String toString() {
      return "$";
    }
  }

  /**
   * A string, int ({@link Long}), float ({@link Double}) or bool constant, with its source
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

  /** {@code .a.b}, {@code $.a}, {@code (pipeline).a}: field look-ups on a receiver. */
  record FieldChain(Expr receiver, List<Field> fields) implements Expr {
    @Override
    public int offset() {
      return fields.get(0).offset();
    }

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

  /** Commands joined by '|'; each command's value is passed as the last argument of the next. */
  record Pipeline(int offset, List<Command> commands) implements Expr {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (Command command : commands) {
        if (sb.length() > 0) {
          sb.append(" | ");
        }
        sb.append(command);
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
