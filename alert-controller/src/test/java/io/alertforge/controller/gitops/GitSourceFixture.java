package io.alertforge.controller.gitops;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.Harness;
import io.alertforge.controller.ops.EventRecorder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What the Git source's end-to-end tests share, on the fabric8 mock in CRUD mode: the CRD
 * registered, an origin repository holding sample-repo, the {@link GitSync} under test, and, at
 * {@link #close()}, everything they opened closed (last opened first) and the cluster emptied.
 */
final class GitSourceFixture implements AutoCloseable {
  static final String SYSTEM_NS = "alert-manager-system";

  final KubernetesClient client;
  final GitOrigin origin;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  GitSourceFixture(KubernetesClient client, Path originDir) throws Exception {
    Harness.registerCrd(client);
    this.client = client;
    this.origin = closeAfter(GitOrigin.withSampleRepo(originDir, ""));
  }

  /** Closes {@code resource} at {@link #close()}, before what was opened earlier. */
  <T extends AutoCloseable> T closeAfter(T resource) {
    opened.push(resource);
    return resource;
  }

  GitSync newSync(GitSourceSettings settings, Clock clock, MeterRegistry registry)
      throws Exception {
    return closeAfter(
        new GitSync(
            client,
            settings,
            new AlertCompiler(),
            registry,
            new EventRecorder(client, "git-source-test", clock),
            clock));
  }

  GitSync newSync(GitSourceSettings settings, Clock clock) throws Exception {
    return newSync(settings, clock, new SimpleMeterRegistry());
  }

  GitSync newSync(GitSourceSettings settings) throws Exception {
    return newSync(settings, Clock.systemUTC());
  }

  int crCount() {
    return crs(client).size();
  }

  /** Every WavefrontAlert of the cluster. */
  static List<GenericKubernetesResource> crs(KubernetesClient client) {
    return client
        .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
        .inAnyNamespace()
        .list()
        .getItems();
  }

  /** The data of the status ConfigMap {@code alertforge-git-status}. */
  static Map<String, String> status(KubernetesClient client) {
    return client
        .configMaps()
        .inNamespace(SYSTEM_NS)
        .withName(GitSourceSettings.DEFAULT_STATUS_NAME)
        .get()
        .getData();
  }

  /** The events of the system namespace (the status ConfigMap's), in the order written. */
  static List<Event> events(KubernetesClient client) {
    return client.v1().events().inNamespace(SYSTEM_NS).list().getItems();
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    Harness.cleanUp(client);
    // the status ConfigMap keeps the prune history, which the next test's sync would read back
    client.configMaps().inNamespace(SYSTEM_NS).delete();
    client.v1().events().inNamespace(SYSTEM_NS).delete();
    for (GenericKubernetesResource r : crs(client)) {
      client
          .genericKubernetesResources(GitApplier.WAVEFRONT_ALERTS)
          .inNamespace(r.getMetadata().getNamespace())
          .withName(r.getMetadata().getName())
          .delete();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
