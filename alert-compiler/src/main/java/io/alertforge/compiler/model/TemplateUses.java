package io.alertforge.compiler.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rendering learnt about params, for the rules that run after it: the params each template
 * uses, and the template each AlertsConfig entry resolved to.
 *
 * @param templates every template that parsed, in source order
 * @param entries for each AlertsConfig that was rendered, its entries that resolved to a template
 *     that parsed, by entry name; an entry that names no template, a standalone alert, or a
 *     template with syntax errors is absent
 */
public record TemplateUses(
    List<Template> templates, Map<AlertSource, Map<String, Template>> entries) {

  public TemplateUses {
    templates = List.copyOf(templates);
    entries = Collections.unmodifiableMap(entries);
  }

  /**
   * A template that parsed.
   *
   * @param used every param key its fields name, in the order of their first mention
   * @param dynamic true when a field uses the params in a way whose keys cannot be listed ({@code
   *     index . .k}, {@code print .}): then it may use any param
   */
  public record Template(AlertSource source, Set<String> used, boolean dynamic) {

    public Template {
      used = Collections.unmodifiableSet(new LinkedHashSet<>(used));
    }

    /** Its exportedParams, in order. */
    public Set<String> exported() {
      Set<String> exported = new LinkedHashSet<>();
      source.spec().path("exportedParams").forEach(p -> exported.add(p.asText()));
      return exported;
    }
  }
}
