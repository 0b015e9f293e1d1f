package io.alertforge.controller.reconcile;

import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.controller.wavefront.WavefrontException;
import io.alertforge.model.OwnershipTag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts with this cluster's ownership tags that no {@code WavefrontAlert} owns: their CR was
 * deleted while its finalizer was removed by hand, or while no controller ran. Each resync finds
 * them in its listing and reports each one once (a log line naming its id, and a Warning event on
 * this replica's Pod); the metric {@code alertforge_orphaned_alerts} counts them. With {@code
 * --prune-orphans} an orphan still found {@code grace} after it was first seen is deleted, after a
 * fresh GET shows it still carries the same tag. Only namespaces this controller watches are
 * judged: another controller may own the rest.
 */
public final class OrphanSweep {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);

  /** What one sweep found: the alerts with a CR, and the orphans. */
  record Result(int managed, int orphans) {}

  private final WavefrontClient client;
  private final Inventory inventory;
  private final OwnershipTag tags;
  private final Set<String> namespaces;
  private final boolean prune;
  private final Duration grace;
  private final SyncListener listener;
  private final Clock clock;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private volatile Result last = new Result(0, 0);

  /**
   * @param namespaces the watched namespaces, empty for all: only those are judged
   * @param prune delete an orphan still found {@code grace} after it was first seen
   */
  public OrphanSweep(
      WavefrontClient client,
      Inventory inventory,
      OwnershipTag tags,
      Set<String> namespaces,
      boolean prune,
      Duration grace,
      SyncListener listener,
      Clock clock) {
    this.client = client;
    this.inventory = inventory;
    this.tags = tags;
    this.namespaces = namespaces;
    this.prune = prune;
    this.grace = grace;
    this.listener = listener;
    this.clock = clock;
  }

  Result last() {
    return last;
  }

  /**
   * @param live the fresh listing, by owner tag
   * @param owners the owner tags of the CRs in the cluster (the informer's cache)
   */
  Result sweep(Map<String, List<LiveAlert>> live, Set<String> owners) {
    Instant now = clock.instant();
    Map<String, LiveAlert> orphans = new HashMap<>();
    int managed = 0;
    for (Map.Entry<String, List<LiveAlert>> e : live.entrySet()) {
      if (owners.contains(e.getKey())) {
        managed += e.getValue().size();
      } else if (watched(e.getKey())) {
        e.getValue().forEach(a -> orphans.put(a.id(), a));
      }
    }
    firstSeen.keySet().retainAll(orphans.keySet());
    int deleted = 0;
    for (LiveAlert orphan : orphans.values()) {
      Instant seen = firstSeen.putIfAbsent(orphan.id(), now);
      if (seen == null) {
        report(orphan);
      } else if (prune && !now.isBefore(seen.plus(grace)) && delete(orphan)) {
        firstSeen.remove(orphan.id());
        deleted++;
      }
    }
    last = new Result(managed, orphans.size() - deleted);
    return last;
  }

  private boolean watched(String ownerTag) {
    return namespaces.isEmpty() || namespaces.contains(tags.namespaceOf(ownerTag));
  }

  private void report(LiveAlert orphan) {
    String message =
        "Wavefront alert "
            + orphan.id()
            + " carries "
            + orphan.ownerTag()
            + " but no WavefrontAlert "
            + owner(orphan)
            + " exists: an orphan"
            + (prune
                ? "; --prune-orphans deletes it in " + grace.toString().substring(2).toLowerCase()
                : " (delete it in Wavefront, or run with --prune-orphans)");
    listener.orphanFound(orphan.id(), orphan.ownerTag(), message);
  }

  private boolean delete(LiveAlert orphan) {
    try {
      // the listing may be minutes old: only an alert that still carries the same tag goes
      Optional<LiveAlert> now = client.get(orphan.id()).map(LiveAlert::of);
      if (now.isEmpty() || !orphan.ownerTag().equals(now.get().ownerTag())) {
        return false;
      }
      if (client.delete(orphan.id())) {
        String message =
            "deleted orphaned Wavefront alert "
                + orphan.id()
                + " ("
                + orphan.ownerTag()
                + ", no WavefrontAlert "
                + owner(orphan)
                + "; moved to the trash)";
        listener.orphanDeleted(orphan, message);
      }
      inventory.remove(orphan.ownerTag(), orphan.id());
      return true;
    } catch (WavefrontException e) {
      LOG.warn("could not delete orphaned alert {}: {}", orphan.id(), e.getMessage());
      return false;
    }
  }

  private String owner(LiveAlert orphan) {
    String prefix = OwnershipTag.OWNER_PREFIX + tags.cluster() + ":";
    return orphan.ownerTag().substring(prefix.length()).replaceFirst(":", "/");
  }
}
