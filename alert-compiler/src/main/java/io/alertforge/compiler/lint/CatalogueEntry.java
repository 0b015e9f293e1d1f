package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Rule;

/**
 * One rule of the catalogue: a compiler check, an engine rule, or a {@link LintRule}.
 *
 * @param configurable false for checks whose errors make rendering impossible: those cannot be
 *     disabled, re-graded, scoped or suppressed
 * @param check the rule's implementation, or null for the compiler's own checks
 */
public record CatalogueEntry(Rule rule, boolean configurable, RuleDoc doc, LintRule<?> check) {

  public String id() {
    return rule.id();
  }
}
