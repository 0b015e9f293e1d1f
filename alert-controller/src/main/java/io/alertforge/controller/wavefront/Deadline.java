package io.alertforge.controller.wavefront;

import java.time.Duration;
import java.time.Instant;

/**
 * When a reconcile's time budget ends ({@link WavefrontClient#within}), and how long the budget
 * was, for messages.
 */
record Deadline(Instant at, Duration budget) {

  static Deadline of(Instant at, Instant now) {
    long millis = Duration.between(now, at).plusNanos(500_000).toMillis(); // to the nearest ms
    return new Deadline(at, Duration.ofMillis(Math.max(0, millis)));
  }

  /** Zero once it has passed. */
  Duration left(Instant now) {
    return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
  }

  @Override
  public String toString() {
    return "the reconcile's deadline of " + WavefrontClient.seconds(budget);
  }
}
