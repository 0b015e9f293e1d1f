package io.alertforge.compiler.render;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rendered object per kind, namespace and name, across all rendered alerts. */
final class NameChecks {

  private NameChecks() {}

  static void report(List<RenderedAlert> alerts, Diagnostics diagnostics) {
    Map<String, List<RenderedAlert>> byResource = new LinkedHashMap<>();
    for (RenderedAlert alert : alerts) {
      byResource.computeIfAbsent(alert.qualifiedName(), k -> new ArrayList<>()).add(alert);
    }
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
                      + others(alert, same)
                      + "; rename the standalone alert or the AlertsConfig");
            }
          }
        });
  }

  private static String others(RenderedAlert self, List<RenderedAlert> same) {
    List<String> others = new ArrayList<>();
    for (RenderedAlert other : same) {
      if (other != self) {
        others.add(other.origin().toString());
      }
    }
    return String.join(", ", others);
  }
}
