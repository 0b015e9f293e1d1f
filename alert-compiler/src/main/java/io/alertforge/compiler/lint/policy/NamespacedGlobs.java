package io.alertforge.compiler.lint.policy;

import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.RuleOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A list of globs set for every namespace and per namespace ({@code namespaces: {ns: {key:
 * [...]}}}), the shape the policy rules share; a namespace gets both.
 */
record NamespacedGlobs(List<Glob> everywhere, Map<String, List<Glob>> byNamespace) {

  static NamespacedGlobs of(RuleOptions options, String key) {
    return new NamespacedGlobs(options.globs(key), options.perNamespace(o -> o.globs(key)));
  }

  List<Glob> forNamespace(String namespace) {
    List<Glob> specific = byNamespace.get(namespace);
    if (specific == null || specific.isEmpty()) {
      return everywhere;
    }
    List<Glob> all = new ArrayList<>(everywhere);
    all.addAll(specific);
    return all;
  }

  boolean configured() {
    return !everywhere.isEmpty() || !byNamespace.isEmpty();
  }

  static boolean any(List<Glob> globs, String value) {
    for (Glob glob : globs) {
      if (glob.matches(value)) {
        return true;
      }
    }
    return false;
  }

  static String list(List<Glob> globs) {
    List<String> texts = globs.stream().map(Glob::text).toList();
    return texts.size() <= 6
        ? String.join(", ", texts)
        : String.join(", ", texts.subList(0, 6)) + ", ... (" + texts.size() + " in all)";
  }
}
