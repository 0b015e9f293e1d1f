package io.alertforge.wavefront.emulator.store;

import java.time.Duration;

/**
 * How far search ({@code POST /api/v2/search/alert} and {@code /search/alert/deleted}) lags behind
 * writes, as the real service's search cache does. A write becomes visible to search once both
 * configured conditions hold: {@code millis} have passed and more than {@code requests} further API
 * requests have been received. Zero for both (the default) means search is consistent. GET by id
 * and the list endpoints never lag.
 */
public final class SearchLag {
  private volatile long millis;
  private volatile int requests;

  public long millis() {
    return millis;
  }

  public int requests() {
    return requests;
  }

  public SearchLag millis(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("search lag millis must be >= 0");
    }
    this.millis = value;
    return this;
  }

  public SearchLag duration(Duration value) {
    return millis(value.toMillis());
  }

  public SearchLag requests(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("search lag requests must be >= 0");
    }
    this.requests = value;
    return this;
  }

  public boolean enabled() {
    return millis > 0 || requests > 0;
  }

  public void clear() {
    millis = 0;
    requests = 0;
  }

  @Override
  public String toString() {
    return "SearchLag{millis=" + millis + ", requests=" + requests + "}";
  }
}
