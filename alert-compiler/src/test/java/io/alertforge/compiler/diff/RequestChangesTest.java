package io.alertforge.compiler.diff;

import static io.alertforge.compiler.diff.Alerts.standalone;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diff.CommentHeader.Context;
import io.alertforge.compiler.diff.CommentHeader.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestChangesTest {

  private static final AlertCompiler COMPILER = new AlertCompiler();
  private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
  private static final Context CONTEXT =
      new Context(
          new Revision(HEAD, null),
          null,
          null,
          SourceLinks.github("https://github.com/acme/alerts", ""),
          Severity.ERROR);

  @TempDir Path base;
  @TempDir Path head;

  private AlertDiff diff(String before, String after) throws IOException {
    Files.writeString(base.resolve("a.yaml"), before);
    Files.writeString(head.resolve("a.yaml"), after);
    return AlertDiffer.diff(
        "main",
        COMPILER.compile(base),
        "head",
        COMPILER.compile(head),
        Set.of("a.yaml"),
        List.of());
  }

  @Test
  void aChangedAlertShowsTheUnifiedDiffOfItsRedactedRequestBody() throws IOException {
    String before = standalone("team-a", "heartbeat", "pd:aaaaaaaaaaaaaaaaaaaaaaaaaaaa1111");
    String after =
        standalone("team-a", "heartbeat", "pd:bbbbbbbbbbbbbbbbbbbbbbbbbbbb2222")
            .replace("minutes: 5", "minutes: 10");

    List<DiffMarkdown.Section> sections = RequestChanges.sections(diff(before, after), CONTEXT);

    assertThat(sections).hasSize(1);
    String text = sections.get(0).text();
    assertThat(text)
        .startsWith(
            "<details><summary>Wavefront request of <code>team-a/heartbeat</code> · <a"
                + " href=\"https://github.com/acme/alerts/blob/"
                + HEAD
                + "/a.yaml#L")
        .contains("</a> · changes <code>minutes</code>, <code>target</code></summary>")
        .contains("```diff\n--- base/team-a/heartbeat\n+++ head/team-a/heartbeat\n@@ ")
        .contains("\n-  \"minutes\" : 5,\n")
        .contains("\n+  \"minutes\" : 10,\n")
        .contains("\n-  \"target\" : \"pd:…1111\"")
        .contains("\n+  \"target\" : \"pd:…2222\"")
        .doesNotContain("aaaaaaaaaaaa")
        .doesNotContain("bbbbbbbbbbbb")
        .endsWith("```\n\n</details>\n\n");
    // Wavefront's names, from alert-model's mapping, not the CR's
    assertThat(text).contains("\"resolveAfterMinutes\"").doesNotContain("\"alertName\"");
  }

  @Test
  void aChangeOutsideTheRequestBodyShowsNoBlock() throws IOException {
    String before = standalone("team-a", "heartbeat", "ops@example.com");
    String after =
        before.replace("  namespace: team-a\n", "  namespace: team-a\n  labels: {tier: one}\n");

    AlertDiff diff = diff(before, after);

    assertThat(diff.changes()).hasSize(1);
    assertThat(RequestChanges.sections(diff, CONTEXT)).isEmpty();
  }

  @Test
  void atMostTwentyAlertsAreShownAndTheRestCounted() throws IOException {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 23; i++) {
      String alert = standalone("team-a", "alert-" + i, "ops@example.com");
      before.append(alert).append("---\n");
      after.append(alert.replace("minutes: 5", "minutes: 6")).append("---\n");
    }

    List<DiffMarkdown.Section> sections =
        RequestChanges.sections(diff(before.toString(), after.toString()), CONTEXT);

    assertThat(sections).hasSize(RequestChanges.MAX_ALERTS + 1);
    assertThat(sections.get(RequestChanges.MAX_ALERTS).text())
        .isEqualTo("Wavefront requests of 3 more changed alerts are not shown.\n\n");
  }
}
