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

/** The metrics a rendered query reads must be allowed, and not denied, in its namespace. */
public final class MetricAllowlistRule extends LintRule<MetricAllowlistRule.Options> {

  record Options(NamespacedGlobs allow, NamespacedGlobs deny) {}

  static final List<String> QUERY_FIELDS = List.of("condition", "displayExpression");

  public MetricAllowlistRule() {
    super(
        Rule.configurable(
                "policy/metric-allowlist",
                Severity.ERROR,
                "A query reads a metric that its namespace may not query.")
            .withDescription(
                """
                Extracts the metric names from `ts()`, `cs()` and `hs()` (and the series filters
                `retainSeries`, `removeSeries`, `globalFilter`, `filter`) in the rendered
                `condition` and `displayExpression`: every atom that is not a side of `=`, `!=` or
                `?=`, quoted names unquoted, wildcards kept. Each must match an `allow` glob (when
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
      for (String field : QUERY_FIELDS) {
        String query = alert.spec().path(field).asText("");
        for (WqlQuery.Metric metric : WqlQuery.parse(query).metrics()) {
          String problem = problem(metric, allow, deny);
          if (problem != null) {
            findings.report(
                alert,
                Origins.locate(alert, field, metric.name()),
                field
                    + " reads metric '"
                    + metric.name()
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

  private static String problem(WqlQuery.Metric metric, List<Glob> allow, List<Glob> deny) {
    if (NamespacedGlobs.any(deny, metric.name())) {
      return "is denied";
    }
    if (allow.isEmpty()) {
      return null;
    }
    if (metric.regex()) {
      return "is a regular expression that cannot be checked against the allow list ("
          + NamespacedGlobs.list(allow)
          + ")";
    }
    return NamespacedGlobs.any(allow, metric.name())
        ? null
        : "is not on the allow list (" + NamespacedGlobs.list(allow) + ")";
  }
}
