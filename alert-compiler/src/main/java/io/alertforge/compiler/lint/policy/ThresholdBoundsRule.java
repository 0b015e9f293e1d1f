package io.alertforge.compiler.lint.policy;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Queries;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.wql.BinaryOperator;
import io.alertforge.wql.Expr;
import io.alertforge.wql.Trees;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The constant a condition compares with stays within the documented range for its metric. */
public final class ThresholdBoundsRule extends LintRule<List<ThresholdBoundsRule.Bound>> {

  record Bound(Glob metric, double min, double max) {}

  public ThresholdBoundsRule() {
    super(
        Rule.configurable(
                "policy/threshold-bounds",
                Severity.WARNING,
                "A condition's threshold is outside the documented range for its metric.")
            .withDescription(
                """
                Documents standard thresholds: for each `bounds` entry, wherever a rendered
                `condition` compares (`>`, `>=`, `<`, `<=`) a series that reads a metric matching
                `metric` with a constant, the constant must be between `min` and `max`. Each
                comparison is read from the parsed query with the metrics of its own series: in
                `ts(a) > 99 or ts(b) > 1`, 99 is compared with `a` and 1 with `b`; numbers in
                metric names, filters and windows are not thresholds. The finding points at the
                param that supplied the constant, or at the template text. A condition that is not
                valid WQL is not checked here (`policy/metric-allowlist` reports it).""")
            .withExample(
                """
                # alertforge.yaml
                rules:
                  policy/threshold-bounds:
                    options:
                      bounds: [{metric: "kubernetes.pod_container.cpu.*", min: 50, max: 95}]
                # payments/apps/payments-api.yaml
                    pod-cpu-high:
                      params: {threshold: "99"}""",
                """
                params: {threshold: "80"}""")
            .withOptions(
                Map.of("bounds", "a list of `{metric: <glob>, min: <number>, max: <number>}`")));
  }

  @Override
  public List<Bound> options(RuleOptions options) {
    return options.list("bounds").stream()
        .map(
            b -> {
              Bound bound =
                  new Bound(
                      Glob.value(b.text("metric")),
                      b.number("min", Double.NEGATIVE_INFINITY),
                      b.number("max", Double.POSITIVE_INFINITY));
              if (bound.min() > bound.max()) {
                b.error(null, "min is above max in the bounds of " + bound.metric().text());
              }
              return bound;
            })
        .toList();
  }

  private static final Set<BinaryOperator> RELATIONAL =
      Set.of(
          BinaryOperator.GREATER,
          BinaryOperator.GREATER_OR_EQUAL,
          BinaryOperator.LESS,
          BinaryOperator.LESS_OR_EQUAL);

  @Override
  public void check(LintContext context, List<Bound> bounds, Findings findings) {
    if (bounds.isEmpty()) {
      return;
    }
    for (RenderedAlert alert : context.alerts()) {
      for (String field : Queries.conditionFields(alert)) {
        Queries.Parsed condition = Queries.parse(alert, field);
        if (condition.query() == null) {
          continue;
        }
        for (Expr.Binary comparison : Trees.all(condition.query().root(), Expr.Binary.class)) {
          if (RELATIONAL.contains(comparison.operator())) {
            check(alert, condition, comparison, bounds, findings);
          }
        }
      }
    }
  }

  /** One comparison of a series with a constant, against every bound. */
  private static void check(
      RenderedAlert alert,
      Queries.Parsed condition,
      Expr.Binary comparison,
      List<Bound> bounds,
      Findings findings) {
    boolean constantRight = Trees.constantValue(comparison.right()) != null;
    Expr constant = constantRight ? comparison.right() : comparison.left();
    Expr series = constantRight ? comparison.left() : comparison.right();
    Double value = Trees.constantValue(constant);
    if (value == null || !Trees.readsSeries(series)) {
      return;
    }
    List<Expr.Metric> metrics = Trees.metrics(series);
    for (Bound bound : bounds) {
      Expr.Metric metric =
          metrics.stream().filter(m -> bound.metric().matches(m.name())).findFirst().orElse(null);
      if (metric != null && (value < bound.min() || value > bound.max())) {
        String number = constant.span().of(condition.text());
        findings.report(
            alert,
            condition.locate(alert, constant.span().offset(), constant.span().length()),
            Queries.label(condition.field())
                + " compares "
                + metric.name()
                + " with "
                + number
                + ", outside the documented range ("
                + range(bound)
                + ")"
                + " for "
                + bound.metric().text()
                + "; use a standard threshold, or change policy/threshold-bounds in"
                + " alertforge.yaml after review");
      }
    }
  }

  private static String range(Bound bound) {
    if (Double.isInfinite(bound.min())) {
      return "at most " + format(bound.max());
    }
    if (Double.isInfinite(bound.max())) {
      return "at least " + format(bound.min());
    }
    return format(bound.min()) + ".." + format(bound.max());
  }

  private static String format(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }
}
