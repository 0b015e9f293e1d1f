package io.alertforge.controller;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.admission.AdmissionReviewer;
import io.alertforge.controller.admission.AdmissionServer;
import io.alertforge.controller.gitops.GitSourceSettings;
import io.alertforge.controller.gitops.GitSync;
import io.alertforge.controller.gitops.GitWebhook;
import io.alertforge.controller.ops.OpsServer;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.SecretTokenSource;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar alert-controller.jar --help}. Every flag is in docs/controller.md. */
@Command(
    name = "alertforge-controller",
    mixinStandardHelpOptions = true,
    version = "alertforge-controller 0.1.0-SNAPSHOT",
    description = "Keeps Wavefront alerts equal to the WavefrontAlert objects of a cluster.")
public final class Main implements java.util.concurrent.Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Option(
      names = "--wavefront-url",
      defaultValue = "${env:WAVEFRONT_URL}",
      description = "Wavefront base URL (https://<instance>.wavefront.com); no scheme means https.")
  String url;

  @Option(
      names = "--wavefront-token-file",
      defaultValue = "${env:WAVEFRONT_TOKEN_FILE}",
      description = "File holding the API token (a mounted Secret); re-read when it changes.")
  Path tokenFile;

  @Option(
      names = "--allow-insecure-wavefront",
      description = "Allow a plain http:// Wavefront URL (the emulator; never in production).")
  boolean allowInsecure;

  @Option(
      names = "--keikoproj-configmap",
      defaultValue = "${env:KEIKOPROJ_CONFIGMAP}",
      description =
          "NAMESPACE/NAME of keikoproj's ConfigMap: reads wavefront.api.url and"
              + " wavefront.api.token.secret.name (the token Secret in the same namespace).")
  String keikoprojConfigMap;

  @Option(
      names = "--cluster-name",
      required = true,
      defaultValue = "${env:CLUSTER_NAME}",
      description = "This cluster's name, in every ownership tag: [A-Za-z0-9_.-]{1,63}.")
  String clusterName;

  @Option(
      names = "--namespaces",
      split = ",",
      defaultValue = "${env:WATCH_NAMESPACES}",
      description = "Namespaces to watch, comma-separated; all when empty.")
  List<String> namespaces;

  @Option(
      names = "--resync-period",
      defaultValue = "${env:RESYNC_PERIOD:-10m}",
      description = "How often Wavefront is listed to find drift and lost alerts (30s, 10m, 1h).")
  String resync;

  @Option(
      names = "--drift",
      defaultValue = "${env:DRIFT_MODE:-correct}",
      description = "correct (put UI edits back) or detect (only report them).")
  String drift;

  @Option(
      names = "--rate-limit",
      defaultValue = "${env:WAVEFRONT_RATE_LIMIT:-10}",
      description = "Wavefront requests per second, at most.")
  double rateLimit;

  @Option(
      names = "--max-concurrency",
      defaultValue = "${env:WAVEFRONT_MAX_CONCURRENCY:-4}",
      description = "Wavefront requests in flight, at most.")
  int maxConcurrency;

  @Option(
      names = "--request-timeout",
      defaultValue = "60s",
      description = "Timeout of one Wavefront request.")
  String requestTimeout;

  @Option(
      names = "--reconcile-threads",
      defaultValue = "4",
      description = "Reconciles in parallel.")
  int threads;

  @Option(
      names = "--auth-retry",
      defaultValue = "1m",
      description = "After a 401/403, wait this long before sending the same token again.")
  String authRetry;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:METRICS_PORT:-8080}",
      description = "Port of /metrics, /healthz and /readyz.")
  int metricsPort;

  @Option(names = "--leader-elect", description = "Elect a leader on a Lease (for 2+ replicas).")
  boolean leaderElect;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description = "Namespace of the Lease (default: $POD_NAMESPACE).")
  String leaseNamespace;

  @Option(
      names = "--lease-name",
      defaultValue = "alertforge-controller",
      description = "Name of the Lease.")
  String leaseName;

  @Option(
      names = "--git-url",
      defaultValue = "${env:GIT_URL}",
      description =
          "The alert repository to follow (https://, ssh://git@host/org/repo.git or file://);"
              + " without it no Git source runs.")
  String gitUrl;

  @Option(
      names = "--allow-insecure-git",
      description = "Allow a plain http:// --git-url (a test server; the token travels in clear).")
  boolean allowInsecureGit;

  @Option(
      names = "--git-branch",
      defaultValue = "${env:GIT_BRANCH:-main}",
      description = "The branch followed.")
  String gitBranch;

  @Option(
      names = "--git-path",
      defaultValue = "${env:GIT_PATH:-}",
      description = "The alert repository's directory in the Git repository (default: its root).")
  String gitPath;

  @Option(
      names = "--git-interval",
      defaultValue = "${env:GIT_INTERVAL:-1m}",
      description = "How often the branch is fetched.")
  String gitInterval;

  @Option(
      names = "--git-cache-dir",
      defaultValue = "${env:GIT_CACHE_DIR:-/tmp/alertforge-git}",
      description = "Where the local bare clone lives (an emptyDir).")
  Path gitCacheDir;

  @Option(
      names = "--git-username-file",
      defaultValue = "${env:GIT_USERNAME_FILE}",
      description = "HTTPS user name file (default user x-access-token, for a token).")
  Path gitUsernameFile;

  @Option(
      names = "--git-password-file",
      defaultValue = "${env:GIT_PASSWORD_FILE}",
      description = "HTTPS token or password file (a mounted Secret); re-read on every fetch.")
  Path gitPasswordFile;

  @Option(
      names = "--git-ssh-key-file",
      defaultValue = "${env:GIT_SSH_KEY_FILE}",
      description =
          "SSH private key file (OpenSSH format, a mounted Secret); re-read on every fetch.")
  Path gitSshKeyFile;

  @Option(
      names = "--git-ssh-key-passphrase-file",
      defaultValue = "${env:GIT_SSH_KEY_PASSPHRASE_FILE}",
      description = "The SSH key's passphrase file, if the key has one.")
  Path gitSshKeyPassphraseFile;

  @Option(
      names = "--git-known-hosts-file",
      defaultValue = "${env:GIT_KNOWN_HOSTS_FILE}",
      description =
          "known_hosts lines of the SSH Git host (required with ssh://); checked strictly.")
  Path gitKnownHostsFile;

  @Option(
      names = "--git-webhook-secret-file",
      defaultValue = "${env:GIT_WEBHOOK_SECRET_FILE}",
      description = "Shared secret of the push webhook (X-Hub-Signature-256); enables it.")
  Path gitWebhookSecretFile;

  @Option(
      names = "--git-webhook-port",
      defaultValue = "${env:GIT_WEBHOOK_PORT:-9090}",
      description = "Port of POST /hooks/git.")
  int gitWebhookPort;

  @Option(
      names = "--git-max-prune-ratio",
      defaultValue = "0.5",
      description = "Share of the managed WavefrontAlerts one commit may delete (0..1).")
  double gitMaxPruneRatio;

  @Option(
      names = "--git-prune-window",
      defaultValue = "24h",
      description = "How far back the prune guard counts what the Git source deleted.")
  String gitPruneWindow;

  @Option(
      names = "--git-allow-mass-prune",
      description = "Let every commit prune beyond the ratio (a planned cleanup; then remove it).")
  boolean gitAllowMassPrune;

  @Option(
      names = "--git-status-namespace",
      defaultValue = "${env:POD_NAMESPACE:-alert-manager-system}",
      description = "Namespace of the ConfigMap alertforge-git-status and its events.")
  String gitStatusNamespace;

  @Option(
      names = "--admission-cert-file",
      defaultValue = "${env:ADMISSION_CERT_FILE}",
      description = "The webhook's PEM certificate chain (tls.crt); with the key, enables it.")
  Path admissionCert;

  @Option(
      names = "--admission-key-file",
      defaultValue = "${env:ADMISSION_KEY_FILE}",
      description = "The webhook's PKCS#8 PEM key (tls.key); both are reloaded when they change.")
  Path admissionKey;

  @Option(
      names = "--admission-port",
      defaultValue = "${env:ADMISSION_PORT:-9443}",
      description = "HTTPS port of POST /validate.")
  int admissionPort;

  @Option(
      names = "--admission-policy-configmap",
      defaultValue = "${env:ADMISSION_POLICY_CONFIGMAP}",
      description = "NAMESPACE/NAME of the ConfigMap whose key alertforge.yaml is the policy.")
  String admissionPolicy;

  @Option(
      names = "--controller-user",
      defaultValue =
          "${env:CONTROLLER_USER:-system:serviceaccount:alert-manager-system:alertforge-controller}",
      description = "The only user that may change objects managed from Git.")
  String controllerUser;

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new Main())
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                    cmd.getErr().println("alertforge-controller: " + e.getMessage());
                    return 2; // a configuration error: no stack trace
                  }
                  throw e;
                })
            .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    KubernetesClient kubernetes = new KubernetesClientBuilder().build();
    URI base;
    TokenSource tokens;
    if (keikoprojConfigMap != null && !keikoprojConfigMap.isBlank()) {
      String[] ref = keikoprojConfigMap.split("/", 2);
      if (ref.length != 2) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--keikoproj-configmap must be NAMESPACE/NAME");
      }
      ConfigMap cm = kubernetes.configMaps().inNamespace(ref[0]).withName(ref[1]).get();
      Map<String, String> data = cm == null || cm.getData() == null ? Map.of() : cm.getData();
      KeikoprojConfig k = KeikoprojConfig.from(data);
      base = url != null && !url.isBlank() ? URI.create(url) : k.url();
      tokens =
          tokenFile != null
              ? new FileTokenSource(tokenFile)
              : new SecretTokenSource(kubernetes, ref[0], k.tokenSecret(), Duration.ofSeconds(30));
    } else {
      if (url == null || url.isBlank() || tokenFile == null) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "--wavefront-url and --wavefront-token-file are required (or --keikoproj-configmap)");
      }
      base = URI.create(url);
      tokens = new FileTokenSource(tokenFile);
    }
    WavefrontClient.Options options =
        WavefrontClient.Options.builder(base)
            .allowInsecure(allowInsecure)
            .rateLimit(rateLimit, maxConcurrency)
            .timeouts(Duration.ofSeconds(10), duration(requestTimeout))
            .authProbeInterval(duration(authRetry))
            .build();
    Set<String> watched = new LinkedHashSet<>();
    if (namespaces != null) {
      namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(watched::add);
    }
    String identity =
        System.getenv()
            .getOrDefault("POD_NAME", "alertforge-" + UUID.randomUUID().toString().substring(0, 8));
    if (leaderElect && (leaseNamespace == null || leaseNamespace.isBlank())) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--leader-elect needs --leader-election-namespace or $POD_NAMESPACE");
    }
    AlertController.Settings settings =
        new AlertController.Settings(
            clusterName,
            watched,
            duration(resync),
            DriftMode.parse(drift),
            duration(authRetry),
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            threads,
            leaderElect,
            leaseName,
            leaseNamespace,
            identity,
            true,
            Duration.ofSeconds(15));
    // before the controller starts: a wrong Git flag stops the process with its message alone
    GitSourceSettings gs = gitSettings();
    AlertController controller = new AlertController(kubernetes, options, tokens, settings);
    OpsServer ops =
        new OpsServer(
            new InetSocketAddress(metricsPort),
            controller.metrics()::scrape,
            () -> true,
            controller::isReady);
    CountDownLatch stopped = new CountDownLatch(1);
    // One hook closes everything, last started first: the JVM runs separate hooks at the same
    // time, and the Git source must finish its sync while the Kubernetes client is still open.
    Deque<AutoCloseable> running =
        new ConcurrentLinkedDeque<>(List.of(controller, ops, kubernetes));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable next; (next = running.poll()) != null; ) {
                    try {
                      next.close();
                    } catch (Exception e) {
                      LOG.warn("while stopping: {}", e.toString());
                    }
                  }
                  stopped.countDown();
                }));
    controller.start();
    if (gs != null) {
      GitSync git =
          new GitSync(
                  kubernetes,
                  gs,
                  new AlertCompiler(),
                  controller.metrics().registry(),
                  java.time.Clock.systemUTC())
              .start(leaderElect ? controller::isLeader : () -> true);
      running.push(git);
      GitWebhook hook = null;
      if (gitWebhookSecretFile != null) {
        hook =
            new GitWebhook(gitWebhookSecretFile, git::trigger)
                .serve(new InetSocketAddress(gitWebhookPort));
        running.push(hook);
      }
      LOG.info(
          "git source: {} branch {} path '{}' every {}{}",
          gs.url(),
          gitBranch,
          gs.path(),
          gitInterval,
          hook != null ? ", webhook on :" + gitWebhookPort + GitWebhook.PATH : "");
    }
    if (admissionCert != null && admissionKey != null) {
      String[] policy =
          admissionPolicy == null || admissionPolicy.isBlank()
              ? new String[] {null, null}
              : admissionPolicy.split("/", 2);
      if (policy.length != 2) {
        throw new IllegalArgumentException("--admission-policy-configmap must be NAMESPACE/NAME");
      }
      AdmissionServer admission =
          new AdmissionServer(
              new InetSocketAddress(admissionPort),
              admissionCert,
              admissionKey,
              new AdmissionReviewer(
                  kubernetes, new AlertCompiler(), controllerUser, policy[0], policy[1]));
      running.push(admission);
      LOG.info("admission webhook on :{}{}", admissionPort, AdmissionServer.PATH);
    }
    LOG.info(
        "alertforge-controller started: cluster {}, Wavefront {}, namespaces {}, drift {}, resync {}",
        clusterName,
        base.getHost(),
        watched.isEmpty() ? "all" : watched,
        drift,
        resync);
    stopped.await();
    return 0;
  }

  /** The Git source's settings from the flags; null without {@code --git-url}. */
  GitSourceSettings gitSettings() {
    if (gitUrl == null || gitUrl.isBlank()) {
      return null;
    }
    return new GitSourceSettings(
        GitSourceSettings.parseUrl(gitUrl),
        gitBranch,
        gitPath,
        duration(gitInterval),
        gitCacheDir,
        gitUsernameFile,
        gitPasswordFile,
        gitSshKeyFile,
        gitSshKeyPassphraseFile,
        gitKnownHostsFile,
        allowInsecureGit,
        gitMaxPruneRatio,
        duration(gitPruneWindow),
        gitAllowMassPrune,
        gitStatusNamespace,
        GitSourceSettings.DEFAULT_STATUS_NAME);
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
  static Duration duration(String s) {
    Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(s.trim().toUpperCase(Locale.ROOT));
    } catch (java.time.format.DateTimeParseException e) {
      // an IllegalArgumentException: main() prints it as one line
      throw new IllegalArgumentException(
          "not a duration: '" + s + "' (write 30s, 10m, 1h or ISO-8601 such as PT10M)");
    }
  }

  /** keikoproj's ConfigMap keys (alert-manager's internal/config). */
  record KeikoprojConfig(URI url, String tokenSecret) {
    static final String URL_KEY = "wavefront.api.url";
    static final String SECRET_KEY = "wavefront.api.token.secret.name";

    static KeikoprojConfig from(Map<String, String> data) {
      String url = data.get(URL_KEY);
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("the keikoproj ConfigMap has no " + URL_KEY);
      }
      url = url.trim();
      URI uri = URI.create(url.contains("://") ? url : "https://" + url); // a bare host: https
      String secret = data.getOrDefault(SECRET_KEY, "wavefront-api-token").trim();
      return new KeikoprojConfig(uri, secret.isEmpty() ? "wavefront-api-token" : secret);
    }
  }
}
