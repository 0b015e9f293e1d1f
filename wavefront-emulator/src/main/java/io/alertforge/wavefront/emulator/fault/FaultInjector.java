package io.alertforge.wavefront.emulator.fault;

import io.alertforge.wavefront.emulator.store.QueryValidator;
import io.alertforge.wavefront.emulator.store.SearchLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's faults. Request faults ({@link Fault}) are checked in the order they were added:
 * every matching latency fault that fires adds its delay, and the first matching status or drop
 * fault that fires decides the outcome. Besides those: rejected queries (an alert whose query
 * contains a given text is refused with 400 on save) and the search lag. The admin endpoint {@code
 * /_emulator/...} is never subject to faults. Thread-safe.
 */
public final class FaultInjector implements QueryValidator {
  private final CopyOnWriteArrayList<ActiveFault> faults = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<String> rejectedQueries = new CopyOnWriteArrayList<>();
  private final SearchLag searchLag;
  private final AtomicInteger ids = new AtomicInteger();

  /** What to do with one request. */
  public record Plan(long latencyMillis, ActiveFault terminal, List<String> labels) {
    static final Plan NONE = new Plan(0, null, List.of());

    public boolean before() {
      return terminal != null && !terminal.fault().isAfterProcessing();
    }

    public boolean after() {
      return terminal != null && terminal.fault().isAfterProcessing();
    }
  }

  public FaultInjector(SearchLag searchLag) {
    this.searchLag = searchLag;
  }

  /** Installs a fault; returns its live handle (fired count, remaining count, id for removal). */
  public ActiveFault add(Fault fault) {
    ActiveFault active = new ActiveFault(ids.incrementAndGet(), fault);
    faults.add(active);
    return active;
  }

  /** Parses {@link Fault#parse(String) a spec} and installs it. */
  public ActiveFault add(String spec) {
    return add(Fault.parse(spec));
  }

  public List<ActiveFault> active() {
    return List.copyOf(faults);
  }

  public boolean remove(ActiveFault fault) {
    return faults.remove(fault);
  }

  public boolean remove(int id) {
    return faults.removeIf(f -> f.id() == id);
  }

  /** Removes the request faults (not the rejected queries or the search lag). */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Saving an alert whose condition, display expression or threshold condition contains this text
   * gives 400.
   */
  public void rejectQuery(String containing) {
    if (containing == null || containing.isEmpty()) {
      throw new IllegalArgumentException("rejected query text must not be empty");
    }
    rejectedQueries.add(containing);
  }

  public List<String> rejectedQueries() {
    return List.copyOf(rejectedQueries);
  }

  public void clearRejectedQueries() {
    rejectedQueries.clear();
  }

  /** The search lag (a live setting object). */
  public SearchLag searchLag() {
    return searchLag;
  }

  /** Search results show a write only this long after it. */
  public void searchLag(Duration lag) {
    searchLag.duration(lag);
  }

  /** Search results show a write only after this many further API requests. */
  public void searchLagRequests(int requests) {
    searchLag.requests(requests);
  }

  /** Removes every fault, rejected query and search lag. */
  public void clear() {
    clearFaults();
    clearRejectedQueries();
    searchLag.clear();
  }

  /** Decides the faults for one API request, counting those that fire. */
  public Plan plan(String method, String path) {
    if (faults.isEmpty()) {
      return Plan.NONE;
    }
    long latency = 0;
    ActiveFault terminal = null;
    List<String> labels = new ArrayList<>(2);
    for (ActiveFault f : faults) {
      if (!f.matches(method, path) || !f.tryFire()) {
        continue;
      }
      labels.add(f.fault().label());
      if (f.fault().kind() == Fault.Kind.LATENCY) {
        latency += f.fault().latencyMillis();
      } else {
        terminal = f;
        break;
      }
    }
    return labels.isEmpty() ? Plan.NONE : new Plan(latency, terminal, List.copyOf(labels));
  }

  @Override
  public Optional<String> check(String field, String query) {
    for (String r : rejectedQueries) {
      if (query.contains(r)) {
        return Optional.of(
            "Invalid query in "
                + field
                + ": the query failed on the server (it contains '"
                + r
                + "')");
      }
    }
    return Optional.empty();
  }
}
