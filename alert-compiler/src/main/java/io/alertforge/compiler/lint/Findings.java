package io.alertforge.compiler.lint;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rule found. A finding on a rendered alert points at its source (the template field or
 * the param); findings at one source position with one message, from several instances of a
 * template, are reported once, naming the instances.
 */
public final class Findings {

  /** A finding and the namespace it concerns (null when it concerns a file, not an alert). */
  record Finding(Diagnostic diagnostic, String namespace) {}

  private record Key(SourcePosition position, String message, String namespace) {}

  private static final int NAMED_INSTANCES = 3;

  private final Rule rule;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<Key, List<RenderedAlert>> rendered = new LinkedHashMap<>();

  Findings(Rule rule) {
    this.rule = rule;
  }

  /** A finding in a source document or file. */
  public void report(SourcePosition position, String namespace, String message) {
    findings.add(
        new Finding(new Diagnostic(position, rule.severity(), rule.id(), message), namespace));
  }

  /**
   * A finding on a rendered alert, at the source position that caused it; the message should say
   * what is wrong and how to fix it, the alert is named automatically.
   */
  public void report(RenderedAlert alert, SourcePosition position, String message) {
    rendered
        .computeIfAbsent(new Key(position, message, alert.namespace()), k -> new ArrayList<>())
        .add(alert);
  }

  List<Finding> all() {
    List<Finding> all = new ArrayList<>(findings);
    rendered.forEach(
        (key, alerts) ->
            all.add(
                new Finding(
                    new Diagnostic(
                        key.position(),
                        rule.severity(),
                        rule.id(),
                        key.message() + " (" + describe(alerts) + ")"),
                    key.namespace())));
    return all;
  }

  private static String describe(List<RenderedAlert> alerts) {
    RenderedAlert first = alerts.get(0);
    if (alerts.size() == 1) {
      return first.isInstance()
          ? "rendered alert "
              + first.qualifiedName()
              + ", from the AlertsConfig entry at "
              + first.origin()
          : "alert " + first.qualifiedName();
    }
    StringBuilder text = new StringBuilder("in " + alerts.size() + " rendered alerts: ");
    for (int i = 0; i < Math.min(NAMED_INSTANCES, alerts.size()); i++) {
      text.append(i > 0 ? ", " : "").append(alerts.get(i).qualifiedName());
    }
    if (alerts.size() > NAMED_INSTANCES) {
      text.append(" and ").append(alerts.size() - NAMED_INSTANCES).append(" more");
    }
    return text.toString();
  }
}
