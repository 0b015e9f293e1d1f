package io.alertforge.controller.reconcile;

import io.alertforge.controller.crd.WavefrontAlert;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic resync: every period, on the leader only, list the cluster's alerts once ({@code
 * ceil(n/1000)} search calls), compare each CR with its live alert, and reconcile only those that
 * differ (drift, gone, duplicated) or whose last sync failed; then hand the listing to {@code
 * afterListing} (the orphan sweep). Unchanged alerts cost no other call.
 */
final class ResyncEventSource extends AbstractEventSource<LiveAlert, WavefrontAlert> {
  private static final Logger LOG = LoggerFactory.getLogger(ResyncEventSource.class);

  private final IndexedResourceCache<WavefrontAlert> primaries;
  private final BiPredicate<WavefrontAlert, Map<String, List<LiveAlert>>> needsSync;
  private final Inventory inventory;
  private final Consumer<Map<String, List<LiveAlert>>> afterListing;
  private final Duration period;
  private final BooleanSupplier leader;
  private final SyncListener listener;
  private final AtomicLong resyncs = new AtomicLong();
  private ScheduledExecutorService timer;

  ResyncEventSource(
      IndexedResourceCache<WavefrontAlert> primaries,
      BiPredicate<WavefrontAlert, Map<String, List<LiveAlert>>> needsSync,
      Inventory inventory,
      Consumer<Map<String, List<LiveAlert>>> afterListing,
      Duration period,
      BooleanSupplier leader,
      SyncListener listener) {
    super(LiveAlert.class, "wavefront-resync");
    this.primaries = primaries;
    this.needsSync = needsSync;
    this.inventory = inventory;
    this.afterListing = afterListing;
    this.period = period;
    this.leader = leader;
    this.listener = listener;
  }

  @Override
  public synchronized void start() {
    super.start();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wavefront-resync");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::resyncSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    super.stop();
  }

  private void resyncSafely() {
    try {
      if (leader.getAsBoolean()) {
        resync();
      }
    } catch (RuntimeException e) {
      LOG.warn("resync failed, next in {}: {}", period, e.getMessage());
    }
  }

  /** One resync; returns how many CRs it queued. */
  int resync() {
    long started = System.nanoTime();
    inventory.refresh();
    Map<String, List<LiveAlert>> live = inventory.snapshot();
    int queued = 0;
    for (WavefrontAlert cr : primaries.list().toList()) {
      if (needsSync.test(cr, live)) {
        getEventHandler().handleEvent(new Event(ResourceID.fromResource(cr)));
        queued++;
      }
    }
    afterListing.accept(live);
    resyncs.incrementAndGet();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    listener.resynced(inventory.size(), queued, took);
    return queued;
  }

  /** How many resyncs have run. */
  long resyncs() {
    return resyncs.get();
  }

  @Override
  public Set<LiveAlert> getSecondaryResources(WavefrontAlert primary) {
    return Set.of();
  }
}
