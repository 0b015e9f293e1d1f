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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A param that is supplied or exported but never used: an exported param or a default no field of
 * its template uses, an entry's param its template does not use, and a globalParam no template of
 * its AlertsConfig uses. A template that uses params in a way whose keys cannot be listed may use
 * any, so it and the AlertsConfigs that use it are not checked. Its findings concern no namespace
 * (as when the renderer reported them), so {@code namespaces} in alertforge.yaml does not narrow
 * this rule.
 */
public final class UnusedParamRule extends LintRule<Void> {

  public UnusedParamRule() {
    super(
        Rule.configurable(
                "template/unused-param",
                Severity.WARNING,
                "A supplied or exported param is never used.")
            .withExample(
                "    cpu-high:\n      params: {app: web, treshold: \"90\"}",
                "    cpu-high:\n      params: {app: web, threshold: \"90\"}"));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    TemplateUses uses = context.templateUses();
    for (TemplateUses.Template template : uses.templates()) {
      if (!template.dynamic()) {
        checkTemplate(template, findings);
      }
    }
    uses.entries().forEach((config, templates) -> checkConfig(config, templates, findings));
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

  /**
   * The entries' params, and the globalParams: those can only be told unused when every entry's
   * template is known and lists the params it uses.
   */
  private static void checkConfig(
      AlertSource config, Map<String, TemplateUses.Template> templates, Findings findings) {
    Set<String> used = new LinkedHashSet<>();
    boolean known = true;
    var entries = config.spec().path("alerts").fieldNames();
    while (entries.hasNext()) {
      String entry = entries.next();
      TemplateUses.Template template = templates.get(entry);
      if (template == null) {
        known = false;
        continue;
      }
      used.addAll(template.used());
      used.addAll(template.exported());
      known &= !template.dynamic();
      if (!template.dynamic()) {
        checkEntry(
            config, "/spec/alerts/" + FieldPaths.escape(entry) + "/params", template, findings);
      }
    }
    if (known) {
      config
          .spec()
          .path("globalParams")
          .fieldNames()
          .forEachRemaining(
              param -> {
                if (!used.contains(param)) {
                  findings.report(
                      config.document().keyAt("/spec/globalParams/" + FieldPaths.escape(param)),
                      null,
                      "global param '"
                          + param
                          + "' is not used by any template of AlertsConfig "
                          + config.name()
                          + FieldPaths.didYouMean(param, used)
                          + "; remove it or check its spelling");
                }
              });
    }
  }

  private static void checkEntry(
      AlertSource config, String params, TemplateUses.Template template, Findings findings) {
    Set<String> exported = template.exported();
    config
        .document()
        .content()
        .at(params)
        .fieldNames()
        .forEachRemaining(
            param -> {
              if (!template.used().contains(param) && !exported.contains(param)) {
                findings.report(
                    config.document().keyAt(params + "/" + FieldPaths.escape(param)),
                    null,
                    "param '"
                        + param
                        + "' is not used by template "
                        + template.source().name()
                        + FieldPaths.didYouMean(param, template.used())
                        + "; remove it or check its spelling");
              }
            });
  }
}
