package io.alertforge.controller.ops;

import io.alertforge.controller.wavefront.CallListener;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The controller's Prometheus metrics (served at {@code /metrics}); every name is in
 * docs/controller.md. It is also JOSDK's {@link Metrics}, to count the resources waiting for a
 * reconcile (the queue depth).
 */
public final class ControllerMetrics implements CallListener, Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Set<ResourceID> pending = ConcurrentHashMap.newKeySet();

  public ControllerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    Gauge.builder("alertforge.queue.depth", pending, Set::size)
        .description("WavefrontAlerts with an event not yet reconciled")
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }

  /** One reconcile's outcome: created, updated, recreated, adopted, drift_corrected, ... */
  public void sync(String result) {
    Counter.builder("alertforge.syncs")
        .description("Reconciles of WavefrontAlerts by result")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  public void drift(String mode) {
    Counter.builder("alertforge.drift")
        .description("Live alerts found edited outside the cluster")
        .tag("mode", mode)
        .register(registry)
        .increment();
  }

  public void error(String kind) {
    Counter.builder("alertforge.errors")
        .description("Failed reconciles and deletes by kind")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  /** An orphaned alert deleted by {@code --prune-orphans}. */
  public void orphanDeleted() {
    Counter.builder("alertforge.orphans.deleted")
        .description("Orphaned Wavefront alerts (no WavefrontAlert owns them) deleted")
        .register(registry)
        .increment();
  }

  public void resync(Duration took) {
    registry.timer("alertforge.resync").record(took);
  }

  @Override
  public void onCall(String operation, String outcome, Duration elapsed) {
    Counter.builder("alertforge.wavefront.calls")
        .description("HTTP calls to Wavefront by operation and outcome (status code or io_error)")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void onPause(Duration length) {
    Counter.builder("alertforge.wavefront.pauses")
        .description("Pauses of every Wavefront call that Wavefront asked for with Retry-After")
        .register(registry)
        .increment();
  }

  /** Registers a gauge read at scrape time (token age, managed alerts, leader). */
  public void gauge(String name, String description, DoubleSupplier value) {
    Gauge.builder(name, value::getAsDouble).description(description).register(registry);
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    pending.add(event.getRelatedCustomResourceID());
  }

  @Override
  public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
    pending.remove(ResourceID.fromResource(resource));
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    pending.remove(resourceID);
  }
}
