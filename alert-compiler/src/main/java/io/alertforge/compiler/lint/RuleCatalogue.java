package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.lint.alert.DuplicateNameRule;
import io.alertforge.compiler.lint.alert.MissingAlertTypeRule;
import io.alertforge.compiler.lint.alert.RenamedFromRule;
import io.alertforge.compiler.lint.namespace.NamespaceIsolationRule;
import io.alertforge.compiler.lint.policy.AlertFatigueRule;
import io.alertforge.compiler.lint.policy.MetricAllowlistRule;
import io.alertforge.compiler.lint.policy.NotificationTargetsRule;
import io.alertforge.compiler.lint.policy.RequiredTagsRule;
import io.alertforge.compiler.lint.policy.ThresholdBoundsRule;
import io.alertforge.compiler.lint.security.ParamInjectionRule;
import io.alertforge.compiler.lint.security.SecretInRepoRule;
import io.alertforge.compiler.lint.template.MisspelledParamRule;
import io.alertforge.compiler.lint.template.NotATemplateRule;
import io.alertforge.compiler.lint.template.UnknownParamRule;
import io.alertforge.compiler.lint.template.UnusedParamRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule id AlertForge reports, in the order of {@code docs/rules.md}: the {@link Rules} that
 * the compiler's stages and the engine report, and the {@link LintRule} classes that the engine
 * runs. {@code docs/rules.md}, the SARIF rule metadata and alertforge.yaml's schema are made from
 * it. Immutable.
 */
public final class RuleCatalogue {

  public static final RuleCatalogue DEFAULT =
      new RuleCatalogue(new LinkedHashMap<>(), List.of())
          .and(
              Rules.YAML_SYNTAX,
              Rules.YAML_ENCODING,
              Rules.YAML_LIMIT,
              Rules.YAML_DUPLICATE_KEY,
              Rules.YAML_TAG,
              Rules.INPUT_IGNORED,
              Rules.INPUT_SYMLINK,
              Rules.INPUT_UNREADABLE,
              Rules.SCHEMA_API_VERSION,
              Rules.SCHEMA_REQUIRED,
              Rules.SCHEMA_UNKNOWN_FIELD,
              Rules.SCHEMA_TYPE,
              Rules.SCHEMA_ENUM,
              Rules.SCHEMA_RANGE,
              Rules.SCHEMA_EMPTY,
              Rules.SCHEMA_PATTERN,
              Rules.SCHEMA_INVALID,
              Rules.SCHEMA_ALERT_TYPE_FIELD,
              Rules.METADATA_NAMESPACE,
              Rules.REFERENCE_UNKNOWN_TEMPLATE,
              Rules.REFERENCE_STANDALONE,
              Rules.TEMPLATE_SYNTAX,
              Rules.TEMPLATE_EXECUTION,
              Rules.TEMPLATE_MISSING_PARAM,
              Rules.TEMPLATE_CONTROL_CHARACTER)
          .and(
              new UnknownParamRule(),
              new MisspelledParamRule(),
              new UnusedParamRule(),
              new NotATemplateRule(),
              new DuplicateNameRule())
          .and(Rules.ALERT_DUPLICATE_RESOURCE)
          .and(new MissingAlertTypeRule(), new RenamedFromRule())
          .and(
              Rules.CONFIG_INVALID_OPTION,
              Rules.SUPPRESSION_MISSING_REASON,
              Rules.SUPPRESSION_UNUSED,
              Rules.SUPPRESSION_EXPIRED,
              Rules.SUPPRESSION_LOCKED,
              Rules.SUPPRESSION_MALFORMED)
          .and(
              new MetricAllowlistRule(),
              new RequiredTagsRule(),
              new NotificationTargetsRule(),
              new AlertFatigueRule(),
              new ThresholdBoundsRule(),
              new ParamInjectionRule(),
              new SecretInRepoRule(),
              new NamespaceIsolationRule());

  private final Map<String, Rule> rules;
  private final List<LintRule<?>> checks;

  private RuleCatalogue(Map<String, Rule> rules, List<LintRule<?>> checks) {
    this.rules = rules;
    this.checks = List.copyOf(checks);
  }

  /** This catalogue followed by rules that the compiler's stages or the engine report. */
  private RuleCatalogue and(Rule... reported) {
    Map<String, Rule> more = new LinkedHashMap<>(rules);
    for (Rule rule : reported) {
      add(more, rule);
    }
    return new RuleCatalogue(more, checks);
  }

  /** This catalogue followed by rule classes, which the engine runs in this order. */
  private RuleCatalogue and(LintRule<?>... run) {
    Map<String, Rule> more = new LinkedHashMap<>(rules);
    List<LintRule<?>> moreChecks = new ArrayList<>(checks);
    for (LintRule<?> check : run) {
      add(more, check.rule());
      moreChecks.add(check);
    }
    return new RuleCatalogue(more, moreChecks);
  }

  private static void add(Map<String, Rule> rules, Rule rule) {
    if (rules.putIfAbsent(rule.id(), rule) != null) {
      throw new IllegalStateException("rule id used twice: " + rule.id());
    }
  }

  /**
   * This catalogue's reported rules with {@code replacement} in place of its rule classes: the
   * engine then runs exactly those (tests and tools pick the checks they need).
   */
  public RuleCatalogue withChecks(List<LintRule<?>> replacement) {
    Map<String, Rule> reported = new LinkedHashMap<>(rules);
    checks.forEach(check -> reported.remove(check.id()));
    return new RuleCatalogue(reported, List.of()).and(replacement.toArray(LintRule<?>[]::new));
  }

  /** Every rule, in catalogue order. */
  public List<Rule> entries() {
    return List.copyOf(rules.values());
  }

  /** The rule with this id, or null. */
  public Rule get(String id) {
    return rules.get(id);
  }

  public List<String> ids() {
    return new ArrayList<>(rules.keySet());
  }

  /** The rule classes, in the order the engine starts them. */
  public List<LintRule<?>> checks() {
    return checks;
  }
}
