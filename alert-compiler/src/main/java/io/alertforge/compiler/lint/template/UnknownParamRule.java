package io.alertforge.compiler.lint.template;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.TemplateUses;
import io.alertforge.compiler.schema.FieldPaths;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A param a template uses that it does not export and that no source supplies for an AlertsConfig
 * entry (neither the entry's params, the globalParams nor the template's defaults). keikoproj
 * renders it as the empty string, and so does the renderer: the alert renders, and only where the
 * empty value makes it invalid (an empty condition, say) is that an error, of the rendered schema
 * check. An exported param that is not supplied is {@code template/missing-param}, an error, as
 * keikoproj refuses it. An entry whose params a schema error hides is not judged. Its findings
 * concern no namespace (as when the renderer reported them), so {@code namespaces} in
 * alertforge.yaml does not narrow this rule.
 */
public final class UnknownParamRule extends LintRule<Void> {

  public UnknownParamRule() {
    super(
        Rule.configurable(
                "template/unknown-param",
                Severity.WARNING,
                "A template uses a param that no source supplies (it renders empty, as in"
                    + " keikoproj).")
            .withDescription(
                "A param a template field uses (`{{ .team }}`) that the template does not export,"
                    + " and that neither the AlertsConfig entry's params, its globalParams nor the"
                    + " template's exportedParamsDefaultValues supply. keikoproj renders it as the"
                    + " empty string, and so does AlertForge, so the alert is still rendered; if"
                    + " the empty value makes a field invalid (an empty condition), that is an"
                    + " error of the rendered schema check, at the param's use. An exported param"
                    + " that is not supplied is `template/missing-param`, an error.")
            .withExample(
                "  alertName: \"{{ .ap }} cpu\"   # no source supplies ap",
                "  alertName: \"{{ .app }} cpu\""));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    TemplateUses uses = context.templateUses();
    uses.entries()
        .forEach(
            (config, templates) ->
                templates.forEach(
                    (entry, template) -> {
                      if (!uses.paramsHidden(config, entry)) {
                        checkEntry(config, entry, template, findings);
                      }
                    }));
  }

  private static void checkEntry(
      AlertSource config, String entry, TemplateUses.Template template, Findings findings) {
    String entryPointer = "/spec/alerts/" + FieldPaths.escape(entry);
    Set<String> supplied = new LinkedHashSet<>();
    template
        .source()
        .spec()
        .path("exportedParamsDefaultValues")
        .fieldNames()
        .forEachRemaining(supplied::add);
    config
        .document()
        .content()
        .at("/spec/globalParams")
        .fieldNames()
        .forEachRemaining(supplied::add);
    config
        .document()
        .content()
        .at(entryPointer + "/params")
        .fieldNames()
        .forEachRemaining(supplied::add);
    Set<String> exported = template.exported();
    for (Map.Entry<String, String> use : template.firstUse().entrySet()) {
      String param = use.getKey();
      if (supplied.contains(param) || exported.contains(param)) {
        continue;
      }
      findings.report(
          config.document().keyAt(entryPointer),
          null,
          "template "
              + entry
              + " uses param '"
              + param
              + "' (at "
              + use.getValue()
              + "), but no source supplies it for this entry, and keikoproj would render it as an"
              + " empty string; add it to params or globalParams, or give the template a default"
              + FieldPaths.didYouMean(param, supplied));
    }
  }
}
