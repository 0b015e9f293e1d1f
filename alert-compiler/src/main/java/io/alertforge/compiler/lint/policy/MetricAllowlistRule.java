package io.alertforge.compiler.lint.policy;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Queries;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.wql.Expr;
import io.alertforge.wql.Trees;
import java.util.List;
import java.util.Map;

/** The metrics a rendered query reads must be allowed, and not denied, in its namespace. */
public final class MetricAllowlistRule extends LintRule<MetricAllowlistRule.Options> {

  record Options(NamespacedGlobs allow, NamespacedGlobs deny) {}

  public MetricAllowlistRule() {
    super(
        Rule.configurable(
                "policy/metric-allowlist",
                Severity.ERROR,
                "A query reads a metric that its namespace may not query.")
            .withDescription(
                """
                Reads the metric names of `ts()`, `cs()` and `hs()` (and of the selector arguments of
                the series filters `retainSeries`, `removeSeries`, `globalFilter`, `filter`) in the
                rendered `condition` and `displayExpression`, from the parsed query: every metric
                name of a selector, not a filter's key or value, quoted names unquoted, wildcards
                kept. A query that is not valid WQL is reported, as what it reads cannot be
                checked. Each must match an `allow` glob (when
                any is set for the namespace) and no `deny` glob. A wildcard query name is compared
                as written, so `ts(kube*)` is not allowed by `kubernetes.*`. A `/regex/` metric
                cannot be checked and is reported whenever allow globs apply. Limits what each team
                can read, as the security guide asks.""")
            .withExample(
                """
                # alertforge.yaml
                rules:
                  policy/metric-allowlist:
                    options:
                      namespaces:
                        payments: {allow: ["kubernetes.*"]}
                # payments/templates/revenue.yaml
                  condition: ts(billing.revenue) < {{ .floor }}""",
                "condition: ts(kubernetes.pod_container.cpu.usage_rate, app=\"{{ .app }}\")"
                    + " > {{ .threshold }}")
            .withOptions(
                Map.of(
                    "allow", "metric globs every namespace may read (`*` matches any characters)",
                    "deny", "metric globs no namespace may read, whatever `allow` says (e.g. `~*`)",
                    "namespaces",
                        "per namespace: `{allow: [...], deny: [...]}`, added to the lists above")));
  }

  @Override
  public Options options(RuleOptions options) {
    return new Options(NamespacedGlobs.of(options, "allow"), NamespacedGlobs.of(options, "deny"));
  }

  @Override
  public void check(LintContext context, Options options, Findings findings) {
    if (!options.allow().configured() && !options.deny().configured()) {
      return;
    }
    for (RenderedAlert alert : context.alerts()) {
      List<Glob> allow = options.allow().forNamespace(alert.namespace());
      List<Glob> deny = options.deny().forNamespace(alert.namespace());
      for (String field : Queries.queryFields(alert)) {
        Queries.Parsed query = Queries.parse(alert, field);
        if (query.error() != null) {
          int at = query.error().offset();
          findings.report(
              alert,
              query.locate(alert, at, query.text().length() - at),
              Queries.label(field)
                  + " is not valid WQL ("
                  + query.errorText()
                  + "), so the metrics it reads cannot be checked for namespace "
                  + alert.namespace()
                  + "; fix the query");
          continue;
        }
        if (query.absent()) {
          continue;
        }
        for (Expr.Metric metric : Trees.metrics(query.query().root())) {
          String name = name(metric);
          String problem = problem(metric, name, allow, deny);
          if (problem != null) {
            findings.report(
                alert,
                locate(alert, query, metric),
                Queries.label(field)
                    + " reads metric '"
                    + name
                    + "', which "
                    + problem
                    + " for namespace "
                    + alert.namespace()
                    + "; query an allowed metric, or add it to rules.policy/metric-allowlist in"
                    + " alertforge.yaml");
          }
        }
      }
    }
  }

  /** At the metric's name: inside the quotes of a quoted one. */
  private static SourcePosition locate(
      RenderedAlert alert, Queries.Parsed query, Expr.Metric metric) {
    int quotes = metric.form() == Expr.Form.QUOTED ? 1 : 0;
    return query.locate(
        alert, metric.span().offset() + quotes, metric.span().length() - 2 * quotes);
  }

  /** The metric as the allow and deny globs see it: unquoted; a regex with its slashes. */
  private static String name(Expr.Metric metric) {
    return switch (metric.form()) {
      case REGEX -> "/" + metric.name() + "/";
      case VARIABLE -> "${" + metric.name() + "}";
      default -> metric.name();
    };
  }

  private static String problem(
      Expr.Metric metric, String name, List<Glob> allow, List<Glob> deny) {
    if (NamespacedGlobs.any(deny, name)) {
      return "is denied";
    }
    if (allow.isEmpty()) {
      return null;
    }
    if (metric.form() == Expr.Form.REGEX) {
      return "is a regular expression that cannot be checked against the allow list ("
          + NamespacedGlobs.list(allow)
          + ")";
    }
    return NamespacedGlobs.any(allow, name)
        ? null
        : "is not on the allow list (" + NamespacedGlobs.list(allow) + ")";
  }
}
