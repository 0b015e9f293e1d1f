package io.alertforge.compiler.diff;

import static io.alertforge.compiler.diff.Alerts.standalone;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffMarkdownTest {

  private static final AlertCompiler COMPILER = new AlertCompiler();

  @TempDir Path base;
  @TempDir Path head;

  private static Compilation compile(Path root) throws IOException {
    return COMPILER.compile(root);
  }

  @Test
  void aHugeChangeStaysUnderTheLimitAsValidMarkdownAndSaysWhereTheRestIs() throws IOException {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      String namespace = "ns-" + (i % 40);
      String target = "team-" + i + "@example.com," + "x".repeat(60);
      before.append(standalone(namespace, "old-" + i, target)).append("---\n");
      after.append(standalone(namespace, "new-" + i + "-" + "y".repeat(40), target + ",z"));
      after.append("---\n");
      if (i % 3 == 0) {
        after.append(standalone(namespace, "old-" + i, target + ",changed-" + i)).append("---\n");
      }
    }
    Files.writeString(base.resolve("a.yaml"), before);
    Files.writeString(head.resolve("a.yaml"), after);
    AlertDiff diff =
        AlertDiffer.diff("main", compile(base), "head", compile(head), Set.of("a.yaml"), List.of());

    String md = DiffMarkdown.render(diff, "target/alerts/diff.json", DiffMarkdown.DEFAULT_LIMIT);

    assertThat(diff.changes()).hasSizeGreaterThan(5000);
    assertThat(md.length()).isLessThan(60_000);
    assertThat(md)
        .startsWith(
            "### AlertForge: alert changes\n\n**+3000 created, ~1000 changed, -2000 deleted in 40 namespaces**")
        .contains("> [!WARNING]\n> **2000 alerts will be deleted**")
        .contains("and 1990 more. Check that this is intended.")
        .contains("> [!NOTE]\n> Left out to stay under 60,000 characters: ")
        .contains("The full change is in <code>target/alerts/diff.json</code>.");
    assertThat(count(md, "<details")).isEqualTo(count(md, "</details>"));
    assertThat(count(md, "<code>")).isEqualTo(count(md, "</code>"));
    assertThat(count(md, "\n```") % 2).isZero();
  }

  @Test
  void renamesThatRecreateTheirWavefrontAlertsAreWarnedOfAndCountedWhereTheyGo()
      throws IOException {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      // the same spec in another namespace: a rename, without alertforge.io/renamed-from
      before.append(standalone("old", "hb-" + i, "team@example.com")).append("---\n");
      after.append(standalone("new", "hb-" + i, "team@example.com")).append("---\n");
    }
    Files.writeString(base.resolve("a.yaml"), before);
    Files.writeString(head.resolve("a.yaml"), after);
    AlertDiff diff =
        AlertDiffer.diff("main", compile(base), "head", compile(head), Set.of("a.yaml"), List.of());

    String md = DiffMarkdown.render(diff, "target/alerts/diff.json", DiffMarkdown.DEFAULT_LIMIT);

    assertThat(diff.summaryLine())
        .isEqualTo("+0 created, ~0 changed, -0 deleted, 12 renamed (recreated) in 2 namespaces");
    assertThat(md)
        .contains(
            "> [!WARNING]\n> **12 renamed alerts' Wavefront alerts will be deleted** and created"
                + " again under their new names (new id; history, acknowledgements and snoozes"
                + " lost): <code>old/hb-0</code> → <code>new/hb-0</code>, ")
        .contains(
            "<code>old/hb-7</code> → <code>new/hb-7</code> and 2 more. Renames into another"
                + " namespace cannot keep their Wavefront alerts. Check that this is intended.\n\n")
        .doesNotContain("annotate")
        .doesNotContain("will be deleted** from the cluster")
        // each rename once, in the namespace it goes to
        .contains("|---|--:|--:|--:|--:|--:|\n| new | 0 | 0 | 0 | 12 | 0 |\n\n");
  }

  @Test
  void valuesCannotBreakTheTableOrMentionAnyone() {
    assertThat(DiffMarkdown.escape("a|b <script> @team *x* `y` #1"))
        .isEqualTo("a&#124;b &lt;script&gt; &#64;team &#42;x&#42; &#96;y&#96; &#35;1");
    assertThat(DiffMarkdown.fenced("diff", "- a ``` b\n"))
        .startsWith("````diff\n")
        .endsWith("\n````\n");
  }

  @Test
  void secretsAreRedacted() {
    assertThat(Redaction.text("pd:c6bf50a46941fb526dca9867e1255d04,team@example.com"))
        .isEqualTo("pd:…5d04,team@example.com");
    assertThat(Redaction.text("pd:payments")).isEqualTo("pd:payments");
    assertThat(Redaction.text("see https://bot:hunter2@hooks.example.com/x?token=abcdef123456&a=1"))
        .isEqualTo("see https://***:***@hooks.example.com/x?token=…3456&a=1");
  }

  private static int count(String text, String needle) {
    Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
