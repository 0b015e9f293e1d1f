package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import io.alertforge.gotemplate.Expr.Field;
import io.alertforge.gotemplate.Expr.FieldChain;
import io.alertforge.gotemplate.Expr.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of a parsed template set: walks the trees with dot, the variables and an output
 * buffer, following Go's text/template/exec.go, down to the node it names in an error. Not
 * thread-safe; {@link GoTemplate} makes one per call.
 */
final class Executor {

  /**
   * The most nodes one execution may walk, range iterations included: with range, template calls
   * and ranges over integers, a short template could otherwise run for ages.
   */
  static final int MAX_STEPS = 1_000_000;

  /**
   * The most blocks, parentheses and template calls one inside another while executing: Go stops
   * template calls at 100,000 levels, which Java's stack does not hold.
   */
  static final int MAX_EXEC_DEPTH = 1_000;

  /** Marks a command that receives no piped value, as Go's missingVal does. */
  private static final Object NO_FINAL = new Object();

  /** Go's parameter types of the builtins: reflect.Value, any, or string (printf's format). */
  private enum ParamType {
    VALUE,
    ANY,
    STRING
  }

  /** How a list of nodes ended: normally, or at {@code {{break}}} or {@code {{continue}}}. */
  private enum Flow {
    NORMAL,
    BREAK,
    CONTINUE
  }

  private final String text;
  private final Map<String, List<Node>> templates;
  private final boolean html;
  private final StringBuilder out;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private String templateName = Parser.MAIN_NAME;

  /** The node Go's executor is at, which an error names: a Node, an Expr or a Command. */
  private Object at;

  /**
   * The pipeline of the action being printed in HTML, which html/template has rewritten: Go's
   * messages quote it with the escaper it appended.
   */
  private Pipeline escapedPipe;

  private String escaperSuffix = "";

  private final boolean refuseFormatMarks;

  private long printTotal;
  private long steps;
  private int callDepth;
  private int execDepth;

  /**
   * {@code html} prints each action as html/template does in HTML text, escaping its value;
   * otherwise values are printed verbatim, a missing one as nothing.
   */
  Executor(String text, Map<String, List<Node>> templates, boolean html) {
    this(text, templates, html, false);
  }

  /**
   * {@code refuseFormatMarks}: a printf whose format does not fit its arguments is an error at the
   * printf, where Go prints fmt's error mark ({@code %!d(string=x)}) into the output.
   */
  Executor(
      String text, Map<String, List<Node>> templates, boolean html, boolean refuseFormatMarks) {
    this.text = text;
    this.templates = templates;
    this.html = html;
    this.refuseFormatMarks = refuseFormatMarks;
    this.out = new StringBuilder(text.length() + 64);
  }

  String run(Map<String, String> root) throws TemplateExecutionException {
    push("$", root);
    walk(templates.get(Parser.MAIN_NAME), root);
    return out.toString();
  }

  private Flow walk(List<Node> nodes, Object dot) throws TemplateExecutionException {
    for (Node node : nodes) {
      at = node;
      if (++steps > MAX_STEPS) {
        throw error("execution took more than " + MAX_STEPS + " steps");
      }
      Flow flow = Flow.NORMAL;
      if (node instanceof Node.Text t) {
        out.append(t.text());
        checkOutput();
      } else if (node instanceof Node.Action action) {
        printAction(action, dot);
      } else if (node instanceof Node.Conditional conditional) {
        flow = nested(() -> walkConditional(conditional, dot));
      } else if (node instanceof Node.Range range) {
        nested(() -> walkRange(range, dot));
      } else if (node instanceof Node.Call call) {
        nested(() -> walkTemplate(call, dot));
      } else if (node instanceof Node.Break) {
        return Flow.BREAK;
      } else if (node instanceof Node.Continue) {
        return Flow.CONTINUE;
      }
      if (flow != Flow.NORMAL) {
        return flow;
      }
    }
    return Flow.NORMAL;
  }

  private interface Step<T> {
    T run() throws TemplateExecutionException;
  }

  private <T> T nested(Step<T> step) throws TemplateExecutionException {
    if (++execDepth > MAX_EXEC_DEPTH) {
      throw error(
          "exceeded maximum depth of "
              + MAX_EXEC_DEPTH
              + " blocks, parentheses and template calls one inside another");
    }
    try {
      return step.run();
    } finally {
      execDepth--;
    }
  }

  private Flow walkConditional(Node.Conditional conditional, Object dot)
      throws TemplateExecutionException {
    int mark = varNames.size();
    try {
      for (Node.Branch branch : conditional.branches()) {
        Object value = evalPipeline(dot, branch.condition());
        if (Values.isTrue(value)) {
          return walk(branch.body(), conditional.with() ? value : dot);
        }
      }
      return walk(conditional.otherwise(), dot);
    } finally {
      pop(mark);
    }
  }

  private Void walkRange(Node.Range range, Object dot) throws TemplateExecutionException {
    int mark = varNames.size();
    try {
      Pipeline pipe = range.pipeline();
      Object value = evalPipeline(dot, pipe);
      int iterationMark = varNames.size();
      boolean ran = false;
      if (value instanceof Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(key -> keys.add((String) key));
        keys.sort(GoStrings::compare);
        for (String key : keys) {
          ran = true;
          if (iteration(range, key, map.get(key), iterationMark) == Flow.BREAK) {
            break;
          }
        }
      } else if (value instanceof Long || value instanceof GoByte) {
        if (pipe.decls().size() > 1) {
          throw error("can't use " + describe(value) + " to iterate over more than one variable");
        }
        long n = value instanceof Long l ? l : ((GoByte) value).value();
        for (long i = 0; i < n; i++) {
          ran = true;
          Object element = value instanceof Long ? (Object) i : new GoByte((int) i);
          if (iteration(range, element, element, iterationMark) == Flow.BREAK) {
            break;
          }
        }
      } else if (value != NoValue.INSTANCE) {
        throw error("range can't iterate over " + describe(value));
      }
      if (!ran) {
        walk(range.otherwise(), dot);
      }
      return null;
    } finally {
      pop(mark);
    }
  }

  /** One pass of a range body: its variables set (by name if assigned, else the newest ones). */
  private Flow iteration(Node.Range range, Object index, Object element, int mark)
      throws TemplateExecutionException {
    if (++steps > MAX_STEPS) {
      throw error("execution took more than " + MAX_STEPS + " steps");
    }
    Pipeline pipe = range.pipeline();
    List<Expr.Variable> decls = pipe.decls();
    if (pipe.assign()) {
      if (decls.size() == 1) {
        setVar(decls.get(0).name(), element);
      } else if (decls.size() == 2) {
        setVar(decls.get(0).name(), index);
        setVar(decls.get(1).name(), element);
      }
    } else {
      if (!decls.isEmpty()) {
        varValues.set(varValues.size() - 1, element);
      }
      if (decls.size() > 1) {
        varValues.set(varValues.size() - 2, index);
      }
    }
    try {
      Flow flow = walk(range.body(), element);
      return flow == Flow.BREAK ? Flow.BREAK : Flow.NORMAL;
    } finally {
      pop(mark);
    }
  }

  private Flow walkTemplate(Node.Call call, Object dot) throws TemplateExecutionException {
    List<Node> body = templates.get(call.name());
    if (body == null) {
      throw error("template " + GoStrings.quote(call.name(), false) + " not defined");
    }
    if (callDepth == GoTemplate.MAX_DEPTH) {
      throw error("exceeded maximum template depth (" + GoTemplate.MAX_DEPTH + ")");
    }
    Object newDot = evalPipeline(dot, call.pipeline());
    List<String> savedNames = new ArrayList<>(varNames);
    List<Object> savedValues = new ArrayList<>(varValues);
    String savedName = templateName;
    varNames.clear();
    varValues.clear();
    push("$", newDot);
    templateName = call.name();
    callDepth++;
    try {
      walk(body, newDot);
    } finally {
      callDepth--;
      templateName = savedName;
      varNames.clear();
      varValues.clear();
      varNames.addAll(savedNames);
      varValues.addAll(savedValues);
    }
    return Flow.NORMAL;
  }

  private void printAction(Node.Action action, Object dot) throws TemplateExecutionException {
    Pipeline pipe = action.pipeline();
    if (!pipe.decls().isEmpty()) {
      evalPipeline(dot, pipe);
      return;
    }
    if (!html) {
      Object value = evalPipeline(dot, pipe);
      at = action;
      if (value != NoValue.INSTANCE) {
        try {
          GoFormat.appendValue(out, value, GoTemplate.MAX_OUTPUT);
        } catch (CallError e) {
          throw error("output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
        }
      }
      checkOutput();
      return;
    }
    out.append(evalEscaped(pipe, dot));
    at = action;
    checkOutput();
  }

  /**
   * An action's output as html/template rewrites its pipeline for HTML text: its value through
   * html/template's HTML escaper, unless the pipeline already ends in {@code html}; {@code esc a b}
   * (esc being html or urlquery) is first rewritten to {@code _eval_args_ a b | esc}.
   */
  private String evalEscaped(Pipeline pipe, Object dot) throws TemplateExecutionException {
    List<Command> commands = pipe.commands();
    Command last = commands.get(commands.size() - 1);
    Builtin escaper =
        last.head() instanceof Expr.Func func
                && (func.builtin() == Builtin.HTML || func.builtin() == Builtin.URLQUERY)
            ? func.builtin()
            : null;
    escapedPipe = pipe;
    escaperSuffix = escaper == Builtin.HTML ? "" : " | _html_template_htmlescaper";
    Object value;
    if (escaper != null && commands.size() == 1 && !last.args().isEmpty()) {
      at = pipe;
      List<Object> args = new ArrayList<>();
      for (Expr arg : last.args()) {
        args.add(evalArg(dot, ParamType.ANY, arg));
      }
      String joined =
          args.size() == 1 && args.get(0) instanceof String s ? s : sprint(args, last.head());
      value = callBuiltin((Expr.Func) last.head(), pipe, List.of(joined));
    } else {
      value = evalPipeline(dot, pipe);
    }
    if (escaper == Builtin.HTML) {
      return (String) value;
    }
    try {
      return Builtins.htmlTextEscape(
          value == NoValue.INSTANCE ? null : value, GoTemplate.MAX_OUTPUT);
    } catch (CallError e) {
      throw error("output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
    }
  }

  private String sprint(List<Object> args, Expr node) throws TemplateExecutionException {
    try {
      return GoFormat.sprint(args, GoTemplate.MAX_OUTPUT);
    } catch (CallError e) {
      at = node;
      throw error("output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
    }
  }

  private void checkOutput() throws TemplateExecutionException {
    if (out.length() > GoTemplate.MAX_OUTPUT) {
      throw error("output exceeds " + GoTemplate.MAX_OUTPUT + " characters");
    }
  }

  private Object evalPipeline(Object dot, Pipeline pipe) throws TemplateExecutionException {
    if (pipe == null) {
      return NoValue.INSTANCE;
    }
    at = pipe;
    Object value = NO_FINAL;
    for (Command command : pipe.commands()) {
      value = evalCommand(dot, command, value);
    }
    for (Expr.Variable variable : pipe.decls()) {
      if (pipe.assign()) {
        setVar(variable.name(), value);
      } else {
        push(variable.name(), value);
      }
    }
    return value;
  }

  private void notAFunction(Command command, Object last) throws TemplateExecutionException {
    if (!command.args().isEmpty() || last != NO_FINAL) {
      throw error("can't give argument to non-function " + command.head());
    }
  }

  /** {@code last} is the value piped in from the previous command, or {@link #NO_FINAL}. */
  private Object evalCommand(Object dot, Command command, Object last)
      throws TemplateExecutionException {
    Expr head = command.head();
    if (head instanceof FieldChain chain) {
      return evalChain(dot, chain, command.args(), last);
    }
    if (head instanceof Expr.Func func) {
      at = func;
      return evalCall(dot, func, command, command.args(), last);
    }
    if (head instanceof Pipeline pipe) {
      notAFunction(command, last);
      return nested(() -> evalPipeline(dot, pipe));
    }
    if (head instanceof Expr.Variable variable) {
      at = variable;
      Object value = varValue(variable.name());
      notAFunction(command, last);
      return value;
    }
    at = head;
    notAFunction(command, last);
    if (head instanceof Expr.Dot) {
      return dot;
    }
    if (head instanceof Expr.Nil) {
      throw error("nil is not a command");
    }
    return constant((Expr.Literal) head);
  }

  private Object constant(Expr.Literal literal) throws TemplateExecutionException {
    at = literal;
    if (literal.value() instanceof GoNumbers.Overflow overflow) {
      throw error(overflow.text() + " overflows int");
    }
    return literal.value();
  }

  /** A field chain on dot, on a variable or on another operand; {@code args} exclude the head. */
  private Object evalChain(Object dot, FieldChain chain, List<Expr> args, Object last)
      throws TemplateExecutionException {
    at = chain;
    Object receiver;
    Expr base = chain.receiver();
    if (base instanceof Expr.Dot) {
      receiver = dot;
    } else if (base instanceof Expr.Variable variable) {
      receiver = varValue(variable.name());
    } else if (base instanceof Expr.Nil) {
      throw error("indirection through explicit nil in " + chain);
    } else {
      receiver = evalArg(dot, null, base);
    }
    List<Field> fields = chain.fields();
    for (int i = 0; i < fields.size(); i++) {
      boolean lastField = i == fields.size() - 1;
      boolean hasArgs = lastField && (!args.isEmpty() || last != NO_FINAL);
      receiver = evalField(fields.get(i).name(), receiver, hasArgs);
    }
    return receiver;
  }

  private Object evalField(String name, Object receiver, boolean hasArgs)
      throws TemplateExecutionException {
    if (receiver == NoValue.INSTANCE) {
      return NoValue.INSTANCE;
    }
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      Object value = map.get(name);
      return value == null ? NoValue.INSTANCE : value;
    }
    throw error("can't evaluate field " + name + " in type " + Values.goType(receiver));
  }

  /**
   * {@code node} is what Go names when the function itself fails: the whole command, or the bare
   * function when it is an argument.
   */
  private Object evalCall(Object dot, Expr.Func func, Object node, List<Expr> args, Object last)
      throws TemplateExecutionException {
    Builtin builtin = func.builtin();
    String name = builtin.goName();
    int numIn = args.size() + (last != NO_FINAL ? 1 : 0);
    if (builtin.variadic()) {
      if (numIn < builtin.fixedArgs()) {
        throw error(
            "wrong number of args for "
                + name
                + ": want at least "
                + builtin.fixedArgs()
                + " got "
                + args.size());
      }
    } else if (numIn != builtin.fixedArgs()) {
      throw error(
          "wrong number of args for " + name + ": want " + builtin.fixedArgs() + " got " + numIn);
    }
    if (builtin == Builtin.AND || builtin == Builtin.OR) {
      Object value = NoValue.INSTANCE;
      for (Expr arg : args) {
        value = evalArg(dot, ParamType.VALUE, arg);
        if (Values.isTrue(value) == (builtin == Builtin.OR)) {
          return value;
        }
      }
      return last != NO_FINAL ? validate(last, ParamType.VALUE) : value;
    }
    List<Object> values = new ArrayList<>(numIn);
    for (int i = 0; i < args.size(); i++) {
      values.add(evalArg(dot, paramType(builtin, i), args.get(i)));
    }
    if (last != NO_FINAL) {
      values.add(validate(last, paramType(builtin, args.size())));
    }
    return callBuiltin(func, node, values);
  }

  private Object callBuiltin(Expr.Func func, Object node, List<Object> values)
      throws TemplateExecutionException {
    Object result;
    try {
      if (refuseFormatMarks && func.builtin() == Builtin.PRINTF) {
        GoFormat.Printed printed =
            GoFormat.printf(
                (String) values.get(0), values.subList(1, values.size()), GoTemplate.MAX_OUTPUT);
        if (printed.firstMark() != null) {
          at = func;
          throw error(
              "printf's format does not fit its arguments: Go prints "
                  + printed.firstMark()
                  + " into the output");
        }
        result = printed.text();
      } else {
        result = Builtins.call(func.builtin(), values, GoTemplate.MAX_OUTPUT);
      }
    } catch (CallError e) {
      at = node;
      throw error("error calling " + func.builtin().goName() + ": " + e.getMessage());
    }
    if (result instanceof String s) {
      printTotal += s.length();
      if (printTotal > GoTemplate.MAX_PRINT_TOTAL) {
        at = func;
        throw error(
            "functions built more than "
                + GoTemplate.MAX_PRINT_TOTAL
                + " characters of strings in one execution");
      }
    }
    return result;
  }

  private static ParamType paramType(Builtin builtin, int index) {
    if (builtin == Builtin.PRINTF && index == 0) {
      return ParamType.STRING;
    }
    return builtin.interfaceArgs() ? ParamType.ANY : ParamType.VALUE;
  }

  /** Go's evalArg: an operand evaluated for a parameter of the given type (null: no type). */
  private Object evalArg(Object dot, ParamType type, Expr expr) throws TemplateExecutionException {
    at = expr;
    if (expr instanceof Expr.Dot) {
      return validate(dot, type);
    }
    if (expr instanceof Expr.Nil) {
      if (type == ParamType.STRING) {
        throw error("cannot assign nil to string");
      }
      return type == ParamType.ANY ? null : NoValue.INSTANCE;
    }
    if (expr instanceof FieldChain chain) {
      return validate(evalChain(dot, chain, List.of(), NO_FINAL), type);
    }
    if (expr instanceof Expr.Variable variable) {
      at = variable;
      return validate(varValue(variable.name()), type);
    }
    if (expr instanceof Pipeline pipe) {
      return validate(nested(() -> evalPipeline(dot, pipe)), type);
    }
    if (expr instanceof Expr.Func func) {
      at = func;
      return validate(evalCall(dot, func, func, List.of(), NO_FINAL), type);
    }
    Expr.Literal literal = (Expr.Literal) expr;
    if (type == ParamType.STRING) {
      if (!(literal.value() instanceof String)) {
        throw error("expected string; found " + literal);
      }
      return literal.value();
    }
    return constant(literal);
  }

  /** Go's validateType for the builtins' parameter types. */
  private Object validate(Object value, ParamType type) throws TemplateExecutionException {
    if (value == NoValue.INSTANCE) {
      if (type == ParamType.STRING) {
        throw error("invalid value; expected string");
      }
      return type == ParamType.ANY ? null : NoValue.INSTANCE;
    }
    if (type == ParamType.STRING && !(value instanceof String)) {
      throw error("wrong type for value; expected string; got " + Values.goType(value));
    }
    return value;
  }

  private void push(String name, Object value) {
    varNames.add(name);
    varValues.add(value);
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private void setVar(String name, Object value) throws TemplateExecutionException {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        varValues.set(i, value);
        return;
      }
    }
    throw error("undefined variable: " + name);
  }

  private Object varValue(String name) throws TemplateExecutionException {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varValues.get(i);
      }
    }
    throw error("undefined variable: " + name);
  }

  /** fmt's %v of a value, as Go's messages print it. */
  private static String describe(Object value) {
    try {
      return GoFormat.sprint(List.of(value), GoTemplate.MAX_OUTPUT);
    } catch (CallError e) {
      return Values.goType(value);
    }
  }

  private TemplateExecutionException error(String detail) {
    int offset;
    String context;
    if (at instanceof Node node) {
      offset = node.offset();
      context = node.toString();
    } else if (at instanceof Expr expr) {
      offset = expr.offset();
      context = expr == escapedPipe ? expr + escaperSuffix : expr.toString();
    } else {
      Command command = (Command) at;
      offset = command.offset();
      context = command.toString();
    }
    return new TemplateExecutionException(text, offset, detail, templateName, context, false);
  }
}
