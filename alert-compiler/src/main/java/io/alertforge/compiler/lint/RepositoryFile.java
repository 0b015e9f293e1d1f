package io.alertforge.compiler.lint;

import io.alertforge.compiler.source.SourceText;

/** A text file of the repository (any kind, not only YAML), for rules that read raw text. */
public record RepositoryFile(SourceText text, boolean yaml) {

  public String path() {
    return text.path();
  }
}
