package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.model.OwnershipTag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's view of its live alerts in Wavefront, by ownership tag. It is filled by one
 * listing of the cluster tag ({@code ceil(n/1000)} search calls) at start and at every resync, and
 * kept current by the controller's own writes in between, so reconciling an unchanged CR needs no
 * Wavefront call at all. An alert edited or deleted outside the cluster is seen at the next
 * listing.
 */
public final class Inventory {
  private final WavefrontClient client;
  private final OwnershipTag tags;
  private final Clock clock;
  private volatile Map<String, List<LiveAlert>> byOwner;
  private volatile Instant refreshedAt = Instant.EPOCH;
  private final Object refreshLock = new Object();

  public Inventory(WavefrontClient client, OwnershipTag tags, Clock clock) {
    this.client = client;
    this.tags = tags;
    this.clock = clock;
  }

  /** Lists every alert with this cluster's tags, replacing what was known. */
  public void refresh() {
    refresh(client);
  }

  private void refresh(WavefrontClient via) {
    synchronized (refreshLock) {
      Map<String, List<LiveAlert>> fresh = new ConcurrentHashMap<>();
      for (ObjectNode a : via.searchByTag(tags.clusterTag())) {
        LiveAlert live = LiveAlert.of(a);
        if (tags.isThisClusters(live.ownerTag())) {
          fresh.computeIfAbsent(live.ownerTag(), k -> new ArrayList<>()).add(live);
        }
      }
      byOwner = fresh;
      refreshedAt = clock.instant();
    }
  }

  /**
   * Lists once, through {@code via} (a reconcile's client, bounded by its deadline), if nothing was
   * ever listed; concurrent callers wait for the one listing.
   */
  public void ensureLoaded(WavefrontClient via) {
    if (byOwner == null) {
      synchronized (refreshLock) {
        if (byOwner == null) {
          refresh(via);
        }
      }
    }
  }

  public List<LiveAlert> owned(String ownerTag) {
    ensureLoaded(client);
    List<LiveAlert> l = byOwner.get(ownerTag);
    return l == null ? List.of() : List.copyOf(l);
  }

  /** Records an alert as just written (created, updated or adopted) by this controller. */
  public void put(LiveAlert alert) {
    if (byOwner == null || alert.ownerTag() == null) {
      return;
    }
    byOwner.compute(
        alert.ownerTag(),
        (k, v) -> {
          List<LiveAlert> l = v == null ? new ArrayList<>() : new ArrayList<>(v);
          l.removeIf(a -> a.id().equals(alert.id()));
          l.add(alert);
          return l;
        });
  }

  /** Forgets an alert (deleted, or found gone). */
  public void remove(String ownerTag, String id) {
    if (byOwner == null) {
      return;
    }
    byOwner.computeIfPresent(
        ownerTag,
        (k, v) -> {
          List<LiveAlert> l = new ArrayList<>(v);
          l.removeIf(a -> a.id().equals(id));
          return l.isEmpty() ? null : l;
        });
  }

  public void replaceOwned(String ownerTag, List<LiveAlert> alerts) {
    if (byOwner == null) {
      return;
    }
    if (alerts.isEmpty()) {
      byOwner.remove(ownerTag);
    } else {
      byOwner.put(ownerTag, new ArrayList<>(alerts));
    }
  }

  public Instant refreshedAt() {
    return refreshedAt;
  }

  /** The number of live alerts with the cluster tag. */
  public int size() {
    Map<String, List<LiveAlert>> m = byOwner;
    return m == null ? 0 : m.values().stream().mapToInt(List::size).sum();
  }

  /** Owner tag to alerts, a copy (for the resync's comparison). */
  public Map<String, List<LiveAlert>> snapshot() {
    Map<String, List<LiveAlert>> m = byOwner;
    return m == null ? Map.of() : new HashMap<>(m);
  }
}
