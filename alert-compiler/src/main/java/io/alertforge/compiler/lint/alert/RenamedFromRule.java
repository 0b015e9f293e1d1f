package io.alertforge.compiler.lint.alert;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.model.Annotations;
import io.alertforge.model.KeikoprojApi;
import io.alertforge.model.RenamedFrom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code alertforge.io/renamed-from} that the controller cannot honour: a value that is not the
 * previous name of the object in its own namespace, or a name the repository still defines (the
 * controller would wait for that object to be deleted, and keep its alert meanwhile). Whether the
 * base had the old alert only the pull request's diff can tell; it says so in a note. On an
 * AlertsConfig the value is the AlertsConfig's previous name, and each instance is renamed from
 * {@code <old>.<template>}.
 */
public final class RenamedFromRule extends LintRule<Void> {

  private static final String POINTER =
      "/metadata/annotations/" + Annotations.RENAMED_FROM.replace("/", "~1");

  public RenamedFromRule() {
    super(
        Rule.configurable(
                "alert/renamed-from",
                Severity.ERROR,
                "alertforge.io/renamed-from does not name the previous name of the object in its"
                    + " namespace, or names one the repository still defines.")
            .withDescription(
                "A renamed WavefrontAlert (or AlertsConfig) keeps its Wavefront alert, with its id,"
                    + " history, acknowledgements and snoozes, when it is annotated"
                    + " `alertforge.io/renamed-from: <old name>`. The value is a name in the"
                    + " object's own namespace: a rename never crosses namespaces. While an object"
                    + " of the old name exists, the controller waits and keeps that object's"
                    + " alert, so the old object must leave the repository in the same change.")
            .withExample(
                "metadata:\n  name: ledger-v2\n  annotations:\n"
                    + "    alertforge.io/renamed-from: payments/ledger",
                "metadata:\n  name: ledger-v2\n  annotations:\n"
                    + "    alertforge.io/renamed-from: ledger"));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    Set<String> alerts = new HashSet<>();
    context.repository().wavefrontAlerts().forEach(a -> alerts.add(a.qualifiedName()));
    Set<String> configs = new HashSet<>();
    context.repository().alertsConfigs().forEach(c -> configs.add(c.qualifiedName()));
    for (AlertSource alert : context.repository().wavefrontAlerts()) {
      if (alert.valid() && !alert.isTemplate()) {
        check(alert, KeikoprojApi.WAVEFRONT_ALERT_KIND, alerts, findings);
      }
    }
    for (AlertSource config : context.repository().alertsConfigs()) {
      if (config.valid()) {
        check(config, KeikoprojApi.ALERTS_CONFIG_KIND, configs, findings);
      }
    }
  }

  private static void check(
      AlertSource source, String kind, Set<String> defined, Findings findings) {
    var value = source.document().content().at(POINTER);
    if (!value.isTextual()) {
      return;
    }
    RenamedFrom renamed =
        RenamedFrom.of(source.name(), Map.of(Annotations.RENAMED_FROM, value.asText()));
    String where = kind + " " + source.qualifiedName();
    if (!renamed.valid()) {
      findings.report(
          source.document().valueAt(POINTER),
          source.namespace(),
          renamed.problem()
              + " ("
              + where
              + "); write the name it had before, without a namespace");
      return;
    }
    String old = source.namespace() + "/" + renamed.oldName();
    if (defined.contains(old)) {
      findings.report(
          source.document().valueAt(POINTER),
          source.namespace(),
          where
              + " is renamed from "
              + old
              + ", which the repository still defines: the controller keeps "
              + old
              + "'s Wavefront alert until that "
              + kind
              + " is deleted, and only then moves it to the new name; delete "
              + old
              + " in the same change, or remove the annotation");
    }
  }
}
