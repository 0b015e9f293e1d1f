package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import io.alertforge.gotemplate.Expr.Field;
import io.alertforge.gotemplate.Expr.FieldChain;
import io.alertforge.gotemplate.Expr.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of a parsed template: walks the tree with dot and an output buffer, following Go's
 * text/template/exec.go. Not thread-safe; {@link GoTemplate} makes one per call.
 */
final class Executor {

  /**
   * Marks a command that receives no piped value, as distinct from one that receives a missing
   * value.
   */
  private static final Object NO_FINAL = new Object();

  private final String text;
  private final Map<String, String> root;
  private final StringBuilder out;
  private long printTotal;

  Executor(String text, Map<String, String> root) {
    this.text = text;
    this.root = root;
    this.out = new StringBuilder(text.length() + 64);
  }

  String run(List<Node> nodes) throws TemplateExecutionException {
    walk(nodes, root);
    return out.toString();
  }

  private void walk(List<Node> nodes, Object dot) throws TemplateExecutionException {
    for (Node node : nodes) {
      if (node instanceof Node.Text t) {
        out.append(t.text());
        checkOutput(t.offset());
      } else if (node instanceof Node.Action action) {
        print(evalPipeline(action.pipeline(), dot), action.offset());
      } else {
        walkConditional((Node.Conditional) node, dot);
      }
    }
  }

  private void walkConditional(Node.Conditional conditional, Object dot)
      throws TemplateExecutionException {
    for (Node.Branch branch : conditional.branches()) {
      Object value = evalPipeline(branch.condition(), dot);
      if (Values.isTrue(value)) {
        walk(branch.body(), conditional.with() ? value : dot);
        return;
      }
    }
    walk(conditional.otherwise(), dot);
  }

  /**
   * A missing value prints as nothing, as html/template prints it; text/template would print "<no
   * value>".
   */
  private void print(Object value, int offset) throws TemplateExecutionException {
    if (value == NoValue.INSTANCE) {
      return;
    }
    try {
      GoFormat.appendValue(out, value, GoTemplate.MAX_OUTPUT);
    } catch (CallError e) {
      throw error(offset, "output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
    }
    checkOutput(offset);
  }

  private void checkOutput(int offset) throws TemplateExecutionException {
    if (out.length() > GoTemplate.MAX_OUTPUT) {
      throw error(offset, "output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
    }
  }

  private Object evalPipeline(Pipeline pipeline, Object dot) throws TemplateExecutionException {
    Object value = NO_FINAL;
    for (Command command : pipeline.commands()) {
      value = evalCommand(command, dot, value);
    }
    return value;
  }

  /** {@code last} is the value piped in from the previous command, or {@link #NO_FINAL}. */
  private Object evalCommand(Command command, Object dot, Object last)
      throws TemplateExecutionException {
    Expr head = command.head();
    boolean hasArgs = !command.args().isEmpty() || last != NO_FINAL;
    if (head instanceof Expr.Func func) {
      return call(func, command.args(), dot, last);
    }
    if (head instanceof FieldChain chain) {
      return evalFieldChain(chain, dot, hasArgs);
    }
    if (hasArgs) {
      throw error(head.offset(), "can't give argument to non-function " + head);
    }
    return evalArg(head, dot);
  }

  private Object evalArg(Expr expr, Object dot) throws TemplateExecutionException {
    if (expr instanceof Expr.Dot) {
      return dot;
    }
    if (expr instanceof Expr.Root) {
      return root;
    }
    if (expr instanceof Expr.Literal literal) {
      return literal.value();
    }
    if (expr instanceof FieldChain chain) {
      return evalFieldChain(chain, dot, false);
    }
    if (expr instanceof Expr.Func func) {
      return call(func, List.of(), dot, NO_FINAL);
    }
    return evalPipeline((Pipeline) expr, dot);
  }

  /** Only the last field may be "called", and on a map that is an error: fields are not methods. */
  private Object evalFieldChain(FieldChain chain, Object dot, boolean hasArgs)
      throws TemplateExecutionException {
    Object receiver = evalArg(chain.receiver(), dot);
    List<Field> fields = chain.fields();
    for (int i = 0; i < fields.size(); i++) {
      receiver = evalField(receiver, fields.get(i), hasArgs && i == fields.size() - 1);
    }
    return receiver;
  }

  private Object evalField(Object receiver, Field field, boolean hasArgs)
      throws TemplateExecutionException {
    if (receiver == NoValue.INSTANCE) {
      return NoValue.INSTANCE;
    }
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw error(field.offset(), field.name() + " is not a method but has arguments");
      }
      Object value = map.get(field.name());
      return value == null ? NoValue.INSTANCE : value;
    }
    throw error(
        field.offset(),
        "can't evaluate field " + field.name() + " in type " + Values.goType(receiver));
  }

  private Object call(Expr.Func func, List<Expr> args, Object dot, Object last)
      throws TemplateExecutionException {
    Builtin builtin = func.builtin();
    String name = builtin.goName();
    int numIn = args.size() + (last != NO_FINAL ? 1 : 0);
    if (builtin.variadic() && numIn < builtin.fixedArgs()) {
      throw error(
          func.offset(),
          "wrong number of args for "
              + name
              + ": want at least "
              + builtin.fixedArgs()
              + " got "
              + args.size());
    }
    if (!builtin.variadic() && numIn != builtin.fixedArgs()) {
      throw error(
          func.offset(),
          "wrong number of args for " + name + ": want " + builtin.fixedArgs() + " got " + numIn);
    }
    if (builtin == Builtin.AND || builtin == Builtin.OR) {
      return andOr(builtin == Builtin.OR, args, dot, last);
    }
    List<Object> values = new ArrayList<>(numIn);
    for (int i = 0; i < args.size(); i++) {
      values.add(
          builtin == Builtin.PRINTF && i == 0
              ? evalFormat(args.get(0), dot)
              : evalArg(args.get(i), dot));
    }
    if (last != NO_FINAL) {
      values.add(
          builtin == Builtin.PRINTF && args.isEmpty() ? requireString(last, func.offset()) : last);
    }
    if (builtin == Builtin.PRINT || builtin == Builtin.PRINTF) {
      // print's operands are Go interfaces, in which a missing value is nil.
      for (int i = builtin == Builtin.PRINTF ? 1 : 0; i < values.size(); i++) {
        if (values.get(i) == NoValue.INSTANCE) {
          values.set(i, null);
        }
      }
    }
    Object result;
    try {
      result = Builtins.call(builtin, values, GoTemplate.MAX_OUTPUT);
    } catch (CallError e) {
      throw error(func.offset(), "error calling " + name + ": " + e.getMessage());
    }
    if (result instanceof String s) {
      printTotal += s.length();
      if (printTotal > GoTemplate.MAX_PRINT_TOTAL) {
        throw error(
            func.offset(),
            "print and printf built more than "
                + GoTemplate.MAX_PRINT_TOTAL
                + " characters in one execution");
      }
    }
    return result;
  }

  /**
   * Returns the first argument that decides the result, evaluating no further, or else the last
   * one.
   */
  private Object andOr(boolean or, List<Expr> args, Object dot, Object last)
      throws TemplateExecutionException {
    Object value = last;
    for (Expr arg : args) {
      value = evalArg(arg, dot);
      if (Values.isTrue(value) == or) {
        return value;
      }
    }
    return last != NO_FINAL ? last : value;
  }

  /**
   * printf's format is a Go string parameter: a constant must be a string literal, a value a
   * string.
   */
  private Object evalFormat(Expr format, Object dot) throws TemplateExecutionException {
    if (format instanceof Expr.Literal literal) {
      if (!(literal.value() instanceof String)) {
        throw error(literal.offset(), "expected string; found " + literal.source());
      }
      return literal.value();
    }
    return requireString(evalArg(format, dot), format.offset());
  }

  private Object requireString(Object value, int offset) throws TemplateExecutionException {
    if (value == NoValue.INSTANCE) {
      throw error(offset, "invalid value; expected string");
    }
    if (!(value instanceof String)) {
      throw error(offset, "wrong type for value; expected string; got " + Values.goType(value));
    }
    return value;
  }

  private TemplateExecutionException error(int offset, String detail) {
    return new TemplateExecutionException(text, offset, detail);
  }
}
