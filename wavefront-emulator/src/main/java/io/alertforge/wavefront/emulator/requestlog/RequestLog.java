package io.alertforge.wavefront.emulator.requestlog;

import io.alertforge.wavefront.emulator.fault.PathGlob;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every {@code /api/...} request the emulator received, in order (admin calls to {@code /_emulator}
 * are not recorded). An entry is recorded before its response is sent, so a test that has its
 * response can assert on it at once. Holds at most {@code capacity} entries (the oldest go first).
 * Thread-safe.
 *
 * <p>Method arguments: null or {@code *} for any method. Path arguments are {@link PathGlob globs}:
 * {@code /api/v2/alert} matches only that path, {@code /api/v2/alert/*} one id below it, {@code
 * /api/**} everything.
 */
public final class RequestLog {
  private final Deque<RecordedRequest> entries = new ArrayDeque<>();
  private final int capacity;

  public RequestLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  public synchronized void record(RecordedRequest request) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  /** All entries, oldest first. */
  public synchronized List<RecordedRequest> entries() {
    return List.copyOf(entries);
  }

  /** Entries for this method and path glob. */
  public List<RecordedRequest> entries(String method, String pathGlob) {
    return filter(matcher(method, pathGlob));
  }

  public synchronized List<RecordedRequest> filter(Predicate<RecordedRequest> p) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : entries) {
      if (p.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * How many requests had this method and a path matching the glob, e.g. {@code count("POST",
   * "/api/v2/alert")}.
   */
  public int count(String method, String pathGlob) {
    return count(matcher(method, pathGlob));
  }

  public synchronized int count(Predicate<RecordedRequest> p) {
    int n = 0;
    for (RecordedRequest r : entries) {
      if (p.test(r)) {
        n++;
      }
    }
    return n;
  }

  /** Number of recorded requests. */
  public synchronized int size() {
    return entries.size();
  }

  /** Requests that could change alerts (every POST, PUT and DELETE except searches). */
  public int countWrites() {
    return count(RecordedRequest::isWrite);
  }

  /** Requests for which a fault fired. */
  public int countFaulted() {
    return count(RecordedRequest::faulted);
  }

  /** The sequence number of the latest entry (0 if none): pass it to {@link #since(long)} later. */
  public synchronized long mark() {
    return entries.isEmpty() ? 0 : entries.peekLast().seq();
  }

  /** Entries recorded after {@code mark}. */
  public List<RecordedRequest> since(long mark) {
    return filter(r -> r.seq() > mark);
  }

  public synchronized Optional<RecordedRequest> last() {
    return Optional.ofNullable(entries.peekLast());
  }

  public synchronized void clear() {
    entries.clear();
  }

  /** A predicate for a method (null or {@code *} for any) and a path glob (null for any). */
  public static Predicate<RecordedRequest> matcher(String method, String pathGlob) {
    PathGlob glob = pathGlob == null ? null : PathGlob.of(pathGlob);
    boolean anyMethod = method == null || method.equals("*");
    return r ->
        (anyMethod || r.method().equalsIgnoreCase(method))
            && (glob == null || glob.matches(r.path()));
  }
}
