package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.gotemplate.GoTemplate;
import io.alertforge.gotemplate.TemplateSyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A template WavefrontAlert with every string field parsed once, so rendering N instances never
 * re-parses. Also knows, per param, where the template first uses it.
 */
final class CompiledTemplate {

  /** A template field: its JSON Pointer in the document and its parsed template. */
  record Field(String pointer, GoTemplate template) {}

  private final AlertSource source;
  private final Map<String, Field> fields;
  private final Set<String> exported;
  private final Map<String, String> defaults;
  private final Map<String, String> firstUse;
  private final boolean dynamic;

  private CompiledTemplate(AlertSource source, Map<String, Field> fields) {
    this.source = source;
    this.fields = fields;
    this.exported = new LinkedHashSet<>();
    source.spec().path(SpecFields.EXPORTED_PARAMS).forEach(p -> exported.add(p.asText()));
    this.defaults = new LinkedHashMap<>();
    source
        .spec()
        .path(SpecFields.DEFAULTS)
        .fields()
        .forEachRemaining(e -> defaults.put(e.getKey(), e.getValue().asText()));
    this.firstUse = new LinkedHashMap<>();
    boolean anyDynamic = false;
    for (Field field : fields.values()) {
      anyDynamic |= field.template().references().dynamic();
      field
          .template()
          .references()
          .keys()
          .forEach(
              (key, offset) ->
                  firstUse.putIfAbsent(
                      key, source.document().charAt(field.pointer(), offset).toString()));
    }
    this.dynamic = anyDynamic;
  }

  /** Parses every templated field; reports syntax errors and returns null if there were any. */
  static CompiledTemplate compile(AlertSource source, Diagnostics diagnostics) {
    Map<String, Field> fields = new LinkedHashMap<>();
    boolean failed = false;
    for (Map.Entry<String, String> entry : templatedStrings(source.spec()).entrySet()) {
      String pointer = "/spec/" + entry.getKey();
      try {
        fields.put(entry.getKey(), new Field(pointer, GoTemplate.parse(entry.getValue())));
      } catch (TemplateSyntaxException e) {
        failed = true;
        diagnostics.report(
            Rules.TEMPLATE_SYNTAX,
            source.document().charAt(pointer, e.offset()),
            e.detail()
                + " (in "
                + entry.getKey().replace('/', '.')
                + " of template "
                + source.name()
                + ")");
      }
    }
    return failed ? null : new CompiledTemplate(source, fields);
  }

  /** The template's string fields by their path under spec ({@code condition}, {@code tags/0}). */
  static Map<String, String> templatedStrings(JsonNode spec) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (String name : SpecFields.TEMPLATED) {
      if (spec.path(name).isTextual()) {
        strings.put(name, spec.get(name).asText());
      }
    }
    JsonNode tags = spec.path(SpecFields.TAGS);
    for (int i = 0; i < tags.size(); i++) {
      strings.put(SpecFields.TAGS + "/" + i, tags.get(i).asText());
    }
    return strings;
  }

  AlertSource source() {
    return source;
  }

  Map<String, Field> fields() {
    return fields;
  }

  Set<String> exported() {
    return exported;
  }

  Map<String, String> defaults() {
    return defaults;
  }

  /** Param key to "file:line:column" of its first use, in field order. */
  Map<String, String> firstUse() {
    return firstUse;
  }

  /** True when some field uses params in a way whose keys cannot be known before rendering. */
  boolean dynamic() {
    return dynamic;
  }
}
