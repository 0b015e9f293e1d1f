package io.alertforge.compiler.diagnostic;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything about one rule, in one place: its stable id ({@code category/name}), the severity it
 * reports at by default, whether alertforge.yaml may configure it, and its documentation, from
 * which {@code docs/rules.md}, the SARIF rule metadata and alertforge.yaml's schema are made. Ids
 * are an interface: never rename one.
 *
 * <p>Declared as {@code Rule.mandatory(id, severity, summary)} or {@code Rule.configurable(...)},
 * then {@code .withDescription(...)} (when the summary does not say enough), {@code
 * .withExample(bad, good)} and {@code .withOptions(...)}.
 *
 * @param configurable false for checks whose errors stop an alert from rendering correctly: those
 *     cannot be disabled, re-graded, scoped or suppressed
 * @param summary one line for the catalogue's table
 * @param description what the rule checks and why, in Markdown; the summary unless set
 * @param bad an example that the rule reports (YAML, the file name in a leading comment)
 * @param good the same example fixed
 * @param options each option the rule accepts under {@code options:} in alertforge.yaml, with what
 *     it means; empty when it takes none
 */
public record Rule(
    String id,
    Severity severity,
    boolean configurable,
    String summary,
    String description,
    String bad,
    String good,
    Map<String, String> options) {

  private static final Pattern ID = Pattern.compile("[a-z]+/[a-z]+(-[a-z]+)*");

  public Rule {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(bad, "bad");
    Objects.requireNonNull(good, "good");
    options = Map.copyOf(options);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be lower-case category/name: " + id);
    }
  }

  /** A rule that always applies, at its own severity; no comment can suppress it. */
  public static Rule mandatory(String id, Severity severity, String summary) {
    return new Rule(id, severity, false, summary, summary, "", "", Map.of());
  }

  /**
   * A rule that alertforge.yaml may disable, re-grade, scope and give options, and whose findings a
   * comment may suppress.
   */
  public static Rule configurable(String id, Severity severity, String summary) {
    return new Rule(id, severity, true, summary, summary, "", "", Map.of());
  }

  public Rule withDescription(String description) {
    return new Rule(id, severity, configurable, summary, description, bad, good, options);
  }

  /**
   * @param bad an example that the rule reports
   * @param good the same example fixed
   */
  public Rule withExample(String bad, String good) {
    return new Rule(id, severity, configurable, summary, description, bad, good, options);
  }

  public Rule withOptions(Map<String, String> options) {
    return new Rule(id, severity, configurable, summary, description, bad, good, options);
  }
}
