package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.schema.SchemaViolation;
import io.alertforge.gotemplate.TemplateExecutionException;
import io.alertforge.model.Annotations;
import io.alertforge.model.RenamedFrom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders one AlertsConfig entry: its template filled with the entry's params. */
final class InstanceRenderer {

  private final RenderedAlertValidator validator;

  InstanceRenderer(RenderedAlertValidator validator) {
    this.validator = validator;
  }

  /** Where each param's winning value comes from, for messages and positions. */
  private record ParamSource(
      String value, AlertSource document, String pointer, String description) {}

  /** The rendered alert, or null when the entry has errors (all reported). */
  RenderedAlert render(
      AlertSource config,
      String templateName,
      String entryPointer,
      CompiledTemplate template,
      Diagnostics diagnostics) {
    AlertSource templateSource = template.source();
    SourcePosition entry = config.document().keyAt(entryPointer);
    Map<String, ParamSource> params = mergeParams(config, entryPointer, template);
    boolean complete = true;
    for (String exported : template.exported()) {
      if (!params.containsKey(exported)) {
        complete = false;
        diagnostics.report(
            Rules.TEMPLATE_MISSING_PARAM,
            entry,
            "template "
                + templateName
                + " requires param '"
                + exported
                + "' (exportedParams), but neither this"
                + " entry's params, the globalParams of "
                + config.name()
                + " nor the template's exportedParamsDefaultValues supply it; add '"
                + exported
                + ": \"...\"' to params");
      }
    }
    for (Map.Entry<String, String> use : template.firstUse().entrySet()) {
      if (!params.containsKey(use.getKey()) && !template.exported().contains(use.getKey())) {
        complete = false;
        diagnostics.report(
            Rules.TEMPLATE_UNKNOWN_PARAM,
            entry,
            "template "
                + templateName
                + " uses param '"
                + use.getKey()
                + "' (at "
                + use.getValue()
                + "), but no source supplies it for this entry, and keikoproj would render it as an empty string;"
                + " add it to params or globalParams, or give the template a default"
                + FieldPaths.didYouMean(use.getKey(), params.keySet()));
      }
    }
    if (!complete) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    params.forEach((key, source) -> values.put(key, source.value()));
    Map<String, String> rendered = new HashMap<>();
    for (Map.Entry<String, CompiledTemplate.Field> field : template.fields().entrySet()) {
      try {
        rendered.put(field.getKey(), field.getValue().template().execute(values));
      } catch (TemplateExecutionException e) {
        diagnostics.report(
            Rules.TEMPLATE_EXECUTION,
            entry,
            "rendering "
                + field.getKey().replace('/', '.')
                + " of template "
                + templateName
                + " failed at "
                + templateSource.document().charAt(field.getValue().pointer(), e.offset())
                + ": "
                + e.detail());
        return null;
      }
    }
    ObjectNode spec = AlertRenderer.canonicalSpec(templateSource.spec(), rendered);
    String name = RenderedNames.instanceName(config.name(), templateName);
    boolean valid = true;
    for (SchemaViolation violation : validator.validate(config.namespace(), name, spec)) {
      valid = false;
      reportRenderedViolation(config, name, template, params, violation, diagnostics);
    }
    if (!valid) {
      return null;
    }
    TreeMap<String, String> annotations = new TreeMap<>();
    annotations.put(Annotations.SOURCE, config.file());
    annotations.put(Annotations.ALERTS_CONFIG, config.name());
    annotations.put(Annotations.TEMPLATE, templateName);
    annotations.put(Annotations.TEMPLATE_SOURCE, templateSource.file());
    String renamedFrom = AlertRenderer.renamedFrom(config);
    if (renamedFrom != null) {
      // a renamed AlertsConfig renames each instance: <old config>.<template>
      annotations.put(
          Annotations.RENAMED_FROM,
          RenamedFrom.of(config.name(), Map.of(Annotations.RENAMED_FROM, renamedFrom)).valid()
              ? RenderedNames.instanceName(renamedFrom, templateName)
              : renamedFrom);
    }
    return AlertRenderer.finish(
        config.namespace(),
        name,
        spec,
        AlertRenderer.labels(templateSource, config),
        annotations,
        entry,
        templateName,
        config.name(),
        AlertRenderer.origins(
            spec, templateSource.document(), field -> paramUses(template, field, params)));
  }

  /** The params a template field references that have a value, with where each was set. */
  private static List<FieldOrigin.ParamUse> paramUses(
      CompiledTemplate template, String field, Map<String, ParamSource> params) {
    CompiledTemplate.Field templateField = template.fields().get(field);
    if (templateField == null) {
      return List.of();
    }
    List<FieldOrigin.ParamUse> uses = new ArrayList<>();
    for (String key : templateField.template().references().keys().keySet()) {
      ParamSource source = params.get(key);
      if (source != null) {
        uses.add(
            new FieldOrigin.ParamUse(
                key,
                source.value(),
                source.document().document(),
                source.pointer(),
                source.description()));
      }
    }
    return uses;
  }

  /** Entry params over globalParams over the template's defaults: keikoproj's precedence. */
  private static Map<String, ParamSource> mergeParams(
      AlertSource config, String entryPointer, CompiledTemplate template) {
    Map<String, ParamSource> params = new LinkedHashMap<>();
    AlertSource templateSource = template.source();
    template
        .defaults()
        .forEach(
            (key, value) ->
                params.put(
                    key,
                    new ParamSource(
                        value,
                        templateSource,
                        "/spec/exportedParamsDefaultValues/" + FieldPaths.escape(key),
                        "the default of template " + templateSource.name())));
    putParams(params, config, "/spec/globalParams", "globalParams");
    putParams(params, config, entryPointer + "/params", "the entry's params");
    return params;
  }

  /** The params of the map at {@code pointer} in {@code config}, over those already in params. */
  private static void putParams(
      Map<String, ParamSource> params, AlertSource config, String pointer, String description) {
    config
        .document()
        .content()
        .at(pointer)
        .fields()
        .forEachRemaining(
            e ->
                params.put(
                    e.getKey(),
                    new ParamSource(
                        e.getValue().asText(),
                        config,
                        pointer + "/" + FieldPaths.escape(e.getKey()),
                        description)));
  }

  /**
   * A rendered value broke the schema: point at the param that produced it (where the fix goes), or
   * at the template field when the field uses no param.
   */
  private static void reportRenderedViolation(
      AlertSource config,
      String name,
      CompiledTemplate template,
      Map<String, ParamSource> params,
      SchemaViolation violation,
      Diagnostics diagnostics) {
    String field =
        violation.pointer().startsWith("/spec/")
            ? violation.pointer().substring("/spec/".length())
            : "";
    CompiledTemplate.Field templateField = template.fields().get(field);
    SourcePosition position = template.source().document().valueAt(violation.pointer());
    String origin = " (from template " + template.source().name() + ")";
    if (templateField != null) {
      for (String key : templateField.template().references().keys().keySet()) {
        ParamSource source = params.get(key);
        if (source != null) {
          position = source.document().document().valueAt(source.pointer());
          origin =
              " (from param '"
                  + key
                  + "' = '"
                  + source.value()
                  + "' in "
                  + source.description()
                  + ")";
          break;
        }
      }
    }
    diagnostics.report(
        violation.rule(),
        position,
        "rendered alert " + config.namespace() + "/" + name + ": " + violation.message() + origin);
  }
}
