package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.FieldError;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.schema.SchemaViolation;
import io.alertforge.gotemplate.TemplateExecutionException;
import io.alertforge.model.Annotations;
import io.alertforge.model.RenamedFrom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Renders one AlertsConfig entry: its template filled with the entry's params. */
final class InstanceRenderer {

  private final RenderedAlertValidator validator;

  InstanceRenderer(RenderedAlertValidator validator) {
    this.validator = validator;
  }

  /**
   * Where each param's winning value comes from, for messages and positions; {@code valid} is false
   * when the value broke the schema (reported there), so nothing is rendered from it.
   */
  private record ParamSource(
      String value, AlertSource document, String pointer, String description, boolean valid) {}

  /**
   * The rendered alert: complete, or, when the entry has errors (all reported), as far as it
   * renders, carrying its errors.
   *
   * @param inherited the errors of the entry's sources that concern it: its template document's,
   *     and the AlertsConfig's schema errors in the entry or outside every entry
   */
  RenderedAlert render(
      AlertSource config,
      String templateName,
      String entryPointer,
      CompiledTemplate template,
      List<Diagnostic> configErrors,
      Diagnostics diagnostics) {
    AlertSource templateSource = template.source();
    SourcePosition entry = config.document().keyAt(entryPointer);
    Map<String, ParamSource> params = mergeParams(config, entryPointer, template);
    Diagnostics own = new Diagnostics();
    boolean paramsKnown = paramsKnown(config, entryPointer, templateSource);
    if (paramsKnown) {
      checkParams(config, templateName, entry, template, params, own);
    }
    Map<String, String> values = new HashMap<>();
    params.forEach(
        (key, source) -> {
          if (source.valid()) {
            values.put(key, source.value());
          }
        });
    Map<String, String> rendered = new HashMap<>();
    Set<String> leftOut = new HashSet<>(template.leftOut());
    for (Map.Entry<String, CompiledTemplate.Field> field : template.fields().entrySet()) {
      if (!renders(field.getValue(), template, params, paramsKnown)) {
        leftOut.add(field.getKey()); // a param it needs is missing or broke the schema (reported)
        continue;
      }
      try {
        rendered.put(
            field.getKey(), field.getValue().template().executeRefusingFormatMarks(values));
      } catch (TemplateExecutionException e) {
        leftOut.add(field.getKey());
        own.report(
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
      }
    }
    checkControlCharacters(config, name(config, templateName), template, params, rendered, own);
    ObjectNode spec =
        AlertRenderer.canonicalSpec(
            templateSource.spec(),
            rendered,
            path -> leftOut.contains(path) || templateSource.brokenAt("/spec/" + path));
    String name = RenderedNames.instanceName(config.name(), templateName);
    boolean namesBroken =
        config.brokenAt("/metadata/name") || templateSource.brokenAt("/metadata/name");
    for (SchemaViolation violation : validator.validate(config.namespace(), name, spec)) {
      // A field left out, or one its template's schema errors already cover, is not reported
      // again as a consequence; nor is a rendered name made of a name that broke the schema.
      boolean consequence =
          FieldPaths.within(violation.field(), "/spec")
              ? leftOut.stream()
                      .anyMatch(path -> FieldPaths.related(violation.field(), "/spec/" + path))
                  || templateSource.brokenAt(violation.field())
              : namesBroken;
      if (!consequence) {
        reportRenderedViolation(config, name, template, params, violation, own);
      }
    }
    diagnostics.addAll(own);
    List<Diagnostic> errors = new ArrayList<>(configErrors);
    errors.addAll(template.errors());
    own.sorted().stream().filter(d -> d.severity() == Severity.ERROR).forEach(errors::add);
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
            spec, templateSource.document(), field -> paramUses(template, field, params)),
        errors);
  }

  /**
   * Every exported param is supplied. A param a field uses that no source supplies is
   * template/unknown-param's, a rule class, since keikoproj renders it as nothing.
   */
  private static void checkParams(
      AlertSource config,
      String templateName,
      SourcePosition entry,
      CompiledTemplate template,
      Map<String, ParamSource> params,
      Diagnostics diagnostics) {
    for (String exported : template.exported()) {
      if (!params.containsKey(exported)) {
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
  }

  /** The fields Wavefront shows on one line, by their path under spec (each tag too). */
  private static boolean singleLine(String field) {
    return field.startsWith(SpecFields.TAGS + "/")
        || List.of("alertName", "condition", "displayExpression", "target", "severity")
            .contains(field);
  }

  private static String name(AlertSource config, String templateName) {
    return config.namespace() + "/" + RenderedNames.instanceName(config.name(), templateName);
  }

  /**
   * A control character (C0, DEL, C1) that a param's value brought into a single-line field that
   * rendered: an error at that character of the value.
   */
  private static void checkControlCharacters(
      AlertSource config,
      String alert,
      CompiledTemplate template,
      Map<String, ParamSource> params,
      Map<String, String> rendered,
      Diagnostics diagnostics) {
    rendered.forEach(
        (field, output) -> {
          if (!singleLine(field)) {
            return;
          }
          for (String key : template.fields().get(field).template().references().keys().keySet()) {
            ParamSource source = params.get(key);
            if (source == null || !source.valid()) {
              continue;
            }
            String value = source.value();
            for (int i = 0; i < value.length(); i++) {
              char c = value.charAt(i);
              if (Character.isISOControl(c) && output.indexOf(c) >= 0) {
                diagnostics.report(
                    Rules.TEMPLATE_CONTROL_CHARACTER,
                    source.document().document().charAt(source.pointer(), i),
                    String.format(
                        "param '%s' (%s) brings control character U+%04X into %s of rendered"
                            + " alert %s, a field Wavefront shows on one line; remove it from the"
                            + " value",
                        key, source.description(), (int) c, field.replace('/', '.'), alert));
                break;
              }
            }
          }
        });
  }

  /**
   * Whether a field renders: every param it uses has a valid value, or, as in keikoproj, is neither
   * exported nor supplied by any source (template/unknown-param), and so renders as nothing. A
   * missing exported param (template/missing-param), one whose value broke the schema, or any
   * missing one while a schema error hides which params the entry has, leaves the field out.
   */
  private static boolean renders(
      CompiledTemplate.Field field,
      CompiledTemplate template,
      Map<String, ParamSource> params,
      boolean paramsKnown) {
    for (String key : field.template().references().keys().keySet()) {
      ParamSource source = params.get(key);
      boolean unknown = source == null && paramsKnown && !template.exported().contains(key);
      if (!unknown && (source == null || !source.valid())) {
        return false;
      }
    }
    return true;
  }

  /**
   * False when a schema error hides which params an entry is given: the entry, its params map, the
   * globalParams map or the spec itself is malformed, or holds an unknown field (a misspelt {@code
   * params:}), or so is the template's exportedParamsDefaultValues. Then a missing param would be a
   * consequence of that error, so the param checks wait until it is fixed. A single param's bad
   * value does not hide its presence.
   */
  static boolean paramsKnown(AlertSource config, String entryPointer, AlertSource templateSource) {
    String entryParams = entryPointer + "/params";
    for (FieldError error : config.schemaErrors()) {
      String field = error.field();
      if (field.startsWith(entryParams + "/") || field.startsWith("/spec/globalParams/")) {
        continue;
      }
      if (FieldPaths.related(field, entryParams)
          || FieldPaths.within(field, entryPointer)
          || (field.startsWith("/spec/")
              && !FieldPaths.within(field, "/spec/alerts")
              && !FieldPaths.within(field, "/spec/globalGVK"))) {
        return false;
      }
    }
    String defaults = "/spec/" + SpecFields.DEFAULTS;
    return templateSource.schemaErrors().stream()
        .noneMatch(
            e -> FieldPaths.related(e.field(), defaults) && !e.field().startsWith(defaults + "/"));
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
                        "the default of template " + templateSource.name(),
                        !templateSource.brokenAt(
                            "/spec/exportedParamsDefaultValues/" + FieldPaths.escape(key)))));
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
            e -> {
              String param = pointer + "/" + FieldPaths.escape(e.getKey());
              params.put(
                  e.getKey(),
                  new ParamSource(
                      e.getValue().asText(), config, param, description, !config.brokenAt(param)));
            });
  }

  /**
   * A rendered value broke the schema: point at the first param the field uses (where the fix
   * goes): its value, or, for a param no source supplies, its use in the template; or at the
   * template field when the field uses no param.
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
      for (Map.Entry<String, Integer> use :
          templateField.template().references().keys().entrySet()) {
        String key = use.getKey();
        ParamSource source = params.get(key);
        if (source == null) {
          // unknown, so rendered as nothing: the fix goes where the template uses it
          position = template.source().document().charAt(templateField.pointer(), use.getValue());
          origin = " (param '" + key + "' is supplied by no source, so it renders empty)";
          break;
        }
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
    diagnostics.report(
        violation.rule(),
        position,
        "rendered alert " + config.namespace() + "/" + name + ": " + violation.message() + origin);
  }
}
