package io.alertforge.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates whose outcome is unknown (a timeout, a 5xx or a dropped answer after the request went
 * out), by ownership tag. Wavefront's search can lag a write, so a search right after such a create
 * may not show the alert although it exists. Until the window has passed since the uncertain
 * create, the reconciler searches again with backoff instead of creating a second alert; after it,
 * an alert still not found was not made, and is created. In memory: after a restart the first
 * search comes seconds later, beyond the lag.
 */
final class UncertainCreates {
  private record Pending(Instant since, int searches) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Duration window;
  private final Clock clock;

  UncertainCreates(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  void record(String ownerTag) {
    pending.putIfAbsent(ownerTag, new Pending(clock.instant(), 0));
  }

  /** The alert was found (or the CR is gone): nothing is pending any more. */
  void resolved(String ownerTag) {
    pending.remove(ownerTag);
  }

  /**
   * Before a create: how long to wait before searching again, or empty when the create may go ahead
   * (nothing pending, or the window has passed). The waits double from 1 s.
   */
  Optional<Duration> searchAgainIn(String ownerTag) {
    Pending p = pending.get(ownerTag);
    if (p == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant end = p.since().plus(window);
    if (!now.isBefore(end)) {
      pending.remove(ownerTag);
      return Optional.empty();
    }
    pending.put(ownerTag, new Pending(p.since(), p.searches() + 1));
    Duration backoff = Duration.ofSeconds(1L << Math.min(p.searches(), 4));
    Duration left = Duration.between(now, end);
    return Optional.of(backoff.compareTo(left) < 0 ? backoff : left);
  }
}
