package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Linter;
import io.alertforge.compiler.lint.RuleCatalogue;
import io.alertforge.compiler.lint.policy.RequiredTagsRule;
import io.alertforge.compiler.source.YamlLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that fails with a bug is an error finding; the other rules' findings are kept. */
class RuleFailureTest {

  @TempDir Path root;

  /** Fails on the first rendered alert, after reporting nothing. */
  static final class BrokenRule extends LintRule<Void> {
    BrokenRule() {
      super(Rule.configurable("test/broken", Severity.WARNING, "Fails."));
    }

    @Override
    public void check(LintContext context, Void options, Findings findings) {
      context.alerts().forEach(alert -> alert.name().charAt(-1));
    }
  }

  @Test
  void aFailingRuleIsAnErrorAndTheOtherRulesStillReport() throws Exception {
    new TestRepository(root)
        .file("payments/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC))
        .file("payments/a.yaml", LintRulesTest.config("a", "payments", "{app: a}"))
        .file(
            "alertforge.yaml",
            """
            rules:
              policy/required-tags:
                options: {required: ["team:*"]}
            """);
    AlertCompiler compiler =
        new AlertCompiler(
            YamlLimits.DEFAULT,
            new Linter(
                RuleCatalogue.DEFAULT.withChecks(List.of(new BrokenRule(), new RequiredTagsRule())),
                Clock.systemUTC()));

    Compilation compilation = compiler.compile(root);

    assertThat(compilation.diagnostics())
        .extracting(Diagnostic::rule)
        .containsExactlyInAnyOrder("policy/required-tags", "test/broken");
    Diagnostic broken =
        compilation.diagnostics().stream()
            .filter(d -> d.rule().equals("test/broken"))
            .findFirst()
            .orElseThrow();
    assertThat(broken.severity()).isEqualTo(Severity.ERROR);
    assertThat(broken.format())
        .startsWith(
            "alertforge.yaml:0:0: error [test/broken] rule test/broken failed on this repository")
        .contains(
            "StringIndexOutOfBoundsException",
            "at io.alertforge.compiler.RuleFailureTest$BrokenRule")
        .endsWith("disable the rule in alertforge.yaml (rules: {test/broken: {enabled: false}})");
  }
}
