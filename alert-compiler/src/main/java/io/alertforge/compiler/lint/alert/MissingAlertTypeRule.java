package io.alertforge.compiler.lint.alert;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.AlertSource;

/**
 * A WavefrontAlert without alertType: keikoproj's controller fails on it, AlertForge renders it as
 * CLASSIC. Its findings concern no namespace (as when the renderer reported them), so {@code
 * namespaces} in alertforge.yaml does not narrow this rule.
 */
public final class MissingAlertTypeRule extends LintRule<Void> {

  public MissingAlertTypeRule() {
    super(
        Rule.configurable(
                "alert/missing-alert-type",
                Severity.WARNING,
                "alertType is not set: keikoproj's controller rejects that, AlertForge renders"
                    + " CLASSIC.")
            .withExample(
                "spec:\n  alertName: cpu", "spec:\n  alertType: CLASSIC\n  alertName: cpu"));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    for (AlertSource alert : context.repository().wavefrontAlerts()) {
      // a schema error elsewhere does not hide this; one in the spec itself would only repeat it
      if (!alert.brokenAt("/spec/alertType") && alert.spec().path("alertType").isMissingNode()) {
        findings.report(
            alert.document().keyAt("/spec"),
            null,
            "WavefrontAlert "
                + alert.qualifiedName()
                + " has no alertType: keikoproj's controller fails on that"
                + " ('invalid alert type: '); rendered as CLASSIC. Add 'alertType: CLASSIC'");
      }
    }
  }
}
