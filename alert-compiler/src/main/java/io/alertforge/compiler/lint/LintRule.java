package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;

/**
 * A check of the rule engine: one class per rule, with a stable id, a default severity, a summary,
 * its documentation and the options it accepts.
 *
 * @param <O> the rule's parsed options
 */
public abstract class LintRule<O> {

  private final Rule rule;

  /**
   * @param id {@code category/name}, stable: suppressions and configurations name it
   * @param summary one line for the catalogue
   */
  protected LintRule(String id, Severity severity, String summary) {
    this.rule = new Rule(id, severity, summary);
  }

  /** Id ({@code category/name}), default severity and one-line summary. */
  public final Rule rule() {
    return rule;
  }

  public abstract RuleDoc doc();

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
    return rule().id();
  }
}
