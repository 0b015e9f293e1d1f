package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.load.LoadedRepository;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.model.TemplateUses;
import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule engine: runs every enabled rule on the compiled repository, then applies alertforge.yaml
 * (disable, severity, scope) and the suppression comments to every finding, the compiler's own
 * included.
 */
public final class Linter {

  private final RuleCatalogue catalogue;
  private final Clock clock;

  public Linter(RuleCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public Linter() {
    this(RuleCatalogue.DEFAULT, Clock.systemDefaultZone());
  }

  /**
   * All findings, sorted: {@code compiler}'s, the rules', and those about suppressions and the
   * configuration.
   */
  public List<Diagnostic> lint(
      SourceTree root,
      LoadedRepository repository,
      List<RenderedAlert> alerts,
      TemplateUses templateUses,
      Diagnostics compiler)
      throws IOException {
    Diagnostics configErrors = new Diagnostics();
    LintConfig config = LintConfig.of(repository.config(), configErrors);
    LintContext context =
        new LintContext(
            repository,
            alerts,
            templateUses,
            RepositoryFiles.read(root, repository.texts()),
            config);
    List<Findings.Finding> raw = new ArrayList<>();
    catalogue.checks().parallelStream()
        .map(rule -> run(rule, context))
        .toList()
        .forEach(raw::addAll);
    compiler.sorted().forEach(d -> raw.add(new Findings.Finding(d, null)));
    configErrors.sorted().forEach(d -> raw.add(new Findings.Finding(d, null)));

    Suppressions suppressions =
        new Suppressions(
            context.files(),
            LocalDate.now(clock),
            id -> catalogue.get(id) != null,
            id -> catalogue.get(id).configurable() && !config.locked(id),
            catalogue.ids());
    Set<Diagnostic> kept = new LinkedHashSet<>();
    for (Findings.Finding finding : raw) {
      Diagnostic configured = configure(finding, config);
      if (configured != null
          && !(suppressible(configured, config) && suppressions.suppresses(configured))) {
        kept.add(configured);
      }
    }
    for (Diagnostic finding : suppressions.findings()) {
      Diagnostic configured = configure(new Findings.Finding(finding, null), config);
      if (configured != null) {
        kept.add(configured);
      }
    }
    List<Diagnostic> sorted = new ArrayList<>(kept);
    sorted.sort(Diagnostic.ORDER);
    return List.copyOf(sorted);
  }

  private static <O> List<Findings.Finding> run(LintRule<O> rule, LintContext context) {
    LintConfig.RuleSettings settings = context.config().settings(rule.id());
    if (!settings.enabled()) {
      return List.of();
    }
    Findings findings = new Findings(rule.rule());
    try {
      rule.check(context, rule.options(settings.options()), findings);
    } catch (RuntimeException e) {
      // A bug in one rule must not hide the other rules' findings, nor reach the user as a stack
      // trace; it fails the build as an error they can act on (disable the rule) and report.
      List<Findings.Finding> all = new ArrayList<>(findings.all());
      all.add(new Findings.Finding(internalError(rule, e), null));
      return all;
    }
    return findings.all();
  }

  private static Diagnostic internalError(LintRule<?> rule, RuntimeException e) {
    // where in AlertForge it failed, for the bug report: the JDK frames above it say little
    String where =
        Arrays.stream(e.getStackTrace())
            .filter(frame -> frame.getClassName().startsWith("io.alertforge."))
            .findFirst()
            .map(frame -> " at " + frame)
            .orElse("");
    return new Diagnostic(
        SourcePosition.ofFile(RepositoryScanner.CONFIG_FILE),
        Severity.ERROR,
        rule.id(),
        "rule "
            + rule.id()
            + " failed on this repository with an internal error ("
            + e
            + where
            + "), so its findings may be incomplete; this is a bug in AlertForge, please report it"
            + " with the alert that triggers it. Meanwhile disable the rule in alertforge.yaml"
            + " (rules: {"
            + rule.id()
            + ": {enabled: false}})");
  }

  /** The finding with alertforge.yaml applied, or null when disabled or out of scope. */
  private Diagnostic configure(Findings.Finding finding, LintConfig config) {
    Diagnostic diagnostic = finding.diagnostic();
    Rule rule = catalogue.get(diagnostic.rule());
    if (rule == null || !rule.configurable()) {
      return diagnostic;
    }
    LintConfig.RuleSettings settings = config.settings(diagnostic.rule());
    if (!settings.enabled()
        || !settings.applies(diagnostic.position().file(), finding.namespace())) {
      return null;
    }
    Severity severity = settings.severity();
    return severity == null || severity == diagnostic.severity()
        ? diagnostic
        : new Diagnostic(diagnostic.position(), severity, diagnostic.rule(), diagnostic.message());
  }

  private boolean suppressible(Diagnostic diagnostic, LintConfig config) {
    Rule rule = catalogue.get(diagnostic.rule());
    return rule != null && rule.configurable() && !config.locked(diagnostic.rule());
  }
}
