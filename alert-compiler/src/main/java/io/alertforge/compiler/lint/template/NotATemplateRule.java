package io.alertforge.compiler.lint.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.RenderedAlert;

/**
 * {@code {{} in a rendered standalone alert: it has no exportedParams, so it is never templated and
 * the braces reach Wavefront literally. Its findings concern no namespace (as when the renderer
 * reported them), so {@code namespaces} in alertforge.yaml does not narrow this rule.
 */
public final class NotATemplateRule extends LintRule<Void> {

  public NotATemplateRule() {
    super(
        Rule.configurable(
                "template/not-a-template",
                Severity.WARNING,
                "A standalone WavefrontAlert contains {{ }}, which reaches Wavefront literally.")
            .withExample(
                "  alertName: \"{{ .app }} heartbeat\"   # no exportedParams",
                "  alertName: \"settlement heartbeat\""));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    for (RenderedAlert alert : context.alerts()) {
      if (!alert.isInstance()) {
        alert
            .spec()
            .fields()
            .forEachRemaining(
                field -> {
                  JsonNode value = field.getValue();
                  if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                      check(alert, field.getKey() + "/" + i, value.get(i), findings);
                    }
                  } else {
                    check(alert, field.getKey(), value, findings);
                  }
                });
      }
    }
  }

  /** A standalone alert's fields are its source's, so the braces are found in the source text. */
  private static void check(RenderedAlert alert, String field, JsonNode value, Findings findings) {
    int braces = value.isTextual() ? value.asText().indexOf("{{") : -1;
    if (braces >= 0) {
      findings.report(
          alert.field(field).at(braces),
          null,
          "'{{' in a standalone WavefrontAlert (no exportedParams) is sent to Wavefront literally;"
              + " make it a template with exportedParams, or remove the braces");
    }
  }
}
