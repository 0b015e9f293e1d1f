package io.alertforge.compiler.model;

import java.util.Optional;

/** What {@code alertforge.yaml} configures. */
public record RepositoryConfig(Optional<String> defaultNamespace) {

  public static final RepositoryConfig EMPTY = new RepositoryConfig(Optional.empty());
}
