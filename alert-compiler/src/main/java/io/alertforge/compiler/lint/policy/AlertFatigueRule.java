package io.alertforge.compiler.lint.policy;

import static io.alertforge.model.Severity.INFO;
import static io.alertforge.model.Severity.SEVERE;
import static io.alertforge.model.Severity.SMOKE;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Origins;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Alerts that would fire too eagerly, notify nobody, or page for something minor. */
public final class AlertFatigueRule extends LintRule<AlertFatigueRule.Options> {

  record Range(String field, int min, int max) {}

  record Options(List<Range> ranges, int maxAlertsPerNamespace) {}

  /** Field, default minimum, default maximum. */
  private static final List<Range> DEFAULTS =
      List.of(
          new Range("minutes", 2, 1440),
          new Range("resolveAfterMinutes", 2, 1440),
          new Range("alertCheckFrequency", 1, 60));

  public AlertFatigueRule() {
    super(
        Rule.configurable(
                "policy/alert-fatigue",
                Severity.WARNING,
                "An alert fires too eagerly, notifies nobody, pages for info, or its"
                    + " namespace has too many.")
            .withDescription(
                """
                Keeps alerts worth waking up for: `minutes`, `resolveAfterMinutes` and
                `alertCheckFrequency` within bounds (by default 2..1440, 2..1440 and 1..60: a
                one-minute window fires on every blip, and an alert that resolves after one minute
                flaps); a `severe` alert must have a `target` (otherwise nobody hears it); an `info`
                or `smoke` alert must not page (`pd:` targets); and a namespace may have at most
                `maxAlertsPerNamespace` alerts. A THRESHOLD alert's `severe` condition needs one of
                its `targets` (each also receives every higher severity), and its `info` and
                `smoke` targets must not page.""")
            .withExample(
                """
                severity: info
                minutes: 1
                target: pd:9e18e1f632bfe9f1439ff8b7c5a002e8""",
                """
                severity: info
                minutes: 5
                target: payments-team@example.com""")
            .withOptions(
                Map.of(
                    "minutes", "`{min, max}` for the trigger window, in minutes",
                    "resolveAfterMinutes", "`{min, max}` for the resolve window, when set",
                    "alertCheckFrequency", "`{min, max}` for the checking frequency, when set",
                    "maxAlertsPerNamespace", "the most rendered alerts one namespace may have")));
  }

  @Override
  public Options options(RuleOptions options) {
    List<Range> ranges =
        DEFAULTS.stream()
            .map(
                d -> {
                  RuleOptions range = options.object(d.field());
                  Range parsed =
                      new Range(
                          d.field(), range.integer("min", d.min()), range.integer("max", d.max()));
                  if (parsed.min() > parsed.max()) {
                    options.error(
                        d.field(),
                        d.field() + ": min " + parsed.min() + " is above max " + parsed.max());
                  }
                  return parsed;
                })
            .toList();
    return new Options(ranges, options.integer("maxAlertsPerNamespace", Integer.MAX_VALUE));
  }

  private static void checkTarget(RenderedAlert alert, Findings findings) {
    String severity = alert.spec().path("severity").asText("").toLowerCase(Locale.ROOT);
    String target = alert.spec().path("target").asText("").strip();
    if (severity.equals(SEVERE.keikoproj()) && target.isEmpty()) {
      findings.report(
          alert,
          Origins.locate(alert, "severity", SEVERE.keikoproj()),
          "a severe alert without a target notifies nobody; add a target");
    }
    if (severity.equals(INFO.keikoproj()) || severity.equals(SMOKE.keikoproj())) {
      reportPaging(alert, "target", "an " + severity + " alert", findings);
    }
  }

  /** A THRESHOLD alert: every target receives its own severity and each higher one. */
  private static void checkThresholdTargets(RenderedAlert alert, Findings findings) {
    JsonNode targets = alert.spec().path("targets");
    boolean anyTarget = false;
    for (JsonNode target : targets) {
      anyTarget |= !target.asText("").isBlank();
    }
    if (alert.spec().path("conditions").has(SEVERE.keikoproj()) && !anyTarget) {
      findings.report(
          alert,
          Origins.field(alert, "conditions/" + SEVERE.keikoproj()),
          "a severe condition without any target notifies nobody; add targets");
    }
    for (var low : List.of(INFO, SMOKE)) {
      if (targets.has(low.keikoproj())) {
        reportPaging(
            alert, "targets/" + low.keikoproj(), "its " + low.keikoproj() + " target", findings);
      }
    }
  }

  private static void reportPaging(
      RenderedAlert alert, String field, String what, Findings findings) {
    for (String entry : alert.spec().at("/" + field).asText("").split(",")) {
      if (entry.strip().startsWith("pd:")) {
        findings.report(
            alert,
            Origins.locate(alert, field, entry.strip()),
            what
                + " pages through PagerDuty ("
                + entry.strip()
                + "); notify by email or a target: id, or raise the severity");
      }
    }
  }

  @Override
  public void check(LintContext context, Options options, Findings findings) {
    Map<String, Integer> perNamespace = new HashMap<>();
    for (RenderedAlert alert : context.alerts()) {
      for (Range range : options.ranges()) {
        var value = alert.spec().path(range.field());
        if (value.canConvertToInt()
            && (value.asInt() < range.min() || value.asInt() > range.max())) {
          findings.report(
              alert,
              Origins.field(alert, range.field()),
              range.field()
                  + " is "
                  + value.asInt()
                  + ", outside "
                  + range.min()
                  + ".."
                  + range.max()
                  + "; choose a value in that range (policy/alert-fatigue in alertforge.yaml)");
        }
      }
      if (alert.spec().path("conditions").isObject()) {
        checkThresholdTargets(alert, findings);
      } else {
        checkTarget(alert, findings);
      }
      int count = perNamespace.merge(alert.namespace(), 1, Integer::sum);
      if (count == options.maxAlertsPerNamespace() + 1) {
        findings.report(
            alert,
            alert.origin(),
            "namespace "
                + alert.namespace()
                + " has more than maxAlertsPerNamespace ("
                + options.maxAlertsPerNamespace()
                + ") alerts from here on; merge similar alerts, or raise the limit");
      }
    }
  }
}
