package io.alertforge.compiler.diagnostic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects findings; thread-confined to one compilation. */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();

  public void report(Rule rule, SourcePosition position, String message) {
    all.add(new Diagnostic(position, rule.severity(), rule.id(), message));
  }

  /** All findings in report order. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(all);
    copy.sort(Diagnostic.ORDER);
    return List.copyOf(copy);
  }

  public Map<Severity, Integer> counts() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    all.forEach(d -> counts.merge(d.severity(), 1, Integer::sum));
    return counts;
  }
}
