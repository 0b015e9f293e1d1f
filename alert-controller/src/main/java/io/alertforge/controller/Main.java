package io.alertforge.controller;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.controller.admission.AdmissionReviewer;
import io.alertforge.controller.admission.AdmissionServer;
import io.alertforge.controller.admission.ConfigMapPolicy;
import io.alertforge.controller.admission.GitPolicy;
import io.alertforge.controller.admission.PolicySource;
import io.alertforge.controller.gitops.GitSourceSettings;
import io.alertforge.controller.gitops.GitSync;
import io.alertforge.controller.gitops.GitWebhook;
import io.alertforge.controller.logging.LogEscaping;
import io.alertforge.controller.ops.OpsServer;
import io.alertforge.controller.reconcile.DriftMode;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.SecretTokenSource;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.model.OwnershipTag;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
      names = "--reconcile-timeout",
      defaultValue = "${env:RECONCILE_TIMEOUT:-2m}",
      description = "The most one reconcile spends on Wavefront calls, retries and waits included.")
  String reconcileTimeout;

  @Option(
      names = "--adopt-untagged",
      defaultValue = "${env:ADOPT_UNTAGGED:-false}",
      description =
          "Migration from keikoproj's controller: adopt the untagged Wavefront alert a CR's status"
              + " names, if its name matches and no other CR claims it.")
  boolean adoptUntagged;

  @Option(
      names = "--prune-orphans",
      defaultValue = "${env:PRUNE_ORPHANS:-false}",
      description =
          "Delete this cluster's Wavefront alerts that no WavefrontAlert owns, --orphan-grace after"
              + " the resync first found them.")
  boolean pruneOrphans;

  @Option(
      names = "--orphan-grace",
      defaultValue = "${env:ORPHAN_GRACE:-1h}",
      description = "How long an orphaned alert is reported before --prune-orphans deletes it.")
  String orphanGrace;

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
      names = "--lease-duration",
      defaultValue = "15s",
      description =
          "How long a Lease holds without renewal; the leader renews it every fifth of that and"
              + " stops leading after two thirds without a renewal.")
  String leaseDuration;

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

  /** The environment the flags' {@code ${env:...}} defaults and {@code POD_NAME} are read from. */
  private Map<String, String> env = System.getenv();

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the controller as {@code main} does, with the flags' environment variables read from
   * {@code env} (for a name {@code env} lacks, picocli reads the process's own), and returns the
   * exit code. A configuration error (a flag missing or wrong, a file missing or unreadable) is one
   * line on {@code err} each, {@code alertforge-controller: <what and how to fix it>}, and exit
   * code 2, with no stack trace.
   */
  static int run(String[] args, Map<String, String> env, PrintWriter err) {
    Main main = new Main();
    main.env = env;
    return new CommandLine(main)
        .setErr(err)
        .setDefaultValueProvider(arg -> fromEnvironment(arg, env))
        .setParameterExceptionHandler((e, a) -> parseError(e, err))
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof StartupChecks.Failed failed) {
                failed.problems().forEach(p -> printError(err, p));
                return 2;
              }
              if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                printError(err, e.getMessage()); // from building the parts, e.g. a token source
                return 2;
              }
              throw e;
            })
        .execute(args);
  }

  private static int parseError(CommandLine.ParameterException e, PrintWriter err) {
    if (e instanceof CommandLine.MissingParameterException missing) {
      for (ArgSpec arg : missing.getMissing()) {
        printError(err, (arg instanceof OptionSpec o ? required(o) : e.getMessage()) + HELP);
      }
    } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      printError(
          err,
          e.getMessage() + " (did you mean " + unmatched.getSuggestions().get(0) + "?)" + HELP);
    } else {
      printError(err, e.getMessage() + HELP);
    }
    return 2;
  }

  private static final String HELP = "; --help shows all flags";

  /** One line, whatever the message holds: a value from a flag or a file cannot break it. */
  private static void printError(PrintWriter err, String message) {
    err.println("alertforge-controller: " + LogEscaping.text(message));
    err.flush();
  }

  /** {@code --cluster-name is required (or the environment variable CLUSTER_NAME)}. */
  private static String required(OptionSpec option) {
    Matcher env = environmentDefault(option);
    return option.longestName()
        + " is required"
        + (env == null ? "" : " (or the environment variable " + env.group(1) + ")");
  }

  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)(?::-(.*))?}");

  /** A flag's {@code ${env:NAME}} or {@code ${env:NAME:-default}} default, parsed; or null. */
  private static Matcher environmentDefault(ArgSpec arg) {
    Option option = arg.userObject() instanceof Field f ? f.getAnnotation(Option.class) : null;
    Matcher m = option == null ? null : ENV_DEFAULT.matcher(option.defaultValue());
    return m != null && m.matches() ? m : null;
  }

  /** A flag's default from {@code env}; null leaves it to picocli (a literal default, or none). */
  private static String fromEnvironment(ArgSpec arg, Map<String, String> env) {
    Matcher m = environmentDefault(arg);
    if (m == null) {
      return null;
    }
    String value = env.get(m.group(1));
    return value != null ? value : m.group(2);
  }

  @Override
  public Integer call() throws Exception {
    // Every flag and file first, before anything starts, so that one run names every problem.
    StartupChecks checks = new StartupChecks();
    Path token = checks.file("--wavefront-token-file", tokenFile);
    checks.file("--git-username-file", gitUsernameFile);
    checks.file("--git-password-file", gitPasswordFile);
    checks.file("--git-ssh-key-file", gitSshKeyFile);
    checks.file("--git-ssh-key-passphrase-file", gitSshKeyPassphraseFile);
    checks.file("--git-known-hosts-file", gitKnownHostsFile);
    checks.file("--git-webhook-secret-file", gitWebhookSecretFile);
    checks.file("--admission-cert-file", admissionCert);
    checks.file("--admission-key-file", admissionKey);
    boolean keikoproj = keikoprojConfigMap != null && !keikoprojConfigMap.isBlank();
    String[] keikoprojRef =
        keikoproj
            ? checks.value(null, () -> namespacedName("--keikoproj-configmap", keikoprojConfigMap))
            : null;
    boolean hasUrl = url != null && !url.isBlank();
    if (!keikoproj && !hasUrl) {
      checks.add(
          required(spec.findOption("--wavefront-url")) + ", or --keikoproj-configmap" + HELP);
    }
    if (!keikoproj && tokenFile == null) {
      checks.add(
          required(spec.findOption("--wavefront-token-file"))
              + ", or --keikoproj-configmap"
              + HELP);
    }
    URI flagUrl = hasUrl ? checks.value("--wavefront-url", () -> URI.create(url.strip())) : null;
    TokenSource fileTokens =
        token == null ? null : checks.value(null, () -> new FileTokenSource(token));
    checks.value("--cluster-name", () -> new OwnershipTag(clusterName));
    Duration resyncPeriod = checks.value(null, () -> duration("--resync-period", resync));
    Duration timeout = checks.value(null, () -> duration("--request-timeout", requestTimeout));
    Duration authRetryAfter = checks.value(null, () -> duration("--auth-retry", authRetry));
    Duration reconcileDeadline =
        checks.value(null, () -> duration("--reconcile-timeout", reconcileTimeout));
    Duration orphanGraceAfter = checks.value(null, () -> duration("--orphan-grace", orphanGrace));
    Duration lease = checks.value(null, () -> duration("--lease-duration", leaseDuration));
    DriftMode driftMode = checks.value("--drift", () -> DriftMode.parse(drift));
    checks.require(rateLimit > 0, "--rate-limit must be more than 0, got " + rateLimit);
    checks.require(
        maxConcurrency > 0, "--max-concurrency must be at least 1, got " + maxConcurrency);
    checks.require(threads > 0, "--reconcile-threads must be at least 1, got " + threads);
    checks.require(
        !leaderElect || (leaseNamespace != null && !leaseNamespace.isBlank()),
        "--leader-elect needs --leader-election-namespace (or $POD_NAMESPACE)");
    checks.require(
        (admissionCert == null) == (admissionKey == null),
        "--admission-cert-file and --admission-key-file enable the webhook together: give both");
    String[] policy =
        admissionPolicy == null || admissionPolicy.isBlank()
            ? new String[] {null, null}
            : checks.value(
                null, () -> namespacedName("--admission-policy-configmap", admissionPolicy));
    GitSourceSettings gs = checks.value(null, this::gitSettings);
    checks.throwIfAny();

    Set<String> watched = new LinkedHashSet<>();
    if (namespaces != null) {
      namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(watched::add);
    }
    String podName = env.get("POD_NAME");
    AlertController.Settings.Builder builder =
        AlertController.Settings.builder(clusterName)
            .namespaces(watched)
            .resyncPeriod(resyncPeriod)
            .driftMode(driftMode)
            .authRetry(authRetryAfter)
            .reconcileThreads(threads)
            .adoptUntagged(adoptUntagged)
            .pruneOrphans(pruneOrphans, orphanGraceAfter)
            .reconcileTimeout(reconcileDeadline)
            .pod(podName, env.get("POD_NAMESPACE"));
    if (podName != null && !podName.isBlank()) {
      builder.identity(podName);
    }
    if (leaderElect) {
      builder.leaderElection(leaseName, leaseNamespace, lease);
    }
    AlertController.Settings settings = builder.build();
    KubernetesClient kubernetes = new KubernetesClientBuilder().build();
    URI base = flagUrl;
    TokenSource tokens = fileTokens;
    AlertController controller;
    try {
      if (keikoproj) {
        KeikoprojConfig k = KeikoprojConfig.read(kubernetes, keikoprojRef[0], keikoprojRef[1]);
        base = base != null ? base : k.url();
        tokens =
            tokens != null ? tokens : secretTokens(kubernetes, keikoprojRef[0], k.tokenSecret());
      }
      WavefrontClient.Options options =
          WavefrontClient.Options.builder(base)
              .allowInsecure(allowInsecure)
              .rateLimit(rateLimit, maxConcurrency)
              .timeouts(Duration.ofSeconds(10), timeout)
              .authProbeInterval(authRetryAfter)
              .build();
      controller = new AlertController(kubernetes, options, tokens, settings);
    } catch (RuntimeException e) {
      kubernetes.close();
      throw e;
    }
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
    GitSync git = null;
    if (gs != null) {
      git =
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
      PolicySource configMap =
          policy[0] == null ? null : new ConfigMapPolicy(kubernetes, policy[0], policy[1]);
      // with a Git source, the applied commit's alertforge.yaml; the ConfigMap (or a denial) only
      // until this replica has applied one
      PolicySource source =
          git != null
              ? new GitPolicy(git, configMap != null ? configMap : GitPolicy.NOTHING_APPLIED)
              : configMap != null ? configMap : PolicySource.DEFAULTS;
      AdmissionServer admission =
          new AdmissionServer(
              new InetSocketAddress(admissionPort),
              admissionCert,
              admissionKey,
              new AdmissionReviewer(kubernetes, new AlertCompiler(), controllerUser, source));
      running.push(admission);
      LOG.info("admission webhook on :{}{}", admissionPort, AdmissionServer.PATH);
    }
    LOG.info(
        "alertforge-controller started: cluster {}, Wavefront {}, namespaces {}, drift {}, resync {}",
        clusterName,
        base.getHost() != null ? base.getHost() : base.getPath(), // a bare host has no scheme
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
        duration("--git-interval", gitInterval),
        gitCacheDir,
        gitUsernameFile,
        gitPasswordFile,
        gitSshKeyFile,
        gitSshKeyPassphraseFile,
        gitKnownHostsFile,
        allowInsecureGit,
        gitMaxPruneRatio,
        duration("--git-prune-window", gitPruneWindow),
        gitAllowMassPrune,
        gitStatusNamespace,
        GitSourceSettings.DEFAULT_STATUS_NAME);
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  /**
   * {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}); more than
   * zero. {@code flag} names the flag in the message of a bad value.
   */
  static Duration duration(String flag, String s) {
    Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
    } else {
      try {
        d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          flag
              + " must be a duration of more than 0 such as 30s, 10m, 1h (or ISO-8601: PT10M), got '"
              + s
              + "'");
    }
    return d;
  }

  /** {@code NAMESPACE/NAME}, as {@code flag} gives it. */
  static String[] namespacedName(String flag, String ref) {
    String[] parts = ref.strip().split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(flag + " must be NAMESPACE/NAME, got '" + ref + "'");
    }
    return parts;
  }

  /** keikoproj's token Secret, read now (once, to fail at start) and every 30 s after. */
  private static TokenSource secretTokens(KubernetesClient client, String namespace, String name) {
    try {
      return new SecretTokenSource(client, namespace, name, Duration.ofSeconds(30));
    } catch (KubernetesClientException e) {
      throw cannotRead("the token Secret", namespace, name, e);
    }
  }

  /** One of keikoproj's objects could not be read: which, and the API error in a few words. */
  private static IllegalStateException cannotRead(
      String what, String namespace, String name, KubernetesClientException e) {
    return new IllegalStateException(
        "--keikoproj-configmap: cannot read "
            + what
            + " "
            + namespace
            + "/"
            + name
            + ": "
            + apiError(e)
            + " (the component keikoproj-mode grants get on it)");
  }

  /** An API error in a few words: the HTTP code and the server's reason, not the whole request. */
  private static String apiError(KubernetesClientException e) {
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getClass().getSimpleName();
    return e.getCode() > 0 ? "HTTP " + e.getCode() + ", " + reason : reason;
  }

  /** keikoproj's ConfigMap keys (alert-manager's internal/config). */
  public record KeikoprojConfig(URI url, String tokenSecret) {
    static final String URL_KEY = "wavefront.api.url";
    static final String SECRET_KEY = "wavefront.api.token.secret.name";

    /** The ConfigMap {@code namespace/name}, read once at start. */
    public static KeikoprojConfig read(KubernetesClient client, String namespace, String name) {
      ConfigMap cm;
      try {
        cm = client.configMaps().inNamespace(namespace).withName(name).get();
      } catch (KubernetesClientException e) {
        throw cannotRead("the ConfigMap", namespace, name, e);
      }
      if (cm == null) {
        throw new IllegalStateException(
            "--keikoproj-configmap: the ConfigMap " + namespace + "/" + name + " does not exist");
      }
      return from(cm.getData() == null ? Map.of() : cm.getData());
    }

    static KeikoprojConfig from(Map<String, String> data) {
      String url = data.get(URL_KEY);
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException(
            "--keikoproj-configmap: the ConfigMap has no " + URL_KEY + " (the Wavefront URL)");
      }
      url = url.trim();
      URI uri = URI.create(url.contains("://") ? url : "https://" + url); // a bare host: https
      String secret = data.getOrDefault(SECRET_KEY, "wavefront-api-token").trim();
      return new KeikoprojConfig(uri, secret.isEmpty() ? "wavefront-api-token" : secret);
    }
  }
}
