package io.alertforge.wavefront.emulator.fault;

import java.util.Random;

/**
 * A {@link Fault} installed in a {@link FaultInjector}, with its remaining count and how often it
 * fired. Thread-safe. An exhausted fault stays listed but no longer fires.
 */
public final class ActiveFault {
  private final int id;
  private final Fault fault;
  private final PathGlob path;
  private final Random random;
  private int remaining;
  private int fired;

  ActiveFault(int id, Fault fault) {
    this.id = id;
    this.fault = fault;
    this.path = fault.path() == null ? null : PathGlob.of(fault.path());
    this.random = new Random(fault.seed());
    this.remaining = fault.times();
  }

  public int id() {
    return id;
  }

  public Fault fault() {
    return fault;
  }

  /** How many requests it has affected. */
  public synchronized int fired() {
    return fired;
  }

  /** How many more times it fires, or -1 for unlimited. */
  public synchronized int remaining() {
    return remaining;
  }

  public synchronized boolean exhausted() {
    return remaining == 0;
  }

  boolean matches(String method, String requestPath) {
    return (fault.method() == null || fault.method().equalsIgnoreCase(method))
        && (path == null || path.matches(requestPath));
  }

  /** Decides whether it fires for one matching request, and counts it if so. */
  synchronized boolean tryFire() {
    if (remaining == 0) {
      return false;
    }
    if (fault.probability() < 1.0 && random.nextDouble() >= fault.probability()) {
      return false;
    }
    if (remaining > 0) {
      remaining--;
    }
    fired++;
    return true;
  }

  @Override
  public String toString() {
    return "ActiveFault{id="
        + id
        + ", "
        + fault.spec()
        + ", fired="
        + fired()
        + ", remaining="
        + remaining()
        + "}";
  }
}
