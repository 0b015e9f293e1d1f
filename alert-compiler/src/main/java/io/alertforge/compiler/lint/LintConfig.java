package io.alertforge.compiler.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.RepositoryConfig;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule engine's part of {@code alertforge.yaml}: per-rule settings, locked rules and namespace
 * ownership. The schema has checked the shape (unknown rule ids and options are schema errors).
 */
public final class LintConfig {

  /**
   * How one rule is configured.
   *
   * @param severity the override, or null for the rule's default
   * @param paths path globs the rule is limited to; empty for everywhere
   * @param namespaces namespaces the rule is limited to; empty for all
   */
  public record RuleSettings(
      boolean enabled,
      Severity severity,
      List<Glob> paths,
      Set<String> namespaces,
      RuleOptions options) {

    /** Whether a finding at this file, about this namespace (null for none), is in scope. */
    boolean applies(String file, String namespace) {
      if (!paths.isEmpty() && paths.stream().noneMatch(g -> g.matches(file))) {
        return false;
      }
      return namespaces.isEmpty() || namespace == null || namespaces.contains(namespace);
    }
  }

  private final Map<String, RuleSettings> rules;
  private final Set<String> locked;
  private final Map<String, List<Glob>> owners;
  private final YamlDocument document;
  private final Diagnostics diagnostics;

  private LintConfig(
      Map<String, RuleSettings> rules,
      Set<String> locked,
      Map<String, List<Glob>> owners,
      YamlDocument document,
      Diagnostics diagnostics) {
    this.rules = rules;
    this.locked = locked;
    this.owners = owners;
    this.document = document;
    this.diagnostics = diagnostics;
  }

  /** Reads the settings; problems a schema cannot see go to {@code diagnostics}. */
  public static LintConfig of(RepositoryConfig config, Diagnostics diagnostics) {
    YamlDocument document = config.document();
    Map<String, RuleSettings> rules = new HashMap<>();
    Set<String> locked = new HashSet<>();
    Map<String, List<Glob>> owners = new LinkedHashMap<>();
    if (document != null) {
      JsonNode content = document.content();
      content.path("locked").forEach(id -> locked.add(id.asText()));
      content
          .path("namespaces")
          .fields()
          .forEachRemaining(
              e -> {
                List<Glob> globs = new ArrayList<>();
                e.getValue().forEach(g -> globs.add(Glob.path(g.asText())));
                owners.put(e.getKey(), globs);
              });
      content
          .path("rules")
          .fields()
          .forEachRemaining(
              e ->
                  rules.put(e.getKey(), settings(document, e.getKey(), e.getValue(), diagnostics)));
    }
    return new LintConfig(rules, locked, owners, document, diagnostics);
  }

  private static RuleSettings settings(
      YamlDocument document, String id, JsonNode node, Diagnostics diagnostics) {
    String pointer = "/rules/" + FieldPaths.escape(id);
    List<Glob> paths = new ArrayList<>();
    node.path("paths").forEach(g -> paths.add(Glob.path(g.asText())));
    Set<String> namespaces = new HashSet<>();
    node.path("namespaces").forEach(n -> namespaces.add(n.asText()));
    JsonNode severity = node.path("severity");
    return new RuleSettings(
        node.path("enabled").asBoolean(true),
        severity.isTextual() ? Severity.valueOf(severity.asText().toUpperCase(Locale.ROOT)) : null,
        paths,
        namespaces,
        new RuleOptions(node.path("options"), document, pointer + "/options", diagnostics));
  }

  /** The settings of a rule; defaults (enabled, no options) when alertforge.yaml has none. */
  public RuleSettings settings(String id) {
    RuleSettings settings = rules.get(id);
    return settings != null
        ? settings
        : new RuleSettings(true, null, List.of(), Set.of(), RuleOptions.none(diagnostics));
  }

  public boolean locked(String id) {
    return locked.contains(id);
  }

  /** Namespace to the path globs of the files that may define objects in it; empty if unset. */
  public Map<String, List<Glob>> owners() {
    return owners;
  }

  /** The position of a key of alertforge.yaml, for findings about the configuration itself. */
  public SourcePosition position(String pointer) {
    return document == null ? SourcePosition.ofFile("alertforge.yaml") : document.keyAt(pointer);
  }
}
