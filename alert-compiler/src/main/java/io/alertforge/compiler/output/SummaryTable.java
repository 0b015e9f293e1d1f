package io.alertforge.compiler.output;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The table printed at the end of a lint: counts per severity and per rule. */
public final class SummaryTable {

  private SummaryTable() {}

  public static List<String> lines(List<Diagnostic> diagnostics) {
    Map<String, int[]> byRule = new TreeMap<>();
    Map<Severity, Integer> total = new EnumMap<>(Severity.class);
    for (Diagnostic d : diagnostics) {
      byRule.computeIfAbsent(d.rule(), r -> new int[3])[2 - d.severity().ordinal()]++;
      total.merge(d.severity(), 1, Integer::sum);
    }
    int width = "total".length();
    for (String rule : byRule.keySet()) {
      width = Math.max(width, rule.length());
    }
    String format = "%-" + width + "s %7s %7s %7s";
    List<String> lines = new ArrayList<>();
    lines.add(String.format(format, "rule", "error", "warning", "info"));
    byRule.forEach(
        (rule, counts) -> lines.add(String.format(format, rule, counts[0], counts[1], counts[2])));
    lines.add(
        String.format(
            format,
            "total",
            total.getOrDefault(Severity.ERROR, 0),
            total.getOrDefault(Severity.WARNING, 0),
            total.getOrDefault(Severity.INFO, 0)));
    return lines;
  }
}
