package io.alertforge.controller.gitops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Git source's thread: a sync now and then every interval, one soon when a webhook asks
 * (requests that arrive while one waits are merged), each only while this replica is active (the
 * leader); and a close that lets a sync in flight finish.
 */
final class SyncLoop {
  // the Git source's log lines keep the logger they always had
  private static final Logger LOG = LoggerFactory.getLogger(GitSync.class);
  // within Kubernetes' default 30 s between SIGTERM and SIGKILL, with time left to interrupt
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

  private final Runnable sync;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "alertforge-git");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile BooleanSupplier active = () -> true;

  SyncLoop(Runnable sync) {
    this.sync = sync;
  }

  void start(Duration interval, BooleanSupplier active) {
    this.active = active;
    executor.scheduleWithFixedDelay(
        this::syncQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void trigger() {
    if (pending.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            pending.set(false);
            syncQuietly();
          });
    }
  }

  private void syncQuietly() {
    if (!active.getAsBoolean()) {
      return;
    }
    try {
      sync.run();
    } catch (RuntimeException e) {
      LOG.error("git sync failed", e);
    }
  }

  /**
   * Cancels the next interval; a sync in flight may finish, so a shutdown neither records a
   * spurious failure nor closes the fetcher under a running fetch. One that hangs is interrupted.
   */
  void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("git sync still running after {}; interrupting it", CLOSE_TIMEOUT);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
