package io.alertforge.compiler.diff;

import static io.alertforge.compiler.diff.Alerts.config;
import static io.alertforge.compiler.diff.Alerts.standalone;
import static io.alertforge.compiler.diff.Alerts.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.diff.AlertChange.Kind;
import io.alertforge.compiler.git.GitBaseException;
import io.alertforge.compiler.git.GitWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull-request scenarios on real Git repositories: main, a branch, a change, a diff. */
class GitDiffTest {

  private static final AlertCompiler COMPILER = new AlertCompiler();

  @TempDir Path dir;
  private GitFixture repo;

  @BeforeEach
  void mainWithTwelveInstancesOfOneTemplate() throws Exception {
    repo = GitFixture.init(dir);
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "80"));
    for (int i = 1; i <= 12; i++) {
      repo.write(
          "team-a/apps/app" + i + ".yaml", config("team-a", "app" + i, "app" + i, "cpu-high"));
    }
    repo.write("team-b/heartbeat.yaml", standalone("team-b", "heartbeat", "team-b@example.com"));
    repo.commit("alerts");
    repo.branch("change");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private AlertDiff diff(Path source, String head) throws Exception {
    try (GitWorkspace workspace = GitWorkspace.open(source).orElseThrow()) {
      return GitDiff.diff(COMPILER, workspace, null, head, null);
    }
  }

  private AlertDiff diff() throws Exception {
    return diff(dir, null);
  }

  private static String markdown(AlertDiff diff) {
    return DiffMarkdown.render(diff, "target/alerts/diff.json", DiffMarkdown.DEFAULT_LIMIT);
  }

  /** The comment's header for a diff, its verdict without findings (the head's are not at hand). */
  private static String header(AlertDiff diff) {
    return CommentHeader.render(
        new CommentHeader.Context(
            CommentHeader.Revision.workingTree(),
            null,
            null,
            null,
            io.alertforge.compiler.diagnostic.Severity.ERROR),
        List.of(),
        diff);
  }

  @Test
  void aCleanWorkingTreeIsNamedByItsCommitAndAnEditedOneIsNot() throws Exception {
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "90"));
    org.eclipse.jgit.revwalk.RevCommit committed = repo.commit("raise the threshold");
    try (GitWorkspace workspace = GitWorkspace.open(dir.resolve("team-a")).orElseThrow()) {
      GitDiff.Comparison clean = GitDiff.compare(COMPILER, workspace, null, null, null);

      assertThat(clean.headCommit().commit()).isEqualTo(committed);
      assertThat(clean.diff().head())
          .isEqualTo("HEAD (" + committed.abbreviate(12).name() + "):team-a");
      assertThat(clean.base().ref()).isEqualTo("main");
      assertThat(clean.head().alerts()).hasSize(12);

      repo.write("team-b/heartbeat.yaml", standalone("team-b", "heartbeat", "b@example.com"));
      assertThat(GitDiff.compare(COMPILER, workspace, null, null, null).headCommit())
          .as("an edit outside the alert source leaves it clean")
          .isNotNull();
      repo.write("team-a/new.yaml", standalone("team-a", "new", "a@example.com"));
      GitDiff.Comparison edited = GitDiff.compare(COMPILER, workspace, null, null, null);

      assertThat(edited.headCommit()).isNull();
      assertThat(edited.diff().head()).isEqualTo(GitDiff.WORKING_TREE);
    }
  }

  @Test
  void aTemplateChangeFansOutAndIsShownOnceAsAPattern() throws Exception {
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "90"));
    repo.commit("raise the threshold");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine()).isEqualTo("+0 created, ~12 changed, -0 deleted in 1 namespace");
    assertThat(diff.patterns()).hasSize(1);
    assertThat(diff.patterns().get(0).summary()).isEqualTo("threshold 80 → 90");
    assertThat(diff.patterns().get(0).alerts()).hasSize(12);
    assertThat(diff.sources())
        .containsExactly(new SourceImpact("team-a/templates.yaml", "template", 12, 12, 1));
    String md = markdown(diff);
    assertThat(md)
        .startsWith(
            "### AlertForge: alert changes\n\n**+0 created, ~12 changed, -0 deleted in 1 namespace**")
        .contains("<b>threshold 80 → 90</b> · 12 alerts")
        .contains("| <code>team-a/templates.yaml</code> | template | 12 | 12 | 1 |")
        .contains(
            "| namespace | created | changed | deleted | renamed, Wavefront alert recreated |"
                + " renamed, Wavefront alert kept |\n|---|--:|--:|--:|--:|--:|\n"
                + "| team-a | 0 | 12 | 0 | 0 | 0 |\n")
        .doesNotContain("[!WARNING]");
  }

  @Test
  void aMetricRenameInATemplateIsNamedOnceForAllInstances() throws Exception {
    repo.write(
        "team-a/templates.yaml",
        template("team-a", "cpu-high", "80", "kubernetes.pod.cpu.limit_rate", 10, "severe"));
    repo.commit("other metric, longer, louder");

    AlertDiff diff = diff();

    assertThat(diff.patterns()).hasSize(1);
    assertThat(diff.patterns().get(0).summary())
        .isEqualTo(
            "metric kubernetes.pod.cpu.usage_rate → kubernetes.pod.cpu.limit_rate; displayExpression"
                + " metric kubernetes.pod.cpu.usage_rate → kubernetes.pod.cpu.limit_rate; severity"
                + " warn → severe; minutes 5 → 10");
    assertThat(markdown(diff))
        .contains(
            "<b>metric kubernetes.pod.cpu.usage&#95;rate → kubernetes.pod.cpu.limit&#95;rate;")
        .contains("· 12 alerts");
  }

  @Test
  void aStructuralQueryEditInATemplateShowsBothQueriesOnce() throws Exception {
    repo.write(
        "team-a/templates.yaml",
        template("team-a", "cpu-high", "80").replace(") > {{", ") * 100 > {{"));
    repo.commit("percent");

    AlertDiff diff = diff();

    assertThat(diff.patterns()).hasSize(1);
    assertThat(diff.patterns().get(0).alerts()).hasSize(12);
    assertThat(diff.patterns().get(0).summary()).isEqualTo("condition changed");
    assertThat(markdown(diff))
        .contains("<b>condition changed</b> · 12 alerts")
        .contains("Example: <code>team-a/app1.cpu-high</code>")
        .contains(
            "- condition: ts(kubernetes.pod.cpu.usage_rate, label.app=\"app1\") > 80\n"
                + "+ condition: ts(kubernetes.pod.cpu.usage_rate, label.app=\"app1\") * 100 > 80\n");
  }

  @Test
  void aParamOverrideInOneAlertsConfigTouchesOneAlert() throws Exception {
    repo.write("team-a/apps/app3.yaml", config("team-a", "app3", "app3", "cpu-high=95"));
    repo.commit("app3 is busier");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine()).isEqualTo("+0 created, ~1 changed, -0 deleted in 1 namespace");
    assertThat(diff.sources())
        .containsExactly(new SourceImpact("team-a/apps/app3.yaml", "AlertsConfig", 1, 1, 1));
    assertThat(markdown(diff))
        .contains("\n~ <code>team-a/app3.cpu-high</code>: threshold 80 → 95\n");
  }

  @Test
  void aNewAlertsConfigCreatesItsAlerts() throws Exception {
    repo.write("team-a/apps/new.yaml", config("team-a", "new-app", "new-app", "cpu-high"));
    repo.commit("new app");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine()).isEqualTo("+1 created, ~0 changed, -0 deleted in 1 namespace");
    assertThat(diff.of(Kind.CREATED).get(0).qualifiedName()).isEqualTo("team-a/new-app.cpu-high");
    assertThat(markdown(diff))
        .contains("<details><summary>+ 1 created</summary>")
        .contains(
            "| <code>team-a/new-app.cpu-high</code> | <code>new-app cpu-high</code> | warn | 5 |");
  }

  @Test
  void aNewAlertWithErrorsIsCreatedAndMarkedWithItsErrors() throws Exception {
    repo.write(
        "team-a/apps/new.yaml",
        config("team-a", "new-app", "new-app", "cpu-high=95").replace("\"95\"", "95"));
    repo.commit("new app, threshold unquoted");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine())
        .isEqualTo("+1 created, ~0 changed, -0 deleted in 1 namespace; 1 with errors");
    AlertChange created = diff.of(Kind.CREATED).get(0);
    assertThat(created.qualifiedName()).isEqualTo("team-a/new-app.cpu-high");
    assertThat(created.errors())
        .extracting(d -> d.format())
        .containsExactly(
            "team-a/apps/new.yaml:12:20: error [schema/type] spec.alerts.cpu-high.params.threshold"
                + " must be a string, found an integer 95; quote it: \"95\"");
    assertThat(diff.sources())
        .containsExactly(new SourceImpact("team-a/apps/new.yaml", "AlertsConfig", 1, 1, 1));
    assertThat(markdown(diff))
        .contains(
            "<details open><summary>⚠ 1 alert has errors: shown as far as they render, applied"
                + " once fixed</summary>")
        .contains(
            "| <code>team-a/new-app.cpu-high</code> | created | 1 |"
                + " <code>team-a/apps/new.yaml:12:20</code> <code>schema/type</code>"
                + " spec.alerts.cpu-high.params.threshold must be a string")
        .contains("<details><summary>+ 1 created</summary>");
    var json = DiffJson.of(diff);
    assertThat(json.path("counts").path("withErrors").asInt()).isEqualTo(1);
    var change = json.path("changes").get(0);
    assertThat(change.path("kind").asText()).isEqualTo("created");
    assertThat(change.path("errors").toString())
        .isEqualTo(
            "[{\"file\":\"team-a/apps/new.yaml\",\"line\":12,\"column\":20,"
                + "\"severity\":\"error\",\"rule\":\"schema/type\",\"message\":"
                + "\"spec.alerts.cpu-high.params.threshold must be a string, found an integer 95;"
                + " quote it: \\\"95\\\"\"}]");
    // the fields that use the broken threshold did not render: the spec shows the rest
    assertThat(change.path("spec").has("condition")).isFalse();
    assertThat(change.path("spec").path("alertName").asText()).isEqualTo("new-app cpu-high");
  }

  @Test
  void aTemplateThatNoLongerParsesChangesItsInstancesWithErrorsAndDeletesNone() throws Exception {
    repo.write(
        "team-a/templates.yaml",
        template("team-a", "cpu-high", "80").replace("> {{ .threshold }}", "> {{ .threshold }"));
    repo.commit("typo in the template");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine())
        .isEqualTo("+0 created, ~12 changed, -0 deleted in 1 namespace; 12 with errors");
    assertThat(diff.withErrors()).hasSize(12);
    assertThat(diff.withErrors().get(0).errors())
        .extracting(d -> d.format())
        .containsExactly(
            "team-a/templates.yaml:9:88: error [template/syntax] unexpected \"}\" in operand (in"
                + " condition of template cpu-high)");
    // the condition did not render, so it is not shown as removed
    assertThat(diff.of(Kind.CHANGED).get(0).fields()).isEmpty();
    assertThat(diff.sources())
        .containsExactly(new SourceImpact("team-a/templates.yaml", "template", 12, 12, 1));
    assertThat(markdown(diff))
        .contains("⚠ 12 alerts have errors")
        .contains("| <code>team-a/app1.cpu-high</code> | changed | 1 |")
        .doesNotContain("[!WARNING]");
  }

  @Test
  void aDeletedTemplateDeletesItsInstancesWithAWarningAndANewError() throws Exception {
    repo.delete("team-a/templates.yaml");
    repo.commit("drop cpu-high");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine()).isEqualTo("+0 created, ~0 changed, -12 deleted in 1 namespace");
    assertThat(diff.sources())
        .containsExactly(new SourceImpact("team-a/templates.yaml", "template", 12, 12, 1));
    assertThat(diff.findings()).hasSize(12).allMatch(TouchedFinding::isNew);
    assertThat(diff.findings().get(0).diagnostic().rule()).isEqualTo("reference/unknown-template");
    String md = markdown(diff);
    assertThat(md)
        .contains(
            "> [!WARNING]\n> **12 alerts will be deleted** from the cluster and from Wavefront:")
        .contains("Findings on touched alerts: 12 new, 0 already on the base")
        .contains("| **new** | error | <code>team-a/apps/app1.yaml");
    assertThat(md.indexOf("[!WARNING]")).isLessThan(md.indexOf("| namespace |"));
  }

  @Test
  void aRenamedAlertsConfigRecreatesItsWavefrontAlertAndSaysSo() throws Exception {
    repo.delete("team-a/apps/app5.yaml");
    repo.write("team-a/apps/app5-v2.yaml", config("team-a", "app5-v2", "app5", "cpu-high"));
    repo.commit("rename");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine())
        .isEqualTo("+0 created, ~0 changed, -0 deleted, 1 renamed (recreated) in 1 namespace");
    AlertChange move = diff.of(Kind.MOVED).get(0);
    assertThat(move.before().qualifiedName()).isEqualTo("team-a/app5.cpu-high");
    assertThat(move.after().qualifiedName()).isEqualTo("team-a/app5-v2.cpu-high");
    assertThat(move.recreated()).isTrue();
    assertThat(diff.wavefrontDeletions()).containsExactly(move);
    assertThat(markdown(diff))
        .contains(
            "<details open><summary>↷ 1 renamed: Wavefront alert deleted and recreated (new id;"
                + " history, acknowledgements and snoozes lost)</summary>")
        .contains("annotate the renamed alert `alertforge.io/renamed-from: <old name>`")
        .contains("| <code>team-a/app5.cpu-high</code> | <code>team-a/app5-v2.cpu-high</code> |")
        .contains(
            "> [!WARNING]\n> **1 renamed alert's Wavefront alert will be deleted** and created"
                + " again under its new name (new id; history, acknowledgements and snoozes lost):"
                + " <code>team-a/app5.cpu-high</code> → <code>team-a/app5-v2.cpu-high</code>. To"
                + " keep it, annotate the renamed alert `alertforge.io/renamed-from: <old name>`."
                + " Check that this is intended.\n\n")
        .contains("| team-a | 0 | 0 | 0 | 1 | 0 |\n")
        .doesNotContain("will be deleted** from the cluster")
        .doesNotContain("same spec, new name");
    assertThat(header(diff))
        .startsWith(
            "**✅ Lint passed · ⚠ 1 Wavefront alert deleted (by a rename, recreated with a new"
                + " id)** · head ");
    var json = DiffJson.of(diff);
    assertThat(json.path("counts").path("moved").asLong()).isEqualTo(1);
    assertThat(json.path("counts").path("recreated").asLong()).isEqualTo(1);
    assertThat(json.path("counts").path("deleted").asLong()).isZero();
    var change = json.path("changes").get(0);
    assertThat(change.path("kind").asText()).isEqualTo("moved");
    assertThat(change.path("fromName").asText()).isEqualTo("app5.cpu-high");
    assertThat(change.path("recreated").asBoolean()).isTrue();
  }

  private static String renamedFrom(String document, String namespace, String from) {
    return document.replace(
        "  namespace: " + namespace + "\n",
        "  namespace: "
            + namespace
            + "\n  annotations:\n    alertforge.io/renamed-from: "
            + from
            + "\n");
  }

  @Test
  void anAnnotatedRenameKeepsTheWavefrontAlertEvenWithAChangedSpec() throws Exception {
    repo.delete("team-a/apps/app5.yaml");
    repo.write(
        "team-a/apps/app5-v2.yaml",
        renamedFrom(config("team-a", "app5-v2", "app5", "cpu-high=95"), "team-a", "app5"));
    repo.delete("team-a/apps/app6.yaml");
    repo.write("team-a/apps/app6-v2.yaml", config("team-a", "app6-v2", "app6", "cpu-high"));
    repo.commit("rename two, one annotated");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine())
        .isEqualTo("+0 created, ~0 changed, -0 deleted, 2 renamed (1 recreated) in 1 namespace");
    AlertChange kept =
        diff.of(Kind.MOVED).stream().filter(c -> !c.recreated()).findFirst().orElseThrow();
    assertThat(kept.before().qualifiedName()).isEqualTo("team-a/app5.cpu-high");
    assertThat(kept.after().qualifiedName()).isEqualTo("team-a/app5-v2.cpu-high");
    assertThat(kept.after().annotations())
        .containsEntry("alertforge.io/renamed-from", "app5.cpu-high");
    assertThat(kept.fields()).extracting(FieldChange::summary).containsExactly("threshold 80 → 95");
    assertThat(diff.wavefrontDeletions())
        .extracting(AlertChange::qualifiedName)
        .containsExactly("team-a/app6-v2.cpu-high");
    assertThat(markdown(diff))
        .contains("<details><summary>↷ 1 renamed, Wavefront alert kept (id kept)</summary>")
        .contains(
            "| <code>team-a/app5.cpu-high</code> | <code>team-a/app5-v2.cpu-high</code> |"
                + " threshold 80 → 95 |")
        .contains("↷ 1 renamed: Wavefront alert deleted and recreated")
        .contains(
            "**1 renamed alert's Wavefront alert will be deleted** and created again under its new"
                + " name (new id; history, acknowledgements and snoozes lost):"
                + " <code>team-a/app6.cpu-high</code> → <code>team-a/app6-v2.cpu-high</code>.")
        .doesNotContain("<code>team-a/app5.cpu-high</code> → ")
        .contains("| team-a | 0 | 0 | 0 | 1 | 1 |\n");
    var json = DiffJson.of(diff);
    assertThat(json.path("counts").path("moved").asLong()).isEqualTo(2);
    assertThat(json.path("counts").path("recreated").asLong()).isEqualTo(1);
  }

  @Test
  void anAnnotationNamingNoAlertOfTheBaseIsACreateAndSaysSo() throws Exception {
    repo.write(
        "team-a/apps/new.yaml",
        renamedFrom(config("team-a", "new-app", "new-app", "cpu-high"), "team-a", "never-was"));
    repo.commit("new app, annotated by mistake");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine()).isEqualTo("+1 created, ~0 changed, -0 deleted in 1 namespace");
    assertThat(diff.notes())
        .containsExactly(
            "team-a/new-app.cpu-high is annotated alertforge.io/renamed-from: never-was.cpu-high,"
                + " but the base has no alert team-a/never-was.cpu-high: there is no Wavefront"
                + " alert to keep, so the controller creates a new one.");
  }

  @Test
  void anAnnotatedRenameIsPairedWithErrorsButARenameFoundByItsSpecIsNot() throws Exception {
    // app5: annotated, its threshold unquoted (a schema error); app6: the same error, not
    // annotated; app7: not annotated, no error
    repo.delete("team-a/apps/app5.yaml");
    repo.write(
        "team-a/apps/app5-v2.yaml",
        renamedFrom(
            config("team-a", "app5-v2", "app5", "cpu-high=80").replace("\"80\"", "80"),
            "team-a",
            "app5"));
    repo.delete("team-a/apps/app6.yaml");
    repo.write(
        "team-a/apps/app6-v2.yaml",
        config("team-a", "app6-v2", "app6", "cpu-high=80").replace("\"80\"", "80"));
    repo.delete("team-a/apps/app7.yaml");
    repo.write("team-a/apps/app7-v2.yaml", config("team-a", "app7-v2", "app7", "cpu-high"));
    repo.commit("rename three");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine())
        .isEqualTo(
            "+1 created, ~0 changed, -1 deleted, 2 renamed (1 recreated) in 1 namespace;"
                + " 2 with errors");
    AlertChange kept =
        diff.of(Kind.MOVED).stream().filter(c -> !c.recreated()).findFirst().orElseThrow();
    assertThat(kept.before().qualifiedName()).isEqualTo("team-a/app5.cpu-high");
    assertThat(kept.after().qualifiedName()).isEqualTo("team-a/app5-v2.cpu-high");
    assertThat(kept.errors()).extracting(d -> d.rule()).containsExactly("schema/type");
    // the condition did not render: it is not shown as changed
    assertThat(kept.fields()).isEmpty();
    assertThat(diff.of(Kind.CREATED))
        .extracting(AlertChange::qualifiedName)
        .containsExactly("team-a/app6-v2.cpu-high");
    assertThat(diff.of(Kind.DELETED))
        .extracting(AlertChange::qualifiedName)
        .containsExactly("team-a/app6.cpu-high");
    assertThat(diff.wavefrontDeletions())
        .extracting(AlertChange::qualifiedName)
        .containsExactly("team-a/app6.cpu-high", "team-a/app7-v2.cpu-high");
    assertThat(diff.withErrors())
        .extracting(AlertChange::qualifiedName)
        .containsExactly("team-a/app5-v2.cpu-high", "team-a/app6-v2.cpu-high");
    assertThat(markdown(diff))
        .contains("| <code>team-a/app5-v2.cpu-high</code> | moved | 1 |")
        .contains("| <code>team-a/app6-v2.cpu-high</code> | created | 1 |")
        .contains(
            "> [!WARNING]\n> **1 alert will be deleted** from the cluster and from Wavefront:"
                + " <code>team-a/app6.cpu-high</code>. **1 renamed alert's Wavefront alert will be"
                + " deleted** and created again under its new name")
        .contains(": <code>team-a/app7.cpu-high</code> → <code>team-a/app7-v2.cpu-high</code>.")
        .contains("| team-a | 1 | 0 | 1 | 1 | 1 |\n");
    assertThat(header(diff))
        .contains(
            " · ⚠ 2 Wavefront alerts deleted (1 of them by a rename, recreated with a new id)** ·"
                + " head ");
    var json = DiffJson.of(diff);
    assertThat(json.path("counts").path("moved").asLong()).isEqualTo(2);
    assertThat(json.path("counts").path("recreated").asLong()).isEqualTo(1);
    assertThat(json.path("counts").path("withErrors").asLong()).isEqualTo(2);
    var moved = json.path("changes").get(0);
    assertThat(moved.path("name").asText()).isEqualTo("app5-v2.cpu-high");
    assertThat(moved.path("kind").asText()).isEqualTo("moved");
    assertThat(moved.path("recreated").asBoolean()).isFalse();
    assertThat(moved.path("errors").get(0).path("rule").asText()).isEqualTo("schema/type");
  }

  @Test
  void aRenameIntoAnotherNamespaceRecreatesToo() throws Exception {
    repo.delete("team-b/heartbeat.yaml");
    repo.write("team-c/heartbeat.yaml", standalone("team-c", "heartbeat", "team-b@example.com"));
    repo.commit("move to team-c");

    AlertDiff diff = diff();

    AlertChange move = diff.of(Kind.MOVED).get(0);
    assertThat(move.before().qualifiedName()).isEqualTo("team-b/heartbeat");
    assertThat(move.after().qualifiedName()).isEqualTo("team-c/heartbeat");
    assertThat(move.recreated()).isTrue();
    assertThat(diff.wavefrontDeletions()).hasSize(1);
    // the annotation names an alert of the renamed one's own namespace: no help here
    assertThat(markdown(diff))
        .contains(
            "<code>team-b/heartbeat</code> → <code>team-c/heartbeat</code>. A rename into another"
                + " namespace cannot keep its Wavefront alert. Check that this is intended.")
        .contains(
            "a new name deletes the alert and creates another. A rename into another namespace"
                + " cannot keep its Wavefront alert.\n\n")
        .doesNotContain("annotate");
  }

  @Test
  void onlyTheRenamesWithinANamespaceAreToldToAnnotate() throws Exception {
    repo.delete("team-b/heartbeat.yaml");
    repo.write("team-c/heartbeat.yaml", standalone("team-c", "heartbeat", "team-b@example.com"));
    repo.delete("team-a/apps/app5.yaml");
    repo.write("team-a/apps/app5-v2.yaml", config("team-a", "app5-v2", "app5", "cpu-high"));
    repo.commit("move one, rename one");

    AlertDiff diff = diff();

    assertThat(diff.summaryLine())
        .isEqualTo("+0 created, ~0 changed, -0 deleted, 2 renamed (recreated) in 3 namespaces");
    assertThat(markdown(diff))
        .contains(
            "**2 renamed alerts' Wavefront alerts will be deleted** and created again under their"
                + " new names")
        .contains(
            ". To keep those renamed within their namespace, annotate them"
                + " `alertforge.io/renamed-from: <old name>`; a rename into another namespace"
                + " cannot keep its Wavefront alert. Check that this is intended.")
        .contains("| team-a | 0 | 0 | 0 | 1 | 0 |\n| team-c | 0 | 0 | 0 | 1 | 0 |\n\n");
  }

  @Test
  void targetChangesAreListedAndPagerDutyKeysAreNeverShown() throws Exception {
    String key = "c6bf50a46941fb526dca9867e1255d04";
    repo.write(
        "team-b/heartbeat.yaml", standalone("team-b", "heartbeat", "team-b@example.com,pd:" + key));
    repo.commit("page");

    AlertDiff diff = diff();

    assertThat(diff.of(Kind.CHANGED).get(0).fields().get(0).summary())
        .isEqualTo("target + pd:…5d04");
    String md = markdown(diff);
    String json = DiffJson.of(diff).toString();
    assertThat(md).contains("target + pd:…5d04").doesNotContain(key);
    assertThat(json).contains("pd:…5d04").doesNotContain(key);
  }

  @Test
  void uncommittedEditsAreInTheWorkingTreeDiffButNotInHead() throws Exception {
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "85"));

    assertThat(diff(dir, null).summaryLine())
        .isEqualTo("+0 created, ~12 changed, -0 deleted in 1 namespace");
    assertThat(diff(dir, "HEAD").summaryLine()).isEqualTo("No alert changes (13 alerts)");
    assertThat(diff(dir, "HEAD").base()).startsWith("main (");
  }

  @Test
  void aBaseThatDoesNotCompileStillGivesADiffAndSaysSo() throws Exception {
    repo.git.checkout().setName("main").call();
    repo.write("team-a/apps/app1.yaml", "alerts: [unclosed\n");
    repo.commit("broken on main");
    repo.git.checkout().setName("change").call();
    repo.git.merge().include(repo.git.getRepository().resolve("main")).call();
    repo.write("team-a/apps/app1.yaml", config("team-a", "app1", "app1", "cpu-high"));
    repo.commit("fix");

    AlertDiff diff = diff();

    assertThat(diff.baseErrors()).isPositive();
    assertThat(diff.summaryLine()).isEqualTo("+1 created, ~0 changed, -0 deleted in 1 namespace");
    assertThat(markdown(diff)).contains("> [!NOTE]\n> The base has 1 error(s), so some of its");
  }

  @Test
  void theAlertRepositoryCanBeASubdirectory() throws Exception {
    repo.write("alerts/team-c/t.yaml", template("team-c", "mem", "70"));
    repo.write("alerts/team-c/c.yaml", config("team-c", "svc", "svc", "mem"));
    repo.write("README.yaml", "not: alerts\n");
    repo.commit("alerts in a subdirectory");
    repo.git.checkout().setName("main").call();
    repo.git.merge().include(repo.git.getRepository().resolve("change")).call();
    repo.git.checkout().setName("change").call();
    repo.write("alerts/team-c/t.yaml", template("team-c", "mem", "75"));
    repo.commit("tighter");

    AlertDiff diff = diff(dir.resolve("alerts"), null);

    assertThat(diff.summaryLine()).isEqualTo("+0 created, ~1 changed, -0 deleted in 1 namespace");
    assertThat(diff.sources()).extracting(SourceImpact::file).containsExactly("team-c/t.yaml");
    assertThat(diff.base()).endsWith(":alerts");
    assertThat(diff.baseAlerts()).isEqualTo(1);
  }

  @Test
  void aDetachedHeadAsCiChecksOutIsDiffedAgainstMain() throws Exception {
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "90"));
    RevCommit commit = repo.commit("change");
    repo.git.checkout().setName(commit.name()).call(); // detached

    assertThat(repo.git.getRepository().getFullBranch()).isEqualTo(commit.name());
    assertThat(diff(dir, "HEAD").summaryLine())
        .isEqualTo("+0 created, ~12 changed, -0 deleted in 1 namespace");
  }

  @Test
  void aShallowCloneWithoutTheBaseSaysHowToFetchIt(@TempDir Path clone) throws Exception {
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "90"));
    repo.commit("change 1");
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "95"));
    repo.commit("change 2");
    try (Git shallow =
        Git.cloneRepository()
            .setURI(dir.toUri().toString())
            .setDirectory(clone.toFile())
            .setBranch("change")
            .setDepth(1)
            .call()) {
      try (GitWorkspace workspace = GitWorkspace.open(clone).orElseThrow()) {
        assertThatThrownBy(() -> GitDiff.diff(COMPILER, workspace, null, null, null))
            .isInstanceOf(GitBaseException.class)
            .hasMessageContaining("this clone is shallow")
            .hasMessageContaining("fetch-depth: 0")
            .hasMessageContaining("git fetch --unshallow")
            .message()
            .doesNotContain(clone.toString());
        assertThatThrownBy(() -> GitDiff.diff(COMPILER, workspace, "origin/release", null, null))
            .hasMessageStartingWith("the base ref 'origin/release' is not in this Git repository")
            .hasMessageContaining("(a shallow clone)")
            .message()
            .doesNotContain(clone.toString()); // it goes into the pull-request comment
      }
    }
  }

  @Test
  void noRepositoryOrOneThatDoesNotTrackTheSourceIsNoWorkspace(@TempDir Path plain)
      throws Exception {
    assertThat(GitWorkspace.open(plain)).isEmpty();
    Path ignored = dir.resolve("target/test-project");
    Files.createDirectories(ignored);
    assertThat(GitWorkspace.open(ignored)).isEmpty();
  }

  @Test
  void anUnknownBaseRefIsAClearError() throws Exception {
    try (GitWorkspace workspace = GitWorkspace.open(dir).orElseThrow()) {
      assertThatThrownBy(() -> GitDiff.diff(COMPILER, workspace, "nope", null, null))
          .isInstanceOf(GitBaseException.class)
          .hasMessageStartingWith("the base ref 'nope' is not in this Git repository.")
          .hasMessageContaining("-Dalert.baseRef");
      assertThatThrownBy(() -> GitDiff.diff(COMPILER, workspace, null, "nope", null))
          .hasMessageStartingWith("'nope' names no commit");
    }
  }

  @Test
  void readingTheBaseChangesNeitherTheWorkingTreeNorTheIndex() throws Exception {
    repo.write("team-a/templates.yaml", template("team-a", "cpu-high", "85"));
    var before = repo.git.status().call();

    diff();

    var after = repo.git.status().call();
    assertThat(after.getModified())
        .isEqualTo(before.getModified())
        .containsExactly("team-a/templates.yaml");
    assertThat(after.getChanged()).isEqualTo(before.getChanged()).isEmpty();
    assertThat(Files.readString(dir.resolve("team-a/templates.yaml"))).contains("\"85\"");
    assertThat(List.of(dir.toFile().list())).doesNotContain("target");
  }
}
