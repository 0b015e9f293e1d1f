package io.alertforge.compiler.lint;

import java.util.Map;

/**
 * The documentation of a rule, from which {@code docs/rules.md} and the SARIF help text are made.
 *
 * @param description what the rule checks and why, in Markdown
 * @param bad an example that the rule reports (YAML, the file name in a leading comment)
 * @param good the same example fixed
 * @param options each option the rule accepts under {@code options:} in alertforge.yaml, with what
 *     it means; empty when it takes none
 */
public record RuleDoc(String description, String bad, String good, Map<String, String> options) {

  public RuleDoc {
    options = Map.copyOf(options);
  }
}
