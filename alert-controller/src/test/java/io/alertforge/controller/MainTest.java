package io.alertforge.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertforge.controller.reconcile.DriftMode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@EnableKubernetesMockClient(crud = true)
@Timeout(60) // a start that passed every check would run the controller: never hang on it
class MainTest {
  static KubernetesClient client;
  @TempDir Path tmp;

  @Test
  void durationsReadAsWritten() {
    assertThat(FlagValues.duration("--f", "10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(FlagValues.duration("--f", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(FlagValues.duration("--f", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(FlagValues.duration("--f", "PT1H")).isEqualTo(Duration.ofHours(1));
    for (String bad : List.of("10x", "0s", "-PT1S", "", "99999999999s")) {
      assertThatThrownBy(() -> FlagValues.duration("--f", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "--f must be a duration of more than 0 such as 30s, 10m, 1h (or ISO-8601: PT10M),"
                  + " got '"
                  + bad
                  + "'");
    }
  }

  @Test
  void keikoprojsConfigMapKeysAreRead() {
    var bare = KeikoprojConfig.from(Map.of("wavefront.api.url", "try.wavefront.com"));
    assertThat(bare.url()).hasToString("https://try.wavefront.com");
    assertThat(bare.tokenSecret()).isEqualTo("wavefront-api-token");
    var full =
        KeikoprojConfig.from(
            Map.of(
                "wavefront.api.url", "https://x.wavefront.com",
                "wavefront.api.token.secret.name", "wf-token"));
    assertThat(full.url()).hasToString("https://x.wavefront.com");
    assertThat(full.tokenSecret()).isEqualTo("wf-token");
    assertThatThrownBy(() -> KeikoprojConfig.from(Map.of()))
        .hasMessageContaining("wavefront.api.url");
    assertThatThrownBy(() -> KeikoprojConfig.read(client, "alert-manager-system", "absent"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "--keikoproj-configmap: the ConfigMap alert-manager-system/absent does not exist");
  }

  static Main parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void theGitSshFlagsReachTheSettings() {
    var ssh =
        parse(
                "--cluster-name=c",
                "--git-url=ssh://git@github.com/org/alerts.git",
                "--git-ssh-key-file=/secrets/git/identity",
                "--git-ssh-key-passphrase-file=/secrets/git/passphrase",
                "--git-known-hosts-file=/secrets/git/known_hosts")
            .git
            .settings();
    assertThat(ssh.ssh()).isTrue();
    assertThat(ssh.sshKeyFile()).isEqualTo(Path.of("/secrets/git/identity"));
    assertThat(ssh.sshKeyPassphraseFile()).isEqualTo(Path.of("/secrets/git/passphrase"));
    assertThat(ssh.knownHostsFile()).isEqualTo(Path.of("/secrets/git/known_hosts"));

    assertThat(parse("--cluster-name=c").git.settings()).isNull();
    assertThatThrownBy(
            () ->
                parse("--cluster-name=c", "--git-url=git@github.com:org/alerts.git").git.settings())
        .hasMessageContaining("write ssh://git@github.com/org/alerts.git");
    assertThatThrownBy(
            () ->
                parse("--cluster-name=c", "--git-url=ssh://git@github.com/org/alerts.git")
                    .git
                    .settings())
        .hasMessageContaining("--git-ssh-key-file is required");
  }

  /** What a start printed on stderr, line by line, and its exit code. */
  record Start(int exitCode, List<String> errors) {}

  Start start(Map<String, String> env, String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, env, new PrintWriter(err));
    return new Start(code, err.toString().lines().toList());
  }

  /** Flags that are fine, so that each test breaks one thing. */
  List<String> good(String... more) throws Exception {
    Path token = tmp.resolve("token");
    Files.writeString(token, "a-wavefront-token\n");
    List<String> args = new ArrayList<>(List.of("--wavefront-url=https://x.wavefront.com"));
    args.add("--wavefront-token-file=" + token);
    args.addAll(List.of(more));
    return args;
  }

  static void assertConfigurationErrors(Start start, String... lines) {
    assertThat(start.exitCode()).as("exit code").isEqualTo(2);
    assertThat(start.errors())
        .as("one line for each error, no stack trace")
        .containsExactly(
            Stream.of(lines).map(l -> "alertforge-controller: " + l).toArray(String[]::new));
  }

  @Test
  void aMissingRequiredFlagNamesItsEnvironmentVariable() throws Exception {
    assertConfigurationErrors(
        start(Map.of(), good().toArray(String[]::new)),
        "--cluster-name is required (or the environment variable CLUSTER_NAME); --help shows all"
            + " flags");
    assertConfigurationErrors(
        start(Map.of(), "--cluster-name=c"),
        "--wavefront-url is required (or the environment variable WAVEFRONT_URL), or"
            + " --keikoproj-configmap; --help shows all flags",
        "--wavefront-token-file is required (or the environment variable WAVEFRONT_TOKEN_FILE),"
            + " or --keikoproj-configmap; --help shows all flags");
  }

  @Test
  void theEnvironmentGivesTheFlags() throws Exception {
    Path token = tmp.resolve("token");
    Files.writeString(token, "a-wavefront-token");
    Map<String, String> env =
        Map.of(
            "CLUSTER_NAME", "c",
            "WAVEFRONT_URL", "https://x.wavefront.com",
            "WAVEFRONT_TOKEN_FILE", token.toString(),
            "RESYNC_PERIOD", "soon");
    assertConfigurationErrors(
        start(env),
        "--resync-period must be a duration of more than 0 such as 30s, 10m, 1h (or ISO-8601:"
            + " PT10M), got 'soon'");
  }

  @Test
  void aMissingTokenFileIsOneLine() throws Exception {
    Path missing = tmp.resolve("secrets/wavefront-api-token");
    assertConfigurationErrors(
        start(
            Map.of(),
            "--cluster-name=c",
            "--wavefront-url=https://x.wavefront.com",
            "--wavefront-token-file=" + missing),
        "--wavefront-token-file "
            + missing
            + " does not exist: is the Secret mounted there, with that key?");
  }

  @Test
  void aDirectoryForAFileIsOneLine() throws Exception {
    // the mount point instead of the file in it; a file without read permission cannot be made
    // unreadable for root, who runs these tests, so the directory stands for an unreadable file
    Path secret = Files.createDirectories(tmp.resolve("secrets/git"));
    assertConfigurationErrors(
        start(
            Map.of(),
            good(
                    "--cluster-name=c",
                    "--git-url=https://github.com/example/alerts.git",
                    "--git-password-file=" + secret)
                .toArray(String[]::new)),
        "--git-password-file "
            + secret
            + " is a directory: give the file in it (the Secret's key), e.g. "
            + secret
            + "/<key>");
  }

  @Test
  void aBadDurationIsOneLine() throws Exception {
    assertConfigurationErrors(
        start(Map.of(), good("--cluster-name=c", "--resync-period=10x").toArray(String[]::new)),
        "--resync-period must be a duration of more than 0 such as 30s, 10m, 1h (or ISO-8601:"
            + " PT10M), got '10x'");
  }

  @Test
  void aBadGitUrlIsOneLineEvenWithANewlineInIt() throws Exception {
    assertConfigurationErrors(
        start(
            Map.of(),
            good("--cluster-name=c", "--git-url=ftp://git.example.com/alerts.git")
                .toArray(String[]::new)),
        "--git-url must be https://, ssh:// or file:// (http:// with --allow-insecure-git):"
            + " ftp://git.example.com/alerts.git");
    Start forged =
        start(
            Map.of(),
            good(
                    "--cluster-name=c",
                    "--git-url=https://git.example.com/a\nalertforge-controller: x")
                .toArray(String[]::new));
    assertThat(forged.exitCode()).isEqualTo(2);
    assertThat(forged.errors())
        .singleElement()
        .asString()
        .isEqualTo(
            "alertforge-controller: --git-url is not a URL: Illegal character in path at character"
                + " 26");
  }

  @Test
  void everyProblemIsNamedInOneRun() throws Exception {
    assertConfigurationErrors(
        start(
            Map.of(),
            "--cluster-name=c",
            "--wavefront-url=https://x.wavefront.com",
            "--wavefront-token-file=" + tmp.resolve("none"),
            "--drift=fix",
            "--max-concurrency=0",
            "--git-url=ftp://git.example.com/alerts.git"),
        "--wavefront-token-file "
            + tmp.resolve("none")
            + " does not exist: is the Secret mounted"
            + " there, with that key?",
        "--drift: must be correct or detect, got 'fix'",
        "--max-concurrency must be at least 1, got 0",
        "--git-url must be https://, ssh:// or file:// (http:// with --allow-insecure-git):"
            + " ftp://git.example.com/alerts.git");
  }

  @Test
  void theTokenSourcesRefusalIsOneLineAndNoTokenIsPrinted() throws Exception {
    Path empty = tmp.resolve("empty-token");
    Files.writeString(empty, " \n");
    assertConfigurationErrors(
        start(
            Map.of(),
            "--cluster-name=c",
            "--wavefront-url=https://x.wavefront.com",
            "--wavefront-token-file=" + empty),
        "the Wavefront token file " + empty + " is empty");
    Start other =
        start(Map.of(), good("--cluster-name=c", "--auth-retry=never").toArray(String[]::new));
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(String.join("\n", other.errors())).doesNotContain("a-wavefront-token");
  }

  @Test
  void anUnknownFlagIsOneLineWithTheFlagMeant() throws Exception {
    assertConfigurationErrors(
        start(Map.of(), good("--cluster-name=c", "--resynk-period=1m").toArray(String[]::new)),
        "Unknown option: '--resynk-period=1m' (did you mean --resync-period?); --help shows all"
            + " flags");
  }

  @Test
  void plainHttpGitNeedsTheInsecureFlag() {
    assertThatThrownBy(
            () ->
                parse("--cluster-name=c", "--git-url=http://git.example.com/a.git").git.settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--allow-insecure-git");
    var insecure =
        parse("--cluster-name=c", "--git-url=http://git.example.com/a.git", "--allow-insecure-git")
            .git
            .settings();
    assertThat(insecure.allowInsecureGit()).isTrue();
    assertThat(parse("--cluster-name=c", "--git-url=https://example.com/a.git").git.settings())
        .satisfies(s -> assertThat(s.allowInsecureGit()).isFalse());
  }

  @Test
  void thePruneWindowReachesTheSettingsAndAWrongOneIsOneLine() {
    String url = "--git-url=https://example.com/a.git";
    assertThat(parse("--cluster-name=c", url).git.settings().pruneWindow())
        .isEqualTo(Duration.ofHours(24));
    assertThat(parse("--cluster-name=c", url, "--git-prune-window=2h").git.settings().pruneWindow())
        .isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> parse("--cluster-name=c", url, "--git-prune-window=0s").git.settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--git-prune-window must be a duration of more than 0");
    // Main prints an IllegalArgumentException as one line, with no stack trace
    assertThatThrownBy(() -> parse("--cluster-name=c", url, "--git-prune-window=1d").git.settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got '1d'")
        .hasMessageContaining("30s, 10m, 1h");
  }

  @Test
  void eachConcernsFlagsReachTheSettingsOfItsPart() throws Exception {
    Configuration c =
        parse(
                good(
                        "--cluster-name=c",
                        "--namespaces=team-b,team-a",
                        "--resync-period=30s",
                        "--drift=detect",
                        "--auth-retry=2m",
                        "--reconcile-threads=2",
                        "--leader-elect",
                        "--leader-election-namespace=ops",
                        "--lease-duration=6s",
                        "--metrics-port=9999",
                        "--git-url=https://example.com/a.git",
                        "--git-interval=2m")
                    .toArray(String[]::new))
            .check();
    AlertController.Settings s = c.controller();
    assertThat(s.clusterName()).isEqualTo("c");
    assertThat(s.namespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(c.asGiven().namespaces()).containsExactly("team-b", "team-a");
    assertThat(c.asGiven().drift()).isEqualTo("detect");
    assertThat(c.asGiven().resync()).isEqualTo("30s");
    assertThat(s.resyncPeriod()).hasSeconds(30);
    assertThat(s.driftMode()).isEqualTo(DriftMode.DETECT);
    assertThat(s.authRetry()).hasMinutes(2);
    assertThat(c.wavefront().authRetry()).hasMinutes(2);
    assertThat(c.wavefront().url()).hasToString("https://x.wavefront.com");
    assertThat(s.reconcileThreads()).isEqualTo(2);
    assertThat(s.leaderElection()).isTrue();
    assertThat(s.leaseNamespace()).isEqualTo("ops");
    assertThat(s.leaseDuration()).hasSeconds(6);
    assertThat(c.metricsPort()).isEqualTo(9999);
    assertThat(c.git().settings().interval()).hasMinutes(2);
    assertThat(c.git().interval()).isEqualTo("2m");
    assertThat(c.git().webhookSecretFile()).isNull();
    assertThat(c.admission()).isNull();
  }
}
