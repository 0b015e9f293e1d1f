package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Rule;

/**
 * A check of the rule engine: one class per rule, with a stable id, a default severity, a summary,
 * its documentation and the options it accepts.
 *
 * @param <O> the rule's parsed options
 */
public abstract class LintRule<O> {

  /** Id ({@code category/name}), default severity and one-line summary. */
  public abstract Rule rule();

  public abstract RuleDoc doc();

  /**
   * Parses the rule's options from alertforge.yaml. The schema has checked their shape already;
   * this reports what it cannot express (a bad regex, min above max) with {@link
   * RuleOptions#error}.
   */
  public abstract O options(RuleOptions options);

  /** Reports every finding; must be linear in the size of the repository. */
  public abstract void check(LintContext context, O options, Findings findings);

  public final String id() {
    return rule().id();
  }
}
