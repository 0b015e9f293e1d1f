package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeMap;

/**
 * The writes that search does not see yet under the {@link SearchLag}, each with the version of its
 * alert that search still shows (null: none, the alert did not exist). Not thread-safe: the store's
 * lock guards it.
 */
final class LaggedWrites {
  private record Pending(ObjectNode visible, long visibleAtMillis, long visibleAfterSeq) {
    boolean over(long now, long seq) {
      return now >= visibleAtMillis && seq > visibleAfterSeq;
    }
  }

  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private final SearchLag lag;

  LaggedWrites(SearchLag lag) {
    this.lag = lag;
  }

  /**
   * Notes a write of alert {@code id} at {@code now}, after request {@code seq}; {@code previous}
   * is its version before the write. Forgets the writes whose lag is over.
   */
  void written(long id, ObjectNode previous, long now, long seq) {
    if (!lag.enabled()) {
      pending.clear();
      return;
    }
    ObjectNode stillVisible = searchVersion(id, previous, now, seq);
    pending.put(id, new Pending(stillVisible, now + lag.millis(), seq + lag.requests()));
    pending.values().removeIf(p -> p.over(now, seq));
  }

  /** True when search may have to show an older version of some alert. */
  boolean lagging() {
    return lag.enabled() && !pending.isEmpty();
  }

  /** The alerts with a write that search may not see yet. */
  Set<Long> ids() {
    return pending.keySet();
  }

  /** The version of alert {@code id} that search shows, given its {@code current} one. */
  ObjectNode searchVersion(long id, ObjectNode current, long now, long seq) {
    Pending p = pending.get(id);
    return p != null && !p.over(now, seq) ? p.visible() : current;
  }

  void clear() {
    pending.clear();
  }
}
