package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.load.LoadedRepository;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.FieldError;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.model.TemplateUses;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.YamlDocument;
import io.alertforge.model.AlertType;
import io.alertforge.model.Annotations;
import io.alertforge.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Renders a loaded repository: every standalone WavefrontAlert as it is, and every AlertsConfig
 * entry as its template filled with the entry's params. Checks the references and params on the
 * way, and each rendered alert against the schema again. A document with schema errors is checked
 * and rendered too, without the fields that broke the schema; what it renders carries the errors
 * that concern it ({@link RenderedAlert#errors()}).
 */
public final class AlertRenderer {

  private final InstanceRenderer instances;

  public AlertRenderer(RenderedAlertValidator validator) {
    this.instances = new InstanceRenderer(validator);
  }

  public Rendering render(LoadedRepository repository, Diagnostics diagnostics) {
    Map<String, AlertSource> byName = new HashMap<>();
    Map<String, CompiledTemplate> templates = new HashMap<>();
    List<TemplateUses.Template> parsed = new ArrayList<>();
    List<RenderedAlert> rendered = new ArrayList<>();
    for (AlertSource alert : repository.wavefrontAlerts()) {
      byName.put(alert.qualifiedName(), alert);
      if (alert.brokenAt("/spec/" + SpecFields.EXPORTED_PARAMS)) {
        continue; // neither a template nor a standalone alert for sure: nothing to render
      }
      List<Diagnostic> errors = new ArrayList<>(alert.errors());
      if (alert.isTemplate()) {
        CompiledTemplate template = CompiledTemplate.compile(alert, errors, diagnostics);
        templates.put(alert.qualifiedName(), template);
        parsed.add(uses(template));
      } else {
        rendered.add(standalone(alert, errors));
      }
    }
    List<String> shared = repository.config().sharedTemplateNamespaces();
    // AlertsConfigs render in parallel, each into its own collectors, merged in file order.
    List<Diagnostics> perConfig =
        repository.alertsConfigs().stream().map(c -> new Diagnostics()).toList();
    List<Map<String, TemplateUses.Template>> resolved = new ArrayList<>();
    List<Set<String>> hidden = new ArrayList<>();
    repository
        .alertsConfigs()
        .forEach(
            c -> {
              resolved.add(new LinkedHashMap<>());
              hidden.add(new LinkedHashSet<>());
            });
    List<List<RenderedAlert>> instances =
        IntStream.range(0, perConfig.size())
            .parallel()
            .mapToObj(
                i ->
                    renderConfig(
                        repository.alertsConfigs().get(i),
                        byName,
                        shared,
                        templates,
                        perConfig.get(i),
                        resolved.get(i),
                        hidden.get(i)))
            .toList();
    perConfig.forEach(diagnostics::addAll);
    instances.forEach(rendered::addAll);
    NameChecks.report(rendered, diagnostics);
    Map<AlertSource, Map<String, TemplateUses.Template>> entries = new LinkedHashMap<>();
    Map<AlertSource, Set<String>> paramsHidden = new LinkedHashMap<>();
    for (int i = 0; i < resolved.size(); i++) {
      entries.put(repository.alertsConfigs().get(i), Collections.unmodifiableMap(resolved.get(i)));
      paramsHidden.put(
          repository.alertsConfigs().get(i), Collections.unmodifiableSet(hidden.get(i)));
    }
    return new Rendering(rendered, new TemplateUses(parsed, entries, paramsHidden));
  }

  private List<RenderedAlert> renderConfig(
      AlertSource config,
      Map<String, AlertSource> byName,
      List<String> shared,
      Map<String, CompiledTemplate> templates,
      Diagnostics diagnostics,
      Map<String, TemplateUses.Template> resolved,
      Set<String> paramsHidden) {
    List<RenderedAlert> rendered = new ArrayList<>();
    var entries = config.spec().path("alerts").fields();
    while (entries.hasNext()) {
      var entry = entries.next();
      String pointer = "/spec/alerts/" + FieldPaths.escape(entry.getKey());
      if (config.schemaErrors().stream().anyMatch(e -> e.field().equals(pointer))) {
        continue; // the entry's name or value broke the schema (reported): nothing to resolve
      }
      String qualified = config.namespace() + "/" + entry.getKey();
      AlertSource templateSource = byName.get(qualified);
      // Beyond keikoproj: templates of shared template namespaces (alertforge.yaml) are found next.
      for (int s = 0; templateSource == null && s < shared.size(); s++) {
        templateSource = byName.get(shared.get(s) + "/" + entry.getKey());
      }
      if (templateSource == null) {
        reportUnknownTemplate(config, entry.getKey(), pointer, byName, diagnostics);
        continue;
      }
      qualified = templateSource.qualifiedName();
      CompiledTemplate template = templates.get(qualified);
      if (template == null) {
        if (templateSource.brokenAt("/spec/" + SpecFields.EXPORTED_PARAMS)) {
          continue; // its exportedParams broke the schema (reported): its params are unknown
        }
        diagnostics.report(
            Rules.REFERENCE_STANDALONE,
            config.document().keyAt(pointer),
            "WavefrontAlert "
                + qualified
                + " ("
                + templateSource.document().valueAt("/metadata/name")
                + ") has no exportedParams, so it is a standalone alert, not a template; keikoproj rejects this"
                + " at run time. Add exportedParams to it, or remove this entry");
        continue;
      }
      resolved.put(entry.getKey(), uses(template));
      if (!InstanceRenderer.paramsKnown(config, pointer, templateSource)) {
        paramsHidden.add(entry.getKey());
      }
      rendered.add(
          instances.render(
              config,
              entry.getKey(),
              pointer,
              template,
              entryErrors(config, pointer),
              diagnostics));
    }
    return rendered;
  }

  /**
   * The schema errors of an AlertsConfig that concern one entry: those in the entry, and those
   * outside every entry (metadata, globalParams, the spec itself).
   */
  private static List<Diagnostic> entryErrors(AlertSource config, String entryPointer) {
    return config.schemaErrors().stream()
        .filter(
            e ->
                FieldPaths.related(e.field(), entryPointer)
                    || !FieldPaths.within(e.field(), "/spec/alerts"))
        .map(FieldError::diagnostic)
        .toList();
  }

  /** What the rules after rendering learn of a template that parsed: the params it uses. */
  private static TemplateUses.Template uses(CompiledTemplate template) {
    return new TemplateUses.Template(template.source(), template.firstUse(), template.dynamic());
  }

  private static void reportUnknownTemplate(
      AlertSource config,
      String name,
      String pointer,
      Map<String, AlertSource> byName,
      Diagnostics diagnostics) {
    List<String> sameNamespace = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    for (AlertSource alert : byName.values()) {
      if (alert.namespace().equals(config.namespace())) {
        sameNamespace.add(alert.name());
      } else if (alert.name().equals(name)) {
        elsewhere.add(alert.namespace());
      }
    }
    StringBuilder message =
        new StringBuilder(
            "no WavefrontAlert template named '" + name + "' in namespace " + config.namespace());
    String suggestion = FieldPaths.closest(name, sameNamespace);
    if (suggestion != null) {
      message.append("; did you mean '").append(suggestion).append("'?");
    } else if (!elsewhere.isEmpty()) {
      elsewhere.sort(null);
      message
          .append("; one exists in namespace ")
          .append(String.join(", ", elsewhere))
          .append(
              ", but a template must be in the AlertsConfig's namespace or in one of the"
                  + " sharedTemplateNamespaces of alertforge.yaml");
    } else {
      message.append("; add the template or fix the entry's name");
    }
    diagnostics.report(
        Rules.REFERENCE_UNKNOWN_TEMPLATE, config.document().keyAt(pointer), message.toString());
  }

  /** A standalone alert as it is, without the fields that broke the schema. */
  private RenderedAlert standalone(AlertSource alert, List<Diagnostic> errors) {
    ObjectNode spec =
        canonicalSpec(alert.spec(), Map.of(), path -> alert.brokenAt("/spec/" + path));
    TreeMap<String, String> annotations = new TreeMap<>();
    annotations.put(Annotations.SOURCE, alert.file());
    String renamedFrom = renamedFrom(alert);
    if (renamedFrom != null) {
      annotations.put(Annotations.RENAMED_FROM, renamedFrom);
    }
    return finish(
        alert.namespace(),
        alert.name(),
        spec,
        labels(alert),
        annotations,
        alert.document().valueAt("/metadata/name"),
        null,
        null,
        origins(spec, alert.document(), field -> List.of()),
        errors);
  }

  /**
   * The source's {@code alertforge.io/renamed-from}, as written (trimmed), or null: the one
   * annotation of the source that a rendered alert carries, for the controller (the lint rule
   * {@code alert/renamed-from} checks it).
   */
  static String renamedFrom(AlertSource source) {
    var value =
        source
            .document()
            .content()
            .path("metadata")
            .path("annotations")
            .path(Annotations.RENAMED_FROM);
    return value.isTextual() ? value.asText().trim() : null;
  }

  /** The origin of every field of a rendered spec: its source field and the params it used. */
  static Map<String, FieldOrigin> origins(
      ObjectNode spec, YamlDocument source, Function<String, List<FieldOrigin.ParamUse>> params) {
    Map<String, FieldOrigin> origins = new HashMap<>();
    spec.fieldNames()
        .forEachRemaining(
            field -> {
              JsonNode value = spec.get(field);
              List<String> paths = new ArrayList<>(List.of(field));
              if (value.isArray()) {
                IntStream.range(0, value.size()).forEach(i -> paths.add(field + "/" + i));
              }
              value
                  .fieldNames()
                  .forEachRemaining(key -> paths.add(field + "/" + FieldPaths.escape(key)));
              for (String path : paths) {
                origins.put(path, new FieldOrigin(source, "/spec/" + path, params.apply(path)));
              }
            });
    return origins;
  }

  /**
   * The rendered spec in {@link SpecFields#RENDERED_ORDER}, so equal alerts serialise, and hash,
   * identically; {@code rendered} overrides the source's string fields, and the fields (or tags)
   * {@code leftOut} names by their path under spec are left out.
   */
  static ObjectNode canonicalSpec(
      JsonNode source, Map<String, String> rendered, Predicate<String> leftOut) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    for (String field : SpecFields.RENDERED_ORDER) {
      if (leftOut.test(field)) {
        continue;
      }
      if (field.equals(SpecFields.ALERT_TYPE)) {
        spec.put(field, source.path(field).asText(AlertType.CLASSIC.name()));
      } else if (field.equals(SpecFields.TAGS)) {
        JsonNode tags = source.path(field);
        if (tags.isArray()) {
          var array = spec.putArray(field);
          for (int i = 0; i < tags.size(); i++) {
            if (leftOut.test(field + "/" + i)) {
              continue;
            }
            array.add(rendered.getOrDefault(field + "/" + i, tags.get(i).asText()));
          }
        }
      } else if (SpecFields.PER_SEVERITY.contains(field)) {
        JsonNode map = source.path(field);
        if (map.isObject()) {
          perSeverity(spec.putObject(field), field, map, rendered, leftOut);
        }
      } else if (rendered.containsKey(field)) {
        spec.put(field, rendered.get(field));
      } else if (source.has(field)) {
        spec.set(field, source.get(field));
      }
    }
    return spec;
  }

  /**
   * A per-severity map in severity order (severe first), so the order it is written in changes
   * neither the output nor the hash; a key that is no severity broke the schema and is left out.
   */
  private static void perSeverity(
      ObjectNode out,
      String field,
      JsonNode source,
      Map<String, String> rendered,
      Predicate<String> leftOut) {
    for (Severity severity : Severity.values()) {
      String path = field + "/" + severity.keikoproj();
      JsonNode value = source.get(severity.keikoproj());
      if (value != null && !leftOut.test(path)) {
        out.put(severity.keikoproj(), rendered.getOrDefault(path, value.asText()));
      }
    }
  }

  static TreeMap<String, String> labels(AlertSource... sources) {
    TreeMap<String, String> labels = new TreeMap<>();
    for (AlertSource source : sources) {
      source
          .document()
          .content()
          .path("metadata")
          .path("labels")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    labels.put(Annotations.MANAGED_BY_LABEL, Annotations.MANAGED_BY);
    return labels;
  }

  static RenderedAlert finish(
      String namespace,
      String name,
      ObjectNode spec,
      TreeMap<String, String> labels,
      TreeMap<String, String> annotations,
      SourcePosition origin,
      String template,
      String alertsConfig,
      Map<String, FieldOrigin> fields,
      List<Diagnostic> errors) {
    annotations.put(Annotations.SPEC_HASH, "sha256:" + RenderedNames.sha256(spec.toString()));
    return new RenderedAlert(
        namespace, name, spec, labels, annotations, origin, template, alertsConfig, fields, errors);
  }
}
