package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import io.alertforge.gotemplate.Expr.FieldChain;
import io.alertforge.gotemplate.Expr.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the params a template references by following where the root map can flow: into dot (at the
 * top level and inside {@code with} of the root), through {@code $}, and through {@code index},
 * {@code and}, {@code or} and parentheses, which can return it unchanged. See {@link
 * ParamReferences} for what counts.
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
  }

  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private boolean dynamic;

  private ReferenceAnalyzer() {}

  static ParamReferences analyze(List<Node> nodes) {
    ReferenceAnalyzer analyzer = new ReferenceAnalyzer();
    analyzer.nodes(nodes, Flow.ROOT);
    return new ParamReferences(analyzer.keys, analyzer.dynamic);
  }

  private void nodes(List<Node> nodes, Flow dot) {
    for (Node node : nodes) {
      if (node instanceof Node.Action action) {
        observeWhole(pipeline(action.pipeline(), dot));
      } else if (node instanceof Node.Conditional conditional) {
        for (Node.Branch branch : conditional.branches()) {
          Flow value = pipeline(branch.condition(), dot);
          nodes(branch.body(), conditional.with() ? value : dot);
        }
        nodes(conditional.otherwise(), dot);
      }
    }
  }

  private Flow pipeline(Pipeline pipeline, Flow dot) {
    Flow last = null;
    for (Command command : pipeline.commands()) {
      last = command(command, dot, last);
    }
    return last;
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
    if (expr instanceof Expr.Root) {
      return Flow.ROOT;
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

  /** The root map printed, measured or compared: every key may matter. */
  private void observeWhole(Flow flow) {
    if (flow.mayBeRoot()) {
      dynamic = true;
    }
  }
}
