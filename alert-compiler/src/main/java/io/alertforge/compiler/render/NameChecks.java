package io.alertforge.compiler.render;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Identity checks across all rendered alerts. */
final class NameChecks {

  private NameChecks() {}

  static void report(List<RenderedAlert> alerts, Diagnostics diagnostics) {
    Map<String, List<RenderedAlert>> byAlertName = new LinkedHashMap<>();
    Map<String, List<RenderedAlert>> byResource = new LinkedHashMap<>();
    for (RenderedAlert alert : alerts) {
      byAlertName.computeIfAbsent(alert.alertName(), k -> new ArrayList<>()).add(alert);
      byResource.computeIfAbsent(alert.qualifiedName(), k -> new ArrayList<>()).add(alert);
    }
    // Wavefront does not make names unique, so keikoproj creates both and nobody can tell them
    // apart (keikoproj/alert-manager#14).
    byAlertName.forEach(
        (name, same) -> {
          for (RenderedAlert alert : same) {
            if (same.size() > 1) {
              diagnostics.report(
                  Rules.ALERT_DUPLICATE_NAME,
                  alert.origin(),
                  "Wavefront alertName '"
                      + name
                      + "' of "
                      + alert.qualifiedName()
                      + " is also rendered by "
                      + others(alert, same, true)
                      + "; put a param such as the app or cluster in alertName");
            }
          }
        });
    byResource.forEach(
        (name, same) -> {
          for (RenderedAlert alert : same) {
            if (same.size() > 1) {
              diagnostics.report(
                  Rules.ALERT_DUPLICATE_RESOURCE,
                  alert.origin(),
                  "rendered WavefrontAlert "
                      + name
                      + " is also produced at "
                      + others(alert, same, false)
                      + "; rename the standalone alert or the AlertsConfig");
            }
          }
        });
  }

  private static String others(RenderedAlert self, List<RenderedAlert> same, boolean withNames) {
    List<String> others = new ArrayList<>();
    for (RenderedAlert other : same) {
      if (other != self) {
        others.add(
            withNames
                ? other.qualifiedName() + " (" + other.origin() + ")"
                : other.origin().toString());
      }
    }
    return String.join(", ", others);
  }
}
