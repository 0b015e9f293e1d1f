package io.alertforge.compiler.diff;

import static io.alertforge.compiler.diff.Alerts.standalone;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.model.Annotations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alertforge.yaml's burnIn: annotations on the rendered alerts, and the PR diff's mention. */
class BurnInDiffTest {
  private static final AlertCompiler COMPILER = new AlertCompiler();

  @TempDir Path base;
  @TempDir Path head;

  @Test
  void newAlertsOfANamespaceWithATargetBurnInAndTheDiffSaysUntilWhenAndWhere() throws Exception {
    String config = "burnIn:\n  period: 7d\n  targets:\n    payments: burn-in@example.com\n";
    Files.writeString(base.resolve("alertforge.yaml"), config);
    Files.writeString(head.resolve("alertforge.yaml"), config);
    Files.writeString(base.resolve("a.yaml"), standalone("payments", "old", "a@example.com"));
    Files.writeString(
        head.resolve("a.yaml"),
        standalone("payments", "old", "a@example.com")
            + "---\n"
            + standalone("payments", "fresh", "a@example.com")
            + "---\n"
            + standalone("checkout", "other", "c@example.com"));
    Compilation after = COMPILER.compile(head);
    assertThat(after.hasErrors()).as(after.diagnostics().toString()).isFalse();
    var fresh = after.alerts().stream().filter(a -> a.name().equals("fresh")).findFirst().get();
    assertThat(fresh.annotations())
        .containsEntry(Annotations.BURN_IN_PERIOD, "7d")
        .containsEntry(Annotations.BURN_IN_TARGET, "burn-in@example.com");
    var other = after.alerts().stream().filter(a -> a.name().equals("other")).findFirst().get();
    assertThat(other.annotations()).doesNotContainKey(Annotations.BURN_IN_PERIOD);

    AlertDiff diff =
        AlertDiffer.diff(
            "main", COMPILER.compile(base), "head", after, Set.of("a.yaml"), List.of());
    String md = DiffMarkdown.render(diff, "target/alerts/diff.json", DiffMarkdown.DEFAULT_LIMIT);
    assertThat(md)
        .contains("<summary>Burn-in of 1 new alert</summary>")
        .contains("| <code>payments/fresh</code> | 7d | <code>burn-in&#64;example.com</code> |")
        .doesNotContain("<code>payments/old</code> | 7d");
    String json = DiffJson.of(diff).toString();
    assertThat(json).contains("\"burnIn\":{\"period\":\"7d\",\"target\":\"burn-in@example.com\"}");
  }

  @Test
  void aBadPeriodIsAnError() throws Exception {
    Files.writeString(
        head.resolve("alertforge.yaml"),
        "burnIn:\n  period: 2w\n  targets:\n    '*': x@example.com\n");
    Files.writeString(head.resolve("a.yaml"), standalone("payments", "a", "a@example.com"));
    Compilation c = COMPILER.compile(head);
    assertThat(c.hasErrors()).isTrue();
    assertThat(c.diagnostics().toString()).contains("burnIn");
  }
}
