package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.gotemplate.GoTemplate;
import io.alertforge.gotemplate.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template WavefrontAlert with every string field parsed once, so rendering N instances never
 * re-parses. Also knows, per param, where the template first uses it. A field that broke the schema
 * or does not parse is left out of {@link #fields()} (its instances render without it); a field
 * that broke the schema is still parsed, silently, for the params it uses.
 */
final class CompiledTemplate {

  /** A template field: its JSON Pointer in the document and its parsed template. */
  record Field(String pointer, GoTemplate template) {}

  private final AlertSource source;
  private final Map<String, Field> fields;
  private final Set<String> leftOut;
  private final List<Diagnostic> errors;
  private final Set<String> exported;
  private final Map<String, String> defaults;
  private final Map<String, String> firstUse;
  private final boolean dynamic;

  private CompiledTemplate(
      AlertSource source,
      Map<String, Field> fields,
      Map<String, Field> schemaBroken,
      Set<String> leftOut,
      boolean unparsed,
      List<Diagnostic> errors) {
    this.source = source;
    this.fields = fields;
    this.leftOut = leftOut;
    this.errors = List.copyOf(errors);
    this.exported = new LinkedHashSet<>();
    source.spec().path(SpecFields.EXPORTED_PARAMS).forEach(p -> exported.add(p.asText()));
    this.defaults = new LinkedHashMap<>();
    source
        .spec()
        .path(SpecFields.DEFAULTS)
        .fields()
        .forEachRemaining(e -> defaults.put(e.getKey(), e.getValue().asText()));
    this.firstUse = new LinkedHashMap<>();
    boolean anyDynamic = unparsed;
    List<Field> parsed = new ArrayList<>(fields.values());
    parsed.addAll(schemaBroken.values());
    for (Field field : parsed) {
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

  /**
   * Parses every templated field and reports the syntax errors of those that passed the schema (a
   * field that broke it is reported once, by the schema).
   *
   * @param documentErrors the errors of the template's document found before (its schema errors, an
   *     unsupported alertType), which every instance carries too
   */
  static CompiledTemplate compile(
      AlertSource source, List<Diagnostic> documentErrors, Diagnostics diagnostics) {
    Map<String, Field> fields = new LinkedHashMap<>();
    Map<String, Field> schemaBroken = new LinkedHashMap<>();
    Set<String> leftOut = new LinkedHashSet<>();
    List<Diagnostic> errors = new ArrayList<>(documentErrors);
    boolean unparsed = false;
    for (Map.Entry<String, String> entry : templatedStrings(source.spec()).entrySet()) {
      String pointer = "/spec/" + entry.getKey();
      boolean broken = source.brokenAt(pointer);
      try {
        Field field = new Field(pointer, GoTemplate.parse(entry.getValue()));
        (broken ? schemaBroken : fields).put(entry.getKey(), field);
      } catch (TemplateSyntaxException e) {
        unparsed = true;
        if (!broken) {
          errors.add(
              diagnostics.report(
                  Rules.TEMPLATE_SYNTAX,
                  source.document().charAt(pointer, e.offset()),
                  e.detail()
                      + " (in "
                      + entry.getKey().replace('/', '.')
                      + " of template "
                      + source.name()
                      + ")"));
        }
      }
      if (!fields.containsKey(entry.getKey())) {
        leftOut.add(entry.getKey());
      }
    }
    return new CompiledTemplate(source, fields, schemaBroken, leftOut, unparsed, errors);
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
    for (String map : SpecFields.PER_SEVERITY) {
      spec.path(map)
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isTextual()) {
                  strings.put(map + "/" + FieldPaths.escape(e.getKey()), e.getValue().asText());
                }
              });
    }
    return strings;
  }

  AlertSource source() {
    return source;
  }

  /** The fields that passed the schema and parsed, by their path under spec. */
  Map<String, Field> fields() {
    return fields;
  }

  /** The templated fields that broke the schema or did not parse: instances render without them. */
  Set<String> leftOut() {
    return leftOut;
  }

  /** The template document's errors, its syntax errors included, as reported. */
  List<Diagnostic> errors() {
    return errors;
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

  /**
   * True when the params the template uses cannot all be listed: some field uses them in a way
   * whose keys cannot be known before rendering, or does not parse.
   */
  boolean dynamic() {
    return dynamic;
  }
}
