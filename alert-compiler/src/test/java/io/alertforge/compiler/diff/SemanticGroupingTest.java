package io.alertforge.compiler.diff;

import static io.alertforge.compiler.diff.Alerts.config;
import static io.alertforge.compiler.diff.Alerts.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated repository of 2,000 instances of one template: the template's metric is renamed and
 * 100 instances change their thresholds, each differently. One entry per semantic change, with the
 * thresholds' range stated.
 */
class SemanticGroupingTest {

  private static final AlertCompiler COMPILER = new AlertCompiler();
  private static final int INSTANCES = 2_000;
  private static final int RETUNED = 100;

  @TempDir Path base;
  @TempDir Path head;

  @Test
  void aRenameWithManyThresholdChangesIsOneEntryPerChangeWithTheRange() throws IOException {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    int lowered = 0;
    double lowTo = Double.MAX_VALUE;
    double highTo = 0;
    for (int i = 0; i < INSTANCES; i++) {
      String app = "app" + i;
      if (i < RETUNED) {
        int from = 10 + i;
        int to = i % 10 == 0 ? from - 5 : from + 1 + i % 7;
        lowered += to < from ? 1 : 0;
        lowTo = Math.min(lowTo, to);
        highTo = Math.max(highTo, to);
        before.append(config("team-a", app, app, "cpu-high=" + from)).append("---\n");
        after.append(config("team-a", app, app, "cpu-high=" + to)).append("---\n");
      } else {
        before.append(config("team-a", app, app, "cpu-high")).append("---\n");
        after.append(config("team-a", app, app, "cpu-high")).append("---\n");
      }
    }
    Files.writeString(base.resolve("configs.yaml"), before);
    Files.writeString(head.resolve("configs.yaml"), after);
    Files.writeString(
        base.resolve("template.yaml"),
        template("team-a", "cpu-high", "80", "http.requests", 5, "warn"));
    Files.writeString(
        head.resolve("template.yaml"),
        template("team-a", "cpu-high", "80", "http.server.requests", 5, "warn"));

    AlertDiff diff =
        AlertDiffer.diff(
            "main",
            COMPILER.compile(base),
            "head",
            COMPILER.compile(head),
            Set.of("configs.yaml", "template.yaml"),
            List.of());

    String rename = "metric http.requests → http.server.requests";
    String range =
        "threshold 10–109 → "
            + (int) lowTo
            + "–"
            + (int) highTo
            + " (100 alerts: "
            + (RETUNED - lowered)
            + " raised, "
            + lowered
            + " lowered)";
    // the example of docs/ci.md
    assertThat(range).isEqualTo("threshold 10–109 → 5–114 (100 alerts: 90 raised, 10 lowered)");
    assertThat(diff.count(AlertChange.Kind.CHANGED)).isEqualTo(INSTANCES);
    assertThat(diff.patterns())
        .extracting(ChangePattern::summary, p -> p.alerts().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                rename + "; displayExpression " + rename, INSTANCES - RETUNED),
            org.assertj.core.groups.Tuple.tuple(
                rename + ", " + range + "; displayExpression " + rename, RETUNED));

    String md = DiffMarkdown.render(diff, "target/alerts/diff.json", DiffMarkdown.DEFAULT_LIMIT);
    assertThat(md)
        .contains("<b>" + rename + "; displayExpression " + rename + "</b> · 1900 alerts")
        .contains("<b>" + rename + ", " + range + "; displayExpression " + rename + "</b> · 100");
  }

  private static String thresholdAlert(String severe, String warnTarget) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata: {name: disk, namespace: team-a}
        spec:
          alertType: THRESHOLD
          alertName: disk
          conditions:
            warn: ts(disk.used) > 90
            severe: ts(disk.used) > %s
          displayExpression: ts(disk.used)
          minutes: 5
          resolveAfterMinutes: 5
          targets:
            warn: %s
        """
        .formatted(severe, warnTarget);
  }

  @Test
  void aThresholdAlertsChangeIsSummarisedPerSeverity() throws IOException {
    Files.writeString(base.resolve("disk.yaml"), thresholdAlert("90", "a@example.com"));
    Files.writeString(head.resolve("disk.yaml"), thresholdAlert("95", "b@example.com"));

    AlertDiff diff =
        AlertDiffer.diff(
            "main",
            COMPILER.compile(base),
            "head",
            COMPILER.compile(head),
            Set.of("disk.yaml"),
            List.of());

    assertThat(diff.patterns())
        .extracting(ChangePattern::summary)
        .containsExactly("severe threshold 90 → 95; targets.warn + b@example.com, − a@example.com");
  }

  @Test
  void aCreatedThresholdAlertListsItsSeveritiesConditionsAndTargets() throws IOException {
    Files.writeString(head.resolve("disk.yaml"), thresholdAlert("95", "b@example.com"));

    AlertDiff diff =
        AlertDiffer.diff(
            "main",
            COMPILER.compile(base),
            "head",
            COMPILER.compile(head),
            Set.of("disk.yaml"),
            List.of());

    assertThat(DiffMarkdown.render(diff, "target/alerts/diff.json", DiffMarkdown.DEFAULT_LIMIT))
        .contains(
            "| <code>team-a/disk</code> | <code>disk</code> | severe, warn | 5 | <code>severe:"
                + " ts(disk.used) &gt; 95; warn: ts(disk.used) &gt; 90</code> | <code>warn:"
                + " b&#64;example.com</code> |");
  }

  @Test
  void aFewDistinctThresholdChangesAreListedWithTheirCounts() {
    List<io.alertforge.wql.QueryDelta> deltas = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      deltas.add(new io.alertforge.wql.QueryDelta.Threshold(">", "80", 80, "90", 90, null));
    }
    for (int i = 0; i < 3; i++) {
      deltas.add(new io.alertforge.wql.QueryDelta.Threshold(">", "70", 70, "75", 75, null));
    }
    assertThat(ChangePattern.merged(deltas))
        .isEqualTo("threshold 80 → 90 (12 alerts), threshold 70 → 75 (3 alerts)");
  }

  @Test
  void manyDistinctChangesOfAnotherKindAreCounted() {
    List<io.alertforge.wql.QueryDelta> deltas = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      deltas.add(new io.alertforge.wql.QueryDelta.FilterChanged("app", "a" + i, "b" + i));
    }
    // the example of docs/ci.md
    assertThat(ChangePattern.merged(deltas))
        .isEqualTo("filter app changed on 40 alerts (40 distinct)");
  }
}
