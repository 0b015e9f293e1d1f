package io.alertforge.compiler.lint.policy;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Origins;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.lint.wql.WqlQuery;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;
import java.util.Map;

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
                Documents standard thresholds: for each `bounds` entry, a rendered `condition` that
                reads a metric matching `metric` must compare (`>`, `>=`, `<`, `<=`) only with
                constants between `min` and `max`. The finding points at the param that supplied the
                constant, or at the template text.""")
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

  @Override
  public void check(LintContext context, List<Bound> bounds, Findings findings) {
    if (bounds.isEmpty()) {
      return;
    }
    for (RenderedAlert alert : context.alerts()) {
      WqlQuery query = WqlQuery.parse(alert.spec().path("condition").asText(""));
      if (query.comparisons().isEmpty()) {
        continue;
      }
      for (Bound bound : bounds) {
        String metric = null;
        for (WqlQuery.Metric m : query.metrics()) {
          if (metric == null && bound.metric().matches(m.name())) {
            metric = m.name();
          }
        }
        if (metric == null) {
          continue;
        }
        for (WqlQuery.Comparison comparison : query.comparisons()) {
          if (comparison.value() < bound.min() || comparison.value() > bound.max()) {
            findings.report(
                alert,
                Origins.locate(alert, "condition", comparison.number()),
                "condition compares "
                    + metric
                    + " with "
                    + comparison.number()
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
