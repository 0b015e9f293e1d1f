package io.alertforge.compiler.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.diff.CommentHeader.Context;
import io.alertforge.compiler.diff.CommentHeader.Revision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentHeaderTest {

  private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
  private static final String BASE = "fedcba9876543210fedcba9876543210fedcba98";
  private static final SourceLinks GITHUB =
      SourceLinks.github("https://github.com/acme/alerts", "alerts");
  private static final Revision BASE_MAIN = new Revision(BASE, "origin/main");

  private static Diagnostic finding(Severity severity, String file, int line, String message) {
    return new Diagnostic(new SourcePosition(file, line, 13), severity, "schema/enum", message);
  }

  @Test
  void errorsFailTheVerdictAndLinkToTheirLineAtTheHeadCommit() {
    Context context =
        new Context(
            new Revision(HEAD, null),
            BASE_MAIN,
            "https://github.com/acme/alerts/actions/runs/42",
            GITHUB,
            Severity.ERROR);
    List<Diagnostic> findings =
        List.of(
            finding(Severity.WARNING, "b.yaml", 3, "too noisy"),
            finding(Severity.ERROR, "team a/a.yaml", 11, "spec.severity is 'WARN'"),
            finding(Severity.INFO, "a.yaml", 1, "just so you know"),
            finding(Severity.ERROR, "a.yaml", 26, "no template named 'memory-high'"));

    String header = CommentHeader.render(context, findings);

    assertThat(header)
        .startsWith(
            "**❌ Lint failed: 2 errors, 1 warning** · head <a"
                + " href=\"https://github.com/acme/alerts/commit/"
                + HEAD
                + "\"><code>0123456</code></a> · base <a"
                + " href=\"https://github.com/acme/alerts/commit/"
                + BASE
                + "\"><code>fedcba9</code></a> (merge base with <code>origin/main</code>) · <a"
                + " href=\"https://github.com/acme/alerts/actions/runs/42\">CI run</a>\n\n")
        .contains(
            "- error <a href=\"https://github.com/acme/alerts/blob/"
                + HEAD
                + "/alerts/a.yaml#L26\"><code>alerts/a.yaml:26</code></a> <code>schema/enum</code>:"
                + " no template named 'memory-high'\n")
        .contains("/blob/" + HEAD + "/alerts/team%20a/a.yaml#L11\"")
        .doesNotContain("just so you know");
    // errors first, then warnings
    assertThat(header.indexOf("- warning")).isGreaterThan(header.lastIndexOf("- error"));
  }

  @Test
  void aWorkingTreeWithEditsIsSaidSoAndItsFindingsAreNotLinked() {
    Context context = new Context(Revision.workingTree(), BASE_MAIN, null, GITHUB, Severity.ERROR);

    String header =
        CommentHeader.render(
            context, List.of(finding(Severity.ERROR, "a.yaml", 11, "spec.severity is 'WARN'")));

    assertThat(header)
        .contains("· head working tree (uncommitted changes) · base <a")
        .contains("- error <code>alerts/a.yaml:11</code> <code>schema/enum</code>")
        .doesNotContain("/blob/")
        .doesNotContain("CI run");
  }

  @Test
  void warningsPassUnlessFailOnIsWarningAndOnlyTheFirstFiveAreListed() {
    List<Diagnostic> warnings = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      warnings.add(finding(Severity.WARNING, "a.yaml", i, "warning " + i));
    }
    Context errorsFail = new Context(new Revision(HEAD, "HEAD"), null, null, null, Severity.ERROR);
    Context warningsFail =
        new Context(new Revision(HEAD, "HEAD"), null, null, null, Severity.WARNING);

    assertThat(CommentHeader.render(errorsFail, List.of()))
        .isEqualTo("**✅ Lint passed** · head <code>0123456</code>\n\n");
    assertThat(CommentHeader.render(errorsFail, warnings))
        .startsWith("**✅ Lint passed with 7 warnings** · head <code>0123456</code>\n\n")
        .contains("- warning <code>a.yaml:5</code>")
        .doesNotContain("a.yaml:6")
        .endsWith(
            "- … and 2 more findings in the build log and in <code>diagnostics.json</code>\n\n");
    assertThat(CommentHeader.render(warningsFail, warnings))
        .startsWith("**❌ Lint failed: 0 errors, 7 warnings**");
  }

  @Test
  void gitLabLinksAndMessagesAreEscapedAndRedacted() {
    Context context =
        new Context(
            new Revision(HEAD, null),
            null,
            "https://gitlab.example.com/p/a/-/jobs/7",
            SourceLinks.gitlab("https://gitlab.example.com/platform/alerts/", ""),
            Severity.ERROR);

    String header =
        CommentHeader.render(
            context,
            List.of(
                finding(
                    Severity.ERROR,
                    "a.yaml",
                    2,
                    "target pd:9999888877776666aaaabbbbccccdddd <b>@team</b>")));

    assertThat(header)
        .contains("<a href=\"https://gitlab.example.com/platform/alerts/-/commit/" + HEAD + "\">")
        .contains("/-/blob/" + HEAD + "/a.yaml#L2\"><code>a.yaml:2</code></a>")
        .contains("target pd:…dddd &lt;b&gt;&#64;team&lt;/b&gt;")
        .doesNotContain("9999888877776666");
  }

  @Test
  void deletionsCountTheRenamesThatRecreateTheirWavefrontAlert() {
    assertThat(CommentHeader.deletions(3, 0)).isEqualTo("⚠ 3 Wavefront alerts deleted");
    assertThat(CommentHeader.deletions(1, 0)).isEqualTo("⚠ 1 Wavefront alert deleted");
    assertThat(CommentHeader.deletions(1, 1))
        .isEqualTo("⚠ 1 Wavefront alert deleted (by a rename, recreated with a new id)");
    assertThat(CommentHeader.deletions(2, 2))
        .isEqualTo("⚠ 2 Wavefront alerts deleted (all by renames, recreated with new ids)");
    assertThat(CommentHeader.deletions(3, 1))
        .isEqualTo("⚠ 3 Wavefront alerts deleted (1 of them by a rename, recreated with a new id)");
    assertThat(CommentHeader.deletions(5, 2))
        .isEqualTo("⚠ 5 Wavefront alerts deleted (2 of them by renames, recreated with new ids)");
  }
}
