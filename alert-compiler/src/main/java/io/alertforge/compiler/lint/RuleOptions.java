package io.alertforge.compiler.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code options} of one rule in alertforge.yaml, with typed getters and a way to report a bad
 * value at its exact position. Shape errors are the schema's; these getters fall back to defaults.
 */
public final class RuleOptions {

  private final JsonNode node;
  private final YamlDocument document;
  private final String pointer;
  private final Diagnostics diagnostics;

  RuleOptions(JsonNode node, YamlDocument document, String pointer, Diagnostics diagnostics) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.document = document;
    this.pointer = pointer;
    this.diagnostics = diagnostics;
  }

  /** Options with nothing set, for a rule alertforge.yaml does not configure. */
  static RuleOptions none(Diagnostics diagnostics) {
    return new RuleOptions(null, null, "", diagnostics);
  }

  public boolean has(String name) {
    return node.has(name);
  }

  public String text(String name) {
    return node.path(name).asText("");
  }

  public List<String> strings(String name) {
    List<String> values = new ArrayList<>();
    node.path(name).forEach(v -> values.add(v.asText()));
    return values;
  }

  public List<Glob> globs(String name) {
    return strings(name).stream().map(Glob::value).toList();
  }

  public int integer(String name, int fallback) {
    JsonNode value = node.path(name);
    return value.canConvertToInt() ? value.asInt() : fallback;
  }

  public double number(String name, double fallback) {
    JsonNode value = node.path(name);
    return value.isNumber() ? value.asDouble() : fallback;
  }

  public boolean bool(String name, boolean fallback) {
    JsonNode value = node.path(name);
    return value.isBoolean() ? value.asBoolean() : fallback;
  }

  /** The options of a nested object, such as one range or one item of a list. */
  public RuleOptions object(String name) {
    return new RuleOptions(node.path(name), document, child(name), diagnostics);
  }

  public List<RuleOptions> list(String name) {
    List<RuleOptions> items = new ArrayList<>();
    JsonNode array = node.path(name);
    for (int i = 0; i < array.size(); i++) {
      items.add(new RuleOptions(array.get(i), document, child(name) + "/" + i, diagnostics));
    }
    return items;
  }

  /** Per-namespace options under {@code namespaces:}, each parsed with {@code parse}. */
  public <T> Map<String, T> perNamespace(Function<RuleOptions, T> parse) {
    Map<String, T> result = new LinkedHashMap<>();
    node.path("namespaces")
        .fields()
        .forEachRemaining(
            e ->
                result.put(
                    e.getKey(),
                    parse.apply(
                        new RuleOptions(
                            e.getValue(),
                            document,
                            child("namespaces") + "/" + FieldPaths.escape(e.getKey()),
                            diagnostics))));
    return result;
  }

  /** Reports an unusable value of an option (by name, or the whole object when null). */
  public void error(String name, String message) {
    if (document != null) {
      diagnostics.report(
          Rules.CONFIG_INVALID_OPTION,
          document.valueAt(name == null ? pointer : child(name)),
          message);
    }
  }

  private String child(String name) {
    return pointer + "/" + FieldPaths.escape(name);
  }
}
