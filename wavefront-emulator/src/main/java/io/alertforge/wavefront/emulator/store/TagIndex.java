package io.alertforge.wavefront.emulator.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which alerts carry each customer tag, ignoring case, so that a search by tag looks only at those.
 * Not thread-safe: the store's lock guards it.
 */
final class TagIndex {
  private final Map<String, Set<Long>> idsByTag = new HashMap<>();

  void add(long id, List<String> tags) {
    for (String t : tags) {
      idsByTag.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(id);
    }
  }

  void remove(long id, List<String> tags) {
    for (String t : tags) {
      String key = t.toLowerCase(Locale.ROOT);
      Set<Long> ids = idsByTag.get(key);
      if (ids != null) {
        ids.remove(id);
        if (ids.isEmpty()) {
          idsByTag.remove(key);
        }
      }
    }
  }

  /** The ids, in order, of the alerts that carry any of these lower-cased tags. */
  TreeSet<Long> idsWithAnyOf(List<String> lowerCaseTags) {
    TreeSet<Long> out = new TreeSet<>();
    for (String t : lowerCaseTags) {
      Set<Long> hit = idsByTag.get(t);
      if (hit != null) {
        out.addAll(hit);
      }
    }
    return out;
  }

  void clear() {
    idsByTag.clear();
  }
}
