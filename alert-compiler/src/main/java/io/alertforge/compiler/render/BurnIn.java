package io.alertforge.compiler.render;

import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.model.RepositoryConfig;
import io.alertforge.model.Annotations;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts alertforge.yaml's burn-in on the rendered alerts of the namespaces that have a burn-in
 * target, as two annotations (the spec, and so the spec hash, is unchanged). The controller's Git
 * source stamps when burn-in ends the first time it applies an alert; the Wavefront sync sends the
 * burn-in target until then (alert-model's {@link io.alertforge.model.BurnInWindow}).
 */
public final class BurnIn {
  private BurnIn() {}

  public static List<RenderedAlert> annotate(List<RenderedAlert> alerts, RepositoryConfig config) {
    var burnIn = config.burnIn();
    if (burnIn.isEmpty()) {
      return alerts;
    }
    List<RenderedAlert> out = new ArrayList<>(alerts.size());
    for (RenderedAlert a : alerts) {
      String target = burnIn.get().target(a.namespace());
      if (target == null) {
        out.add(a);
        continue;
      }
      TreeMap<String, String> annotations = new TreeMap<>(a.annotations());
      annotations.put(Annotations.BURN_IN_PERIOD, burnIn.get().period());
      annotations.put(Annotations.BURN_IN_TARGET, target);
      out.add(
          new RenderedAlert(
              a.namespace(),
              a.name(),
              a.spec(),
              a.labels(),
              annotations,
              a.origin(),
              a.template(),
              a.alertsConfig(),
              a.fields(),
              a.errors()));
    }
    return out;
  }
}
