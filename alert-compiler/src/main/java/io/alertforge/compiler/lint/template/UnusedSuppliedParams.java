package io.alertforge.compiler.lint.template;

import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.TemplateUses;
import io.alertforge.compiler.schema.FieldPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The params an AlertsConfig supplies that no template uses or exports, each with the name it most
 * likely meant. Shared by the two rules that divide them: a param with a near match is misspelt
 * ({@link MisspelledParamRule}), any other is unused ({@link UnusedParamRule}).
 */
final class UnusedSuppliedParams {

  /**
   * @param key the JSON Pointer of the param's key in the AlertsConfig
   * @param template the entry's template; null for a globalParam
   * @param known the params its template (or, for a globalParam, the AlertsConfig's templates) uses
   *     or exports
   * @param nearMatch the one of {@code known} it was most likely meant to be, not supplied by the
   *     same map already; null when none is near
   */
  record Unused(
      AlertSource config,
      String key,
      String param,
      TemplateUses.Template template,
      Set<String> known,
      String nearMatch) {}

  private UnusedSuppliedParams() {}

  /**
   * Every entry's and globalParams' unused param. An entry's template that uses params in a way
   * whose keys cannot be listed may use any, so its params are not judged; the globalParams only
   * when every entry's template is known and lists the params it uses.
   */
  static List<Unused> of(TemplateUses uses) {
    List<Unused> unused = new ArrayList<>();
    uses.entries().forEach((config, templates) -> addConfig(config, templates, unused));
    return unused;
  }

  private static void addConfig(
      AlertSource config, Map<String, TemplateUses.Template> templates, List<Unused> unused) {
    Set<String> used = new LinkedHashSet<>();
    boolean known = true;
    var entries = config.spec().path("alerts").fieldNames();
    while (entries.hasNext()) {
      String entry = entries.next();
      TemplateUses.Template template = templates.get(entry);
      if (template == null) {
        known = false;
        continue;
      }
      Set<String> names = new LinkedHashSet<>(template.used());
      names.addAll(template.exported());
      used.addAll(names);
      known &= !template.dynamic();
      if (!template.dynamic()) {
        add(
            config,
            "/spec/alerts/" + FieldPaths.escape(entry) + "/params",
            template,
            names,
            unused);
      }
    }
    if (known) {
      add(config, "/spec/globalParams", null, used, unused);
    }
  }

  private static void add(
      AlertSource config,
      String map,
      TemplateUses.Template template,
      Set<String> known,
      List<Unused> unused) {
    Set<String> supplied = new LinkedHashSet<>();
    config.document().content().at(map).fieldNames().forEachRemaining(supplied::add);
    Set<String> candidates = new LinkedHashSet<>(known);
    candidates.removeAll(supplied);
    for (String param : supplied) {
      if (!known.contains(param)) {
        unused.add(
            new Unused(
                config,
                map + "/" + FieldPaths.escape(param),
                param,
                template,
                known,
                nearMatch(param, candidates)));
      }
    }
  }

  /**
   * The candidate {@code param} is most likely a misspelling of: one that differs only in case, or
   * whose Damerau-Levenshtein distance (optimal string alignment, ignoring case) is at most 2 and
   * less than half the shorter name's length; the nearest, the first of equals. Null when none.
   */
  static String nearMatch(String param, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(param.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      boolean near =
          distance == 0
              || (distance <= 2 && 2 * distance < Math.min(param.length(), candidate.length()));
      if (near && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Insertions, deletions, substitutions and transpositions of two adjacent characters. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
