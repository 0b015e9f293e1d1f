package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.load.LoadedRepository;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.model.TemplateUses;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.YamlDocument;
import io.alertforge.model.AlertType;
import io.alertforge.model.Annotations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Renders a loaded repository: every standalone WavefrontAlert as it is, and every AlertsConfig
 * entry as its template filled with the entry's params. Checks the references and params on the
 * way, and each rendered alert against the schema again.
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
      if (!alert.valid() || !checkAlertType(alert, diagnostics)) {
        continue;
      }
      if (alert.isTemplate()) {
        CompiledTemplate template = CompiledTemplate.compile(alert, diagnostics);
        if (template != null) {
          templates.put(alert.qualifiedName(), template);
          parsed.add(uses(template));
        }
      } else {
        rendered.add(standalone(alert));
      }
    }
    List<String> shared = repository.config().sharedTemplateNamespaces();
    // AlertsConfigs render in parallel, each into its own collectors, merged in file order.
    List<Diagnostics> perConfig =
        repository.alertsConfigs().stream().map(c -> new Diagnostics()).toList();
    List<Map<String, TemplateUses.Template>> resolved = new ArrayList<>();
    repository.alertsConfigs().forEach(c -> resolved.add(new LinkedHashMap<>()));
    List<List<RenderedAlert>> instances =
        IntStream.range(0, perConfig.size())
            .parallel()
            .mapToObj(
                i -> {
                  AlertSource config = repository.alertsConfigs().get(i);
                  return config.valid()
                      ? renderConfig(
                          config, byName, shared, templates, perConfig.get(i), resolved.get(i))
                      : List.<RenderedAlert>of();
                })
            .toList();
    perConfig.forEach(diagnostics::addAll);
    instances.forEach(rendered::addAll);
    NameChecks.report(rendered, diagnostics);
    Map<AlertSource, Map<String, TemplateUses.Template>> entries = new LinkedHashMap<>();
    for (int i = 0; i < resolved.size(); i++) {
      AlertSource config = repository.alertsConfigs().get(i);
      if (config.valid()) {
        entries.put(config, Collections.unmodifiableMap(resolved.get(i)));
      }
    }
    return new Rendering(rendered, new TemplateUses(parsed, entries));
  }

  private List<RenderedAlert> renderConfig(
      AlertSource config,
      Map<String, AlertSource> byName,
      List<String> shared,
      Map<String, CompiledTemplate> templates,
      Diagnostics diagnostics,
      Map<String, TemplateUses.Template> resolved) {
    List<RenderedAlert> rendered = new ArrayList<>();
    var entries = config.spec().path("alerts").fields();
    while (entries.hasNext()) {
      var entry = entries.next();
      String pointer = "/spec/alerts/" + FieldPaths.escape(entry.getKey());
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
      if (!templateSource.isTemplate()) {
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
      CompiledTemplate template = templates.get(qualified);
      if (template == null) {
        continue; // the template's own errors are already reported
      }
      resolved.put(entry.getKey(), uses(template));
      RenderedAlert alert =
          instances.render(config, entry.getKey(), pointer, template, diagnostics);
      if (alert != null) {
        rendered.add(alert);
      }
    }
    return rendered;
  }

  /** What the rules after rendering learn of a template that parsed: the params it uses. */
  private static TemplateUses.Template uses(CompiledTemplate template) {
    return new TemplateUses.Template(
        template.source(), template.firstUse().keySet(), template.dynamic());
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

  /** Reports an unsupported alertType once per source; false when the alert cannot be rendered. */
  private static boolean checkAlertType(AlertSource alert, Diagnostics diagnostics) {
    JsonNode alertType = alert.spec().path(SpecFields.ALERT_TYPE);
    if (AlertType.THRESHOLD.name().equals(alertType.asText())) {
      diagnostics.report(
          Rules.ALERT_UNSUPPORTED_TYPE,
          alert.document().valueAt("/spec/alertType"),
          "alertType THRESHOLD is not supported yet: keikoproj never sends its per-severity conditions,"
              + " so Wavefront rejects it. Use CLASSIC");
      return false;
    }
    return true;
  }

  private RenderedAlert standalone(AlertSource alert) {
    ObjectNode spec = canonicalSpec(alert.spec(), Map.of());
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
        origins(spec, alert.document(), field -> List.of()));
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
              for (String path : paths) {
                origins.put(path, new FieldOrigin(source, "/spec/" + path, params.apply(path)));
              }
            });
    return origins;
  }

  /**
   * The rendered spec in {@link SpecFields#RENDERED_ORDER}, so equal alerts serialise, and hash,
   * identically; {@code rendered} overrides the source's string fields.
   */
  static ObjectNode canonicalSpec(JsonNode source, Map<String, String> rendered) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    for (String field : SpecFields.RENDERED_ORDER) {
      if (field.equals(SpecFields.ALERT_TYPE)) {
        spec.put(field, source.path(field).asText(AlertType.CLASSIC.name()));
      } else if (field.equals(SpecFields.TAGS)) {
        JsonNode tags = source.path(field);
        if (tags.isArray()) {
          var array = spec.putArray(field);
          for (int i = 0; i < tags.size(); i++) {
            array.add(rendered.getOrDefault(field + "/" + i, tags.get(i).asText()));
          }
        }
      } else if (rendered.containsKey(field)) {
        spec.put(field, rendered.get(field));
      } else if (source.has(field)) {
        spec.set(field, source.get(field));
      }
    }
    return spec;
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
      Map<String, FieldOrigin> fields) {
    annotations.put(Annotations.SPEC_HASH, "sha256:" + RenderedNames.sha256(spec.toString()));
    return new RenderedAlert(
        namespace, name, spec, labels, annotations, origin, template, alertsConfig, fields);
  }
}
