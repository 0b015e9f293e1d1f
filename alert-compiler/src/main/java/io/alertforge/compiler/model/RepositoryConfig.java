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
}
