package io.alertforge.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void durationsReadAsWritten() {
    assertThat(Main.duration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Main.duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Main.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Main.duration("PT1H")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void keikoprojsConfigMapKeysAreRead() {
    var bare = Main.KeikoprojConfig.from(Map.of("wavefront.api.url", "try.wavefront.com"));
    assertThat(bare.url()).hasToString("https://try.wavefront.com");
    assertThat(bare.tokenSecret()).isEqualTo("wavefront-api-token");
    var full =
        Main.KeikoprojConfig.from(
            Map.of(
                "wavefront.api.url", "https://x.wavefront.com",
                "wavefront.api.token.secret.name", "wf-token"));
    assertThat(full.url()).hasToString("https://x.wavefront.com");
    assertThat(full.tokenSecret()).isEqualTo("wf-token");
    assertThatThrownBy(() -> Main.KeikoprojConfig.from(Map.of()))
        .hasMessageContaining("wavefront.api.url");
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
            .gitSettings();
    assertThat(ssh.ssh()).isTrue();
    assertThat(ssh.sshKeyFile()).isEqualTo(Path.of("/secrets/git/identity"));
    assertThat(ssh.sshKeyPassphraseFile()).isEqualTo(Path.of("/secrets/git/passphrase"));
    assertThat(ssh.knownHostsFile()).isEqualTo(Path.of("/secrets/git/known_hosts"));

    assertThat(parse("--cluster-name=c").gitSettings()).isNull();
    assertThatThrownBy(
            () ->
                parse("--cluster-name=c", "--git-url=git@github.com:org/alerts.git").gitSettings())
        .hasMessageContaining("write ssh://git@github.com/org/alerts.git");
    assertThatThrownBy(
            () ->
                parse("--cluster-name=c", "--git-url=ssh://git@github.com/org/alerts.git")
                    .gitSettings())
        .hasMessageContaining("--git-ssh-key-file is required");
  }

  @Test
  void plainHttpGitNeedsTheInsecureFlag() {
    assertThatThrownBy(
            () -> parse("--cluster-name=c", "--git-url=http://git.example.com/a.git").gitSettings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--allow-insecure-git");
    var insecure =
        parse("--cluster-name=c", "--git-url=http://git.example.com/a.git", "--allow-insecure-git")
            .gitSettings();
    assertThat(insecure.allowInsecureGit()).isTrue();
    assertThat(parse("--cluster-name=c", "--git-url=https://example.com/a.git").gitSettings())
        .satisfies(s -> assertThat(s.allowInsecureGit()).isFalse());
  }

  @Test
  void thePruneWindowReachesTheSettingsAndAWrongOneIsOneLine() {
    String url = "--git-url=https://example.com/a.git";
    assertThat(parse("--cluster-name=c", url).gitSettings().pruneWindow())
        .isEqualTo(Duration.ofHours(24));
    assertThat(parse("--cluster-name=c", url, "--git-prune-window=2h").gitSettings().pruneWindow())
        .isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> parse("--cluster-name=c", url, "--git-prune-window=0s").gitSettings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--git-prune-window must be positive");
    // Main prints an IllegalArgumentException as one line, with no stack trace
    assertThatThrownBy(() -> parse("--cluster-name=c", url, "--git-prune-window=1d").gitSettings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a duration: '1d'")
        .hasMessageContaining("30s, 10m, 1h");
  }
}
