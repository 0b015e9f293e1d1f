package io.alertforge.controller.wavefront;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A smooth client-side rate limit: requests are spaced {@code 1/rate} seconds apart, with a burst
 * of up to {@code rate} requests (at least one) after an idle second. Blocking; fair enough for a
 * controller.
 */
final class RateLimiter {
  private final long intervalNanos;
  private final long burstNanos;
  private long next = System.nanoTime();

  RateLimiter(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate limit must be > 0, got " + perSecond);
    }
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    // below one per second a one-second window would make an idle limiter wait (interval - 1 s)
    this.burstNanos = Math.max(TimeUnit.SECONDS.toNanos(1), intervalNanos);
  }

  /**
   * Takes the next slot, sleeping until it comes, if it comes within {@code maxWait} (null: however
   * late).
   *
   * @return false, with no slot taken, when it comes later
   */
  boolean acquire(Duration maxWait) throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(next, now - burstNanos + intervalNanos);
      wait = slot - now;
      if (maxWait != null && wait > maxWait.toNanos()) {
        return false;
      }
      next = slot + intervalNanos;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return true;
  }
}
