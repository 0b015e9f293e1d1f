package io.alertforge.compiler.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rendering learnt about params, for the rules that run after it: the params each template
 * uses, the template each AlertsConfig entry resolved to, and the entries whose params a schema
 * error hides.
 *
 * @param templates every template that parsed, in source order
 * @param entries for each AlertsConfig that was rendered, its entries that resolved to a template
 *     that parsed, by entry name; an entry that names no template, a standalone alert, or a
 *     template with syntax errors is absent
 * @param paramsHidden for each AlertsConfig, the entries of {@code entries} whose params a schema
 *     error hides
 */
public record TemplateUses(
    List<Template> templates,
    Map<AlertSource, Map<String, Template>> entries,
    Map<AlertSource, Set<String>> paramsHidden) {

  public TemplateUses {
    templates = List.copyOf(templates);
    entries = Collections.unmodifiableMap(entries);
    paramsHidden = Collections.unmodifiableMap(paramsHidden);
  }

  /**
   * Whether a schema error of the AlertsConfig or of the template's defaults hides which params
   * {@code entry} of {@code config} is given (a misspelt {@code params:}, a malformed map): then a
   * check of its params would only follow from that error, and waits for its fix.
   */
  public boolean paramsHidden(AlertSource config, String entry) {
    return paramsHidden.getOrDefault(config, Set.of()).contains(entry);
  }

  /**
   * A template that parsed.
   *
   * @param firstUse every param key its fields name, in the order of their first mention, with
   *     where ("file:line:column") that is
   * @param dynamic true when a field uses the params in a way whose keys cannot be listed ({@code
   *     index . .k}, {@code print .}): then it may use any param
   */
  public record Template(AlertSource source, Map<String, String> firstUse, boolean dynamic) {

    public Template {
      firstUse = Collections.unmodifiableMap(new LinkedHashMap<>(firstUse));
    }

    /** Every param key its fields name, in the order of their first mention. */
    public Set<String> used() {
      return firstUse.keySet();
    }

    /** Its exportedParams, in order. */
    public Set<String> exported() {
      Set<String> exported = new LinkedHashSet<>();
      source.spec().path("exportedParams").forEach(p -> exported.add(p.asText()));
      return exported;
    }
  }
}
