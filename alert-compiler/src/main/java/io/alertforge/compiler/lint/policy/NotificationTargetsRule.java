package io.alertforge.compiler.lint.policy;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Origins;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;
import java.util.Map;

/** Every notification target of a rendered alert is approved for its namespace. */
public final class NotificationTargetsRule extends LintRule<NamespacedGlobs> {

  public NotificationTargetsRule() {
    super(
        Rule.configurable(
                "policy/notification-targets",
                Severity.ERROR,
                "An alert notifies a target that its namespace is not approved to notify.")
            .withDescription(
                """
                Splits the rendered `target` at commas; each entry (an email, `pd:<key>`,
                `target:<id>`) must match a glob approved for the alert's namespace: an exact value,
                an email domain such as `*@payments.example.com`, or `target:*`. This is the
                multi-tenancy rule: team A cannot page team B. Once the rule has options, a
                namespace without an approved list can notify nobody.""")
            .withExample(
                """
                # alertforge.yaml
                rules:
                  policy/notification-targets:
                    options:
                      namespaces:
                        checkout: {allow: ["*@checkout.example.com"]}
                # checkout/templates/http.yaml (namespace checkout)
                  target: payments-oncall@example.com""",
                """
                target: oncall@checkout.example.com""")
            .withOptions(
                Map.of(
                    "allow", "target globs every namespace may notify",
                    "namespaces", "per namespace: `{allow: [...]}`, added to the list above")));
  }

  @Override
  public NamespacedGlobs options(RuleOptions options) {
    return NamespacedGlobs.of(options, "allow");
  }

  @Override
  public void check(LintContext context, NamespacedGlobs approved, Findings findings) {
    if (!approved.configured()) {
      return;
    }
    for (RenderedAlert alert : context.alerts()) {
      List<Glob> allowed = approved.forNamespace(alert.namespace());
      for (String entry : alert.spec().path("target").asText("").split(",")) {
        String target = entry.strip();
        if (!target.isEmpty() && !NamespacedGlobs.any(allowed, target)) {
          findings.report(
              alert,
              Origins.locate(alert, "target", target),
              "target '"
                  + target
                  + "' is not approved for namespace "
                  + alert.namespace()
                  + (allowed.isEmpty()
                      ? ", which has no approved targets"
                      : " (approved: " + NamespacedGlobs.list(allowed) + ")")
                  + "; notify your own team's targets, or approve this one in"
                  + " rules.policy/notification-targets of alertforge.yaml");
        }
      }
    }
  }
}
