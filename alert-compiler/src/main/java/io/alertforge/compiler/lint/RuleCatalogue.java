package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.lint.namespace.NamespaceIsolationRule;
import io.alertforge.compiler.lint.policy.AlertFatigueRule;
import io.alertforge.compiler.lint.policy.MetricAllowlistRule;
import io.alertforge.compiler.lint.policy.NotificationTargetsRule;
import io.alertforge.compiler.lint.policy.RequiredTagsRule;
import io.alertforge.compiler.lint.policy.ThresholdBoundsRule;
import io.alertforge.compiler.lint.security.ParamInjectionRule;
import io.alertforge.compiler.lint.security.SecretInRepoRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule id AlertForge reports, in catalogue order: the compiler's checks, the engine's own
 * (configuration and suppressions), and the rule classes. {@code docs/rules.md}, the SARIF rule
 * metadata and alertforge.yaml's schema agree with it (tests check).
 */
public final class RuleCatalogue {

  public static final RuleCatalogue DEFAULT =
      new RuleCatalogue(
          List.of(
              new MetricAllowlistRule(),
              new RequiredTagsRule(),
              new NotificationTargetsRule(),
              new AlertFatigueRule(),
              new ThresholdBoundsRule(),
              new ParamInjectionRule(),
              new SecretInRepoRule(),
              new NamespaceIsolationRule()));

  private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
  private final List<LintRule<?>> checks;

  public RuleCatalogue(List<LintRule<?>> checks) {
    this.checks = List.copyOf(checks);
    for (Rule rule : Rules.ALL) {
      add(builtin(rule, BuiltinRuleDocs.CONFIGURABLE.contains(rule.id())));
    }
    add(builtin(RuleOptions.CONFIG_INVALID, false));
    add(builtin(Suppressions.MISSING_REASON, true));
    add(builtin(Suppressions.UNUSED, true));
    add(builtin(Suppressions.EXPIRED, true));
    add(builtin(Suppressions.LOCKED, false));
    add(builtin(Suppressions.MALFORMED, false));
    for (LintRule<?> check : checks) {
      add(new CatalogueEntry(check.rule(), true, check.doc(), check));
    }
  }

  private void add(CatalogueEntry entry) {
    if (entries.putIfAbsent(entry.id(), entry) != null) {
      throw new IllegalStateException("rule id used twice: " + entry.id());
    }
  }

  private static CatalogueEntry builtin(Rule rule, boolean configurable) {
    String[] example = BuiltinRuleDocs.EXAMPLES.getOrDefault(rule.id(), new String[] {"", ""});
    return new CatalogueEntry(
        rule, configurable, new RuleDoc(rule.summary(), example[0], example[1], Map.of()), null);
  }

  public List<CatalogueEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entry of a rule id, or null. */
  public CatalogueEntry get(String id) {
    return entries.get(id);
  }

  public List<String> ids() {
    return new ArrayList<>(entries.keySet());
  }

  public List<LintRule<?>> checks() {
    return checks;
  }
}
