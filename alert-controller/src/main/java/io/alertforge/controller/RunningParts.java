package io.alertforge.controller;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.AdmissionFlags.Admission;
import io.alertforge.controller.GitSourceFlags.GitSource;
import io.alertforge.controller.admission.AdmissionReviewer;
import io.alertforge.controller.admission.AdmissionServer;
import io.alertforge.controller.admission.ConfigMapPolicy;
import io.alertforge.controller.admission.GitPolicy;
import io.alertforge.controller.admission.PolicySource;
import io.alertforge.controller.gitops.GitSync;
import io.alertforge.controller.gitops.GitWebhook;
import io.alertforge.controller.ops.EventRecorder;
import io.alertforge.controller.ops.OpsServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running controller, assembled from a checked {@link Configuration}: the Kubernetes
 * client, the Wavefront sync ({@link AlertController}), the ops server, the Git source and its push
 * webhook, the admission webhook. One shutdown hook closes them, last started first.
 */
final class RunningParts {
  // the start-up lines keep the logger they always had
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private final Configuration configuration;
  private final CountDownLatch stopped = new CountDownLatch(1);
  // closed from the head: the JVM runs separate hooks at the same time, and the Git source must
  // finish its sync while the Kubernetes client is still open
  private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();

  RunningParts(Configuration configuration) {
    this.configuration = configuration;
  }

  /**
   * Starts every part and returns once the process is asked to stop and they are closed.
   *
   * @throws IllegalArgumentException or {@link IllegalStateException} for a problem found while
   *     building the parts (the Wavefront URL's https, keikoproj's ConfigMap and Secret)
   */
  void run() throws IOException, InterruptedException {
    KubernetesClient kubernetes = new KubernetesClientBuilder().build();
    WavefrontConnection wavefront = configuration.wavefront();
    URI base;
    AlertController controller;
    try {
      WavefrontConnection.Endpoint endpoint = wavefront.endpoint(kubernetes);
      base = endpoint.base();
      controller =
          new AlertController(
              kubernetes, wavefront.options(base), endpoint.tokens(), configuration.controller());
    } catch (RuntimeException e) {
      kubernetes.close();
      throw e;
    }
    OpsServer ops =
        new OpsServer(
            new InetSocketAddress(configuration.metricsPort()),
            controller.metrics()::scrape,
            () -> true,
            controller::isReady);
    running.addAll(List.of(controller, ops, kubernetes));
    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll));
    controller.start();
    GitSync git =
        configuration.git() == null
            ? null
            : startGitSource(configuration.git(), kubernetes, controller);
    if (configuration.admission() != null) {
      startAdmission(configuration.admission(), kubernetes, git);
    }
    Configuration.AsGiven given = configuration.asGiven();
    LOG.info(
        "alertforge-controller started: cluster {}, Wavefront {}, namespaces {}, drift {}, resync {}",
        configuration.controller().clusterName(),
        base.getHost() != null ? base.getHost() : base.getPath(), // a bare host has no scheme
        given.namespaces().isEmpty() ? "all" : given.namespaces(),
        given.drift(),
        given.resync());
    stopped.await();
  }

  private GitSync startGitSource(
      GitSource source, KubernetesClient kubernetes, AlertController controller)
      throws IOException {
    AlertController.Settings settings = configuration.controller();
    GitSync git =
        new GitSync(
                kubernetes,
                source.settings(),
                new AlertCompiler(),
                controller.metrics().registry(),
                new EventRecorder(kubernetes, settings.identity(), Clock.systemUTC()),
                Clock.systemUTC())
            .start(settings.leaderElection() ? controller::isLeader : () -> true);
    running.push(git);
    GitWebhook hook = null;
    if (source.webhookSecretFile() != null) {
      hook =
          new GitWebhook(source.webhookSecretFile(), git::trigger)
              .serve(new InetSocketAddress(source.webhookPort()));
      running.push(hook);
    }
    LOG.info(
        "git source: {} branch {} path '{}' every {}{}",
        source.settings().url(),
        source.settings().branch(),
        source.settings().path(),
        source.interval(),
        hook != null ? ", webhook on :" + source.webhookPort() + GitWebhook.PATH : "");
    return git;
  }

  /** With a Git source, the applied commit's policy; the ConfigMap's (or a denial) until then. */
  private void startAdmission(Admission admission, KubernetesClient kubernetes, GitSync git)
      throws IOException {
    PolicySource configMap =
        admission.policy() == null
            ? null
            : new ConfigMapPolicy(
                kubernetes, admission.policy().namespace(), admission.policy().name());
    PolicySource source =
        git != null
            ? new GitPolicy(git, configMap != null ? configMap : GitPolicy.NOTHING_APPLIED)
            : configMap != null ? configMap : PolicySource.DEFAULTS;
    AdmissionServer server =
        new AdmissionServer(
            new InetSocketAddress(admission.port()),
            admission.certFile(),
            admission.keyFile(),
            new AdmissionReviewer(
                kubernetes, new AlertCompiler(), admission.controllerUser(), source));
    running.push(server);
    LOG.info("admission webhook on :{}{}", admission.port(), AdmissionServer.PATH);
  }

  private void closeAll() {
    for (AutoCloseable next; (next = running.poll()) != null; ) {
      try {
        next.close();
      } catch (Exception e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
    stopped.countDown();
  }
}
