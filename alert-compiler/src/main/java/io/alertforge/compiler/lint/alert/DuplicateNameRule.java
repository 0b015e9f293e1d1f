package io.alertforge.compiler.lint.alert;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two rendered alerts with one Wavefront alertName. Wavefront does not make names unique, so
 * keikoproj creates both and nobody can tell them apart (keikoproj/alert-manager#14). Each is
 * reported where its alertName is decided, naming the others: at the alertName field when no param
 * goes into it (the standalone alert's, or the template's that every instance shares), else at the
 * AlertsConfig entry whose params made it. Its findings concern no namespace (as when the renderer
 * reported them), so {@code namespaces} in alertforge.yaml does not narrow this rule.
 */
public final class DuplicateNameRule extends LintRule<Void> {

  /** Standalone alerts first, then instances, each in source order: the order they render in. */
  private static final Comparator<RenderedAlert> RENDER_ORDER =
      Comparator.comparing(RenderedAlert::isInstance).thenComparing(RenderedAlert::origin);

  public DuplicateNameRule() {
    super(
        Rule.configurable(
                "alert/duplicate-name",
                Severity.ERROR,
                "Two rendered alerts have the same Wavefront alertName.")
            .withExample(
                "  alertName: cpu high   # the same in two AlertsConfigs",
                "  alertName: \"{{ .app }} cpu high\""));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    Map<String, List<RenderedAlert>> byAlertName = new LinkedHashMap<>();
    context.alerts().stream()
        .sorted(RENDER_ORDER)
        .forEach(
            alert ->
                byAlertName.computeIfAbsent(alert.alertName(), k -> new ArrayList<>()).add(alert));
    byAlertName.forEach(
        (name, same) -> {
          for (RenderedAlert alert : same) {
            if (same.size() > 1) {
              findings.report(
                  where(alert),
                  null,
                  "Wavefront alertName '"
                      + name
                      + "' of "
                      + alert.qualifiedName()
                      + " is also rendered by "
                      + others(alert, same)
                      + "; put a param such as the app or cluster in alertName");
            }
          }
        });
  }

  /** The alertName field when it holds no param, else the entry that gave the params. */
  private static SourcePosition where(RenderedAlert alert) {
    FieldOrigin origin = alert.field("alertName");
    return origin == null || !origin.params().isEmpty() ? alert.origin() : origin.position();
  }

  private static String others(RenderedAlert self, List<RenderedAlert> same) {
    List<String> others = new ArrayList<>();
    for (RenderedAlert other : same) {
      if (other != self) {
        // An instance is told apart by its entry; a standalone alert by its alertName.
        SourcePosition at = other.isInstance() ? other.origin() : where(other);
        others.add(other.qualifiedName() + " (" + at + ")");
      }
    }
    return String.join(", ", others);
  }
}
