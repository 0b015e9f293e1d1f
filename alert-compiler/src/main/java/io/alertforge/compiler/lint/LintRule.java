package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Rule;

/**
 * A check of the rule engine: one class per rule, declaring its {@link Rule} (id, default severity,
 * summary, documentation, options) and computing its findings from the compiled repository.
 *
 * @param <O> the rule's parsed options
 */
public abstract class LintRule<O> {

  private final Rule rule;

  /**
   * @param rule a {@link Rule#configurable} rule: the engine applies alertforge.yaml to its
   *     findings
   */
  protected LintRule(Rule rule) {
    if (!rule.configurable()) {
      throw new IllegalArgumentException("a rule class is configurable: " + rule.id());
    }
    this.rule = rule;
  }

  public final Rule rule() {
    return rule;
  }

  /**
   * Parses the rule's options from alertforge.yaml; rules without options keep this default. The
   * schema has checked their shape already; this reports what it cannot express (a bad regex, min
   * above max) with {@link RuleOptions#error}.
   */
  public O options(RuleOptions options) {
    return null; // a rule without options
  }

  /** Reports every finding; must be linear in the size of the repository. */
  public abstract void check(LintContext context, O options, Findings findings);

  public final String id() {
    return rule.id();
  }
}
