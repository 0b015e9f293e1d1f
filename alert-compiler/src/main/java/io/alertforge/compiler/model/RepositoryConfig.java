package io.alertforge.compiler.model;

import io.alertforge.compiler.source.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code alertforge.yaml} configures.
 *
 * @param document the file, for the rule engine's settings and their positions; null when there is
 *     none or it broke its schema
 */
public record RepositoryConfig(Optional<String> defaultNamespace, YamlDocument document) {

  public static final RepositoryConfig EMPTY = new RepositoryConfig(Optional.empty());

  public RepositoryConfig(Optional<String> defaultNamespace) {
    this(defaultNamespace, null);
  }

  /**
   * Namespaces whose templates any AlertsConfig may use (after its own namespace), in order;
   * keikoproj allows only the AlertsConfig's own namespace.
   */
  public List<String> sharedTemplateNamespaces() {
    List<String> shared = new ArrayList<>();
    if (document != null) {
      document.content().path("sharedTemplateNamespaces").forEach(n -> shared.add(n.asText()));
    }
    return shared;
  }

  /** alertforge.yaml's {@code burnIn}: the period ({@code 7d}, {@code 12h}) and targets. */
  public record BurnIn(String period, java.util.Map<String, String> targets) {
    /** The namespace's burn-in target, or null when its alerts do not burn in. */
    public String target(String namespace) {
      String t = targets.get(namespace);
      return t != null ? t : targets.get("*");
    }
  }

  /** The burn-in settings, empty when alertforge.yaml has none. */
  public java.util.Optional<BurnIn> burnIn() {
    if (document == null || !document.content().path("burnIn").isObject()) {
      return java.util.Optional.empty();
    }
    var node = document.content().path("burnIn");
    java.util.Map<String, String> targets = new java.util.TreeMap<>();
    node.path("targets")
        .fields()
        .forEachRemaining(e -> targets.put(e.getKey(), e.getValue().asText()));
    String period = node.path("period").asText("");
    if (period.isEmpty() || targets.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new BurnIn(period, java.util.Map.copyOf(targets)));
  }
}
