package io.alertforge.controller.wavefront;

import java.util.concurrent.TimeUnit;

/**
 * A smooth client-side rate limit: requests are spaced {@code 1/rate} seconds apart, with a burst
 * of up to {@code rate} requests after an idle second. Blocking; fair enough for a controller.
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
    this.burstNanos = TimeUnit.SECONDS.toNanos(1);
  }

  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      next = Math.max(next, now - burstNanos + intervalNanos);
      wait = next - now;
      next += intervalNanos;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
