package io.alertforge.compiler.diagnostic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects findings; not thread-safe: parallel work fills one per task and merges them. */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();

  /** Adds a finding and returns it, for a stage that also keeps it with what it concerns. */
  public Diagnostic report(Rule rule, SourcePosition position, String message) {
    Diagnostic diagnostic = new Diagnostic(position, rule.severity(), rule.id(), message);
    all.add(diagnostic);
    return diagnostic;
  }

  /** Takes over the findings of another collector, such as one per file filled in parallel. */
  public void addAll(Diagnostics other) {
    all.addAll(other.all);
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
