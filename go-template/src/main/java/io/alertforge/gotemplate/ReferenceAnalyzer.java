package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import io.alertforge.gotemplate.Expr.FieldChain;
import io.alertforge.gotemplate.Expr.Pipeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the params a template references by following where the root map can flow: into dot (at the
 * top level, inside {@code with} of the root, and into a template called with it), into variables
 * ({@code $} and those declared or assigned from it), and through {@code index}, {@code and},
 * {@code or} and parentheses, which can return it unchanged. Only the templates the main one can
 * call are followed. See {@link ParamReferences} for what counts.
 */
final class ReferenceAnalyzer {

  /** Whether a value is the root params map: certainly, possibly (e.g. {@code or .x .}), or not. */
  private enum Flow {
    NONE,
    ROOT,
    MAYBE_ROOT;

    boolean mayBeRoot() {
      return this != NONE;
    }

    Flow join(Flow other) {
      return this == other ? this : this == NONE && other == NONE ? NONE : MAYBE_ROOT;
    }
  }

  private final Map<String, List<Node>> templates;
  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private final Set<String> visited = new HashSet<>();
  private boolean dynamic;

  /** The variables in scope, innermost last, with the flow of their values so far. */
  private List<String> varNames = new ArrayList<>();

  private List<Flow> varFlows = new ArrayList<>();

  private ReferenceAnalyzer(Map<String, List<Node>> templates) {
    this.templates = templates;
  }

  static ParamReferences analyze(Map<String, List<Node>> templates) {
    ReferenceAnalyzer analyzer = new ReferenceAnalyzer(templates);
    analyzer.template(Parser.MAIN_NAME, Flow.ROOT);
    return new ParamReferences(analyzer.keys, analyzer.dynamic);
  }

  /** A template's body with dot and $ as given; each template is followed once per flow. */
  private void template(String name, Flow dot) {
    List<Node> body = templates.get(name);
    if (body == null || !visited.add(name + "\0" + dot)) {
      return;
    }
    List<String> outerNames = varNames;
    List<Flow> outerFlows = varFlows;
    varNames = new ArrayList<>(List.of("$"));
    varFlows = new ArrayList<>(List.of(dot));
    nodes(body, dot);
    varNames = outerNames;
    varFlows = outerFlows;
  }

  private void nodes(List<Node> nodes, Flow dot) {
    for (Node node : nodes) {
      if (node instanceof Node.Action action) {
        Flow value = pipeline(action.pipeline(), dot);
        if (action.pipeline().decls().isEmpty()) {
          observeWhole(value);
        }
      } else if (node instanceof Node.Conditional conditional) {
        int mark = varNames.size();
        for (Node.Branch branch : conditional.branches()) {
          Flow value = pipeline(branch.condition(), dot);
          nodes(branch.body(), conditional.with() ? value : dot);
        }
        nodes(conditional.otherwise(), dot);
        pop(mark);
      } else if (node instanceof Node.Range range) {
        range(range, dot);
      } else if (node instanceof Node.Call call) {
        template(call.name(), call.pipeline() == null ? Flow.NONE : pipeline(call.pipeline(), dot));
      }
    }
  }

  /**
   * Ranging over the root uses every key. The body runs again while it changes what the variables
   * of outer scopes may hold, since a later iteration sees what an earlier one assigned.
   */
  private void range(Node.Range range, Flow dot) {
    int mark = varNames.size();
    Flow value = pipeline(range.pipeline(), dot);
    observeWhole(value);
    int declared = varNames.size();
    for (int i = mark; i < declared; i++) {
      varFlows.set(i, Flow.NONE);
    }
    List<Flow> before;
    do {
      before = new ArrayList<>(varFlows);
      nodes(range.body(), Flow.NONE);
    } while (!before.equals(varFlows));
    for (int i = mark; i < declared; i++) {
      varFlows.set(i, value);
    }
    nodes(range.otherwise(), dot);
    pop(mark);
  }

  private Flow pipeline(Pipeline pipeline, Flow dot) {
    Flow last = null;
    for (Command command : pipeline.commands()) {
      last = command(command, dot, last);
    }
    for (Expr.Variable variable : pipeline.decls()) {
      if (pipeline.assign()) {
        assign(variable.name(), last);
      } else {
        varNames.add(variable.name());
        varFlows.add(last);
      }
    }
    return last;
  }

  private void assign(String name, Flow flow) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        varFlows.set(i, varFlows.get(i).join(flow));
        return;
      }
    }
  }

  private Flow variable(String name) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varFlows.get(i);
      }
    }
    return Flow.NONE;
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varFlows.remove(varFlows.size() - 1);
    }
  }

  /** {@code last} is the flow of the piped-in value, or null when there is none. */
  private Flow command(Command command, Flow dot, Flow last) {
    if (command.head() instanceof Expr.Func func) {
      return call(func.builtin(), command.args(), dot, last);
    }
    for (Expr arg : command.args()) {
      expr(arg, dot);
    }
    return expr(command.head(), dot);
  }

  private Flow expr(Expr expr, Flow dot) {
    if (expr instanceof Expr.Dot) {
      return dot;
    }
    if (expr instanceof Expr.Variable variable) {
      return variable(variable.name());
    }
    if (expr instanceof FieldChain chain) {
      if (expr(chain.receiver(), dot).mayBeRoot()) {
        Expr.Field first = chain.fields().get(0);
        keys.putIfAbsent(first.name(), first.offset());
      }
      return Flow.NONE;
    }
    if (expr instanceof Pipeline pipeline) {
      return pipeline(pipeline, dot);
    }
    if (expr instanceof Expr.Func func) {
      return call(func.builtin(), List.of(), dot, null);
    }
    return Flow.NONE;
  }

  private Flow call(Builtin builtin, List<Expr> args, Flow dot, Flow last) {
    List<Flow> flows = new ArrayList<>(args.size() + 1);
    for (Expr arg : args) {
      flows.add(expr(arg, dot));
    }
    if (last != null) {
      flows.add(last);
    }
    switch (builtin) {
      case INDEX:
        return index(args, flows);
      case AND, OR:
        return either(flows);
      case NOT:
        return Flow.NONE;
      default:
        flows.forEach(this::observeWhole);
        return Flow.NONE;
    }
  }

  /**
   * {@code index m} is m itself; {@code index m "k" ...} reads key k; any other key is unknowable.
   */
  private Flow index(List<Expr> args, List<Flow> flows) {
    if (flows.isEmpty()) {
      return Flow.NONE;
    }
    if (flows.size() == 1) {
      return flows.get(0);
    }
    if (flows.get(0).mayBeRoot()) {
      if (args.size() >= 2
          && args.get(1) instanceof Expr.Literal key
          && key.value() instanceof String name) {
        keys.putIfAbsent(name, key.offset());
      } else {
        dynamic = true;
      }
    }
    return Flow.NONE;
  }

  /** and/or return one of their operands. */
  private static Flow either(List<Flow> flows) {
    boolean anyRoot = flows.stream().anyMatch(Flow::mayBeRoot);
    boolean allRoot = !flows.isEmpty() && flows.stream().allMatch(flow -> flow == Flow.ROOT);
    return allRoot ? Flow.ROOT : anyRoot ? Flow.MAYBE_ROOT : Flow.NONE;
  }

  /** The root map printed, measured, compared or ranged over: every key may matter. */
  private void observeWhole(Flow flow) {
    if (flow.mayBeRoot()) {
      dynamic = true;
    }
  }
}
