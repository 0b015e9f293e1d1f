package io.alertforge.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.lint.RuleCatalogue;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code src/test/resources/broken/}: a repository in which every rule class of the rule engine,
 * and every finding about suppressions and options, fires exactly once, at its exact position.
 */
class BrokenExamplesTest {

  static Path broken() throws URISyntaxException {
    return Path.of(BrokenExamplesTest.class.getResource("/broken/alertforge.yaml").toURI())
        .getParent();
  }

  @Test
  void everyRuleFiresOnceWhereItShould() throws Exception {
    Compilation compilation = TestRepository.COMPILER.compile(broken());

    assertThat(compilation.diagnostics().stream().map(Diagnostic::format))
        .containsExactly(
            "alertforge.yaml:20:28: error [config/invalid-option] alertCheckFrequency: min 5 is above max 1",
            "team-a/apps/api.yaml:1:27: error [suppression/malformed] unknown rule 'policy/metric-alowlist' in a suppression; did you mean 'policy/metric-allowlist'?",
            "team-a/apps/api.yaml:10:17: error [security/param-injection] param 'app' = 'api\") or ts(\"billing.revenue' (from the entry's params, used in condition) has '\"'; a value inserted into a query may hold only letters, digits and _ . : * / - (or be a plain number), or it can change what the query reads. Use a plain value, or declare a pattern for the param with the template annotation alertforge.io/param-pattern.app (rendered alert team-a/api.cpu, from the AlertsConfig entry at team-a/apps/api.yaml:8:5)",
            "team-a/apps/api.yaml:10:27: error [policy/metric-allowlist] condition reads metric 'billing.revenue', which is not on the allow list (kubernetes.*) for namespace team-a; query an allowed metric, or add it to rules.policy/metric-allowlist in alertforge.yaml (rendered alert team-a/api.cpu, from the AlertsConfig entry at team-a/apps/api.yaml:8:5)",
            "team-a/apps/batch.yaml:8:28: error [template/misspelled-param] param 'treshold' is not exported by template 'cpu'; did you mean 'threshold'?",
            "team-a/apps/batch.yaml:8:44: warning [template/unused-param] param 'owner' is not used by template cpu; remove it or check its spelling",
            "team-a/apps/batch.yaml:9:5: warning [template/unknown-param] template memory uses param 'runbook' (at team-a/templates/memory.yaml:14:39), but no source supplies it for this entry, and keikoproj would render it as an empty string; add it to params or globalParams, or give the template a default",
            "team-a/apps/web.yaml:8:38: warning [suppression/unused] no policy/required-tags finding on line 9 to suppress; remove it from the comment",
            "team-a/apps/web.yaml:11:64: warning [suppression/expired] this suppression expired on 2020-01-01, so its findings are reported again; fix them, or set a later date",
            "team-a/apps/web.yaml:12:21: warning [policy/threshold-bounds] condition compares kubernetes.cpu.usage with 99, outside the documented range (50..95) for kubernetes.cpu.*; use a standard threshold, or change policy/threshold-bounds in alertforge.yaml after review (rendered alert team-a/web.cpu, from the AlertsConfig entry at team-a/apps/web.yaml:7:5)",
            "team-a/deploy.env:1:32: error [suppression/locked] rule security/secret-in-repo is locked (alertforge.yaml 'locked', or a check that cannot be disabled), so this suppression is ignored; fix the finding instead",
            "team-a/deploy.env:2:17: error [security/secret-in-repo] a UUID-like string, the form of a Wavefront API token (36 characters, not shown); never commit credentials: keep them in a Secret created outside Git and rotate this one if it is real",
            "team-a/standalone/heartbeat.yaml:7:14: error [alert/duplicate-name] Wavefront alertName 'batch heartbeat' of team-a/batch-heartbeat is also rendered by team-a/legacy-heartbeat (team-a/standalone/legacy.yaml:9:14); put a param such as the app or cluster in alertName",
            "team-a/standalone/heartbeat.yaml:14:11: warning [policy/alert-fatigue] an info alert pages through PagerDuty (pd:0a1b2c3d4e5f); notify by email or a target: id, or raise the severity (alert team-a/batch-heartbeat)",
            "team-a/standalone/heartbeat.yaml:14:11: error [policy/notification-targets] target 'pd:0a1b2c3d4e5f' is not approved for namespace team-a (approved: *@team-a.example.com); notify your own team's targets, or approve this one in rules.policy/notification-targets of alertforge.yaml (alert team-a/batch-heartbeat)",
            "team-a/standalone/heartbeat.yaml:15:9: error [policy/required-tags] no tag matches 'team:*', which namespace team-a requires (policy/required-tags in alertforge.yaml); add such a tag (alert team-a/batch-heartbeat)",
            "team-a/standalone/legacy.yaml:6:33: error [alert/renamed-from] alertforge.io/renamed-from must be the previous metadata.name of this alert in its own namespace (lower-case letters, digits, '-' and '.'; a rename cannot move an alert to another namespace), not 'team-b/heartbeat' (WavefrontAlert team-a/legacy-heartbeat); write the name it had before, without a namespace",
            "team-a/standalone/legacy.yaml:7:1: warning [alert/missing-alert-type] WavefrontAlert team-a/legacy-heartbeat has no alertType: keikoproj's controller fails on that ('invalid alert type: '); rendered as CLASSIC. Add 'alertType: CLASSIC'",
            "team-a/standalone/legacy.yaml:17:22: warning [template/not-a-template] '{{' in a standalone WavefrontAlert (no exportedParams) is sent to Wavefront literally; make it a template with exportedParams, or remove the braces",
            "team-b/apps/intruder.yaml:5:14: error [namespace/isolation] AlertsConfig intruder is in namespace team-a, but team-b/apps/intruder.yaml is not one of its paths (team-a/**); this path may write namespace team-b; move the file, or fix its namespace",
            "team-b/apps/intruder.yaml:9:7: warning [suppression/missing-reason] a suppression must say why: end the comment with ' -- <reason>'");
  }

  @Test
  void theBrokenExamplesCoverEveryRuleOfThePackAndOfTheEngine() throws Exception {
    Compilation compilation = TestRepository.COMPILER.compile(broken());
    Set<String> fired = new TreeSet<>();
    compilation.diagnostics().forEach(d -> fired.add(d.rule()));
    Set<String> expected = new TreeSet<>();
    RuleCatalogue.DEFAULT.checks().forEach(c -> expected.add(c.id()));
    RuleCatalogue.DEFAULT.entries().stream()
        .filter(e -> e.id().startsWith("suppression/") || e.id().startsWith("config/"))
        .forEach(e -> expected.add(e.id()));
    assertThat(fired).isEqualTo(expected);
  }
}
