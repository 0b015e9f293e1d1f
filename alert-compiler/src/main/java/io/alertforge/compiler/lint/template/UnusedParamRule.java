package io.alertforge.compiler.lint.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.TemplateUses;
import io.alertforge.compiler.schema.FieldPaths;
import java.util.Set;

/**
 * A param that is supplied or exported but never used: an exported param or a default no field of
 * its template uses, an entry's param its template does not use, and a globalParam no template of
 * its AlertsConfig uses. A supplied param whose name is near one the template uses or exports is
 * {@link MisspelledParamRule}'s instead. A template that uses params in a way whose keys cannot be
 * listed may use any, so it and the AlertsConfigs that use it are not checked. Its findings concern
 * no namespace (as when the renderer reported them), so {@code namespaces} in alertforge.yaml does
 * not narrow this rule.
 */
public final class UnusedParamRule extends LintRule<Void> {

  public UnusedParamRule() {
    super(
        Rule.configurable(
                "template/unused-param",
                Severity.WARNING,
                "A supplied or exported param is never used.")
            .withExample(
                "    cpu-high:\n      params: {app: web, owner: payments}",
                "    cpu-high:\n      params: {app: web}"));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    TemplateUses uses = context.templateUses();
    for (TemplateUses.Template template : uses.templates()) {
      if (!template.dynamic()) {
        checkTemplate(template, findings);
      }
    }
    UnusedSuppliedParams.of(uses).forEach(unused -> checkSupplied(unused, findings));
  }

  private static void checkTemplate(TemplateUses.Template template, Findings findings) {
    AlertSource source = template.source();
    JsonNode exportedParams = source.spec().path("exportedParams");
    for (int i = 0; i < exportedParams.size(); i++) {
      String param = exportedParams.get(i).asText();
      if (!template.used().contains(param)) {
        findings.report(
            source.document().valueAt("/spec/exportedParams/" + i),
            null,
            "exported param '"
                + param
                + "' is never used by template "
                + source.name()
                + "; use it in a field as {{ ."
                + param
                + " }} or remove it from exportedParams");
      }
    }
    Set<String> exported = template.exported();
    source
        .spec()
        .path("exportedParamsDefaultValues")
        .fieldNames()
        .forEachRemaining(
            param -> {
              if (!template.used().contains(param) && !exported.contains(param)) {
                findings.report(
                    source
                        .document()
                        .keyAt("/spec/exportedParamsDefaultValues/" + FieldPaths.escape(param)),
                    null,
                    "default for param '"
                        + param
                        + "' is never used by template "
                        + source.name()
                        + "; remove it");
              }
            });
  }

  /** An entry's or globalParams' param nothing uses, unless it is near a name in use. */
  private static void checkSupplied(UnusedSuppliedParams.Unused unused, Findings findings) {
    if (unused.nearMatch() != null) {
      return; // template/misspelled-param's
    }
    findings.report(
        unused.config().document().keyAt(unused.key()),
        null,
        unused.template() == null
            ? "global param '"
                + unused.param()
                + "' is not used by any template of AlertsConfig "
                + unused.config().name()
                + FieldPaths.didYouMean(unused.param(), unused.known())
                + "; remove it or check its spelling"
            : "param '"
                + unused.param()
                + "' is not used by template "
                + unused.template().source().name()
                + FieldPaths.didYouMean(unused.param(), unused.template().used())
                + "; remove it or check its spelling");
  }
}
