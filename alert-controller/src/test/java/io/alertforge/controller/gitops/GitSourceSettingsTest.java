package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitSourceSettingsTest {
  static final Path KEY = Path.of("/var/run/secrets/git/identity");
  static final Path KNOWN_HOSTS = Path.of("/var/run/secrets/git/known_hosts");

  static GitSourceSettings of(String url, String branch, String path) {
    return GitSourceSettings.builder(URI.create(url), branch, Path.of("cache"), "ns")
        .path(path)
        .build();
  }

  static GitSourceSettings ssh(String url, Path key, Path knownHosts) {
    return GitSourceSettings.builder(URI.create(url), "main", Path.of("cache"), "ns")
        .ssh(key, null, knownHosts)
        .build();
  }

  @Test
  void refusesWhatItCannotDoSafely() {
    assertThatThrownBy(() -> of("ftp://example.com/a.git", "main", ""))
        .hasMessageContaining("--git-url must be https://, ssh:// or file://")
        .hasMessageContaining("http:// with --allow-insecure-git");
    assertThatThrownBy(() -> of("https://user:secret@example.com/a.git", "main", ""))
        .hasMessageContaining("must not carry a password")
        .hasMessageNotContaining("secret@");
    assertThatThrownBy(() -> ssh("ssh://git:secret@example.com/a.git", KEY, KNOWN_HOSTS))
        .hasMessageContaining("must not carry a password")
        .hasMessageContaining("--git-ssh-key-file")
        .hasMessageNotContaining("secret");
    // GitHub takes a token as the user name: it would be printed wherever the URL goes
    assertThatThrownBy(() -> of("https://ghp_s3cr3tT0ken@github.com/org/a.git", "main", ""))
        .hasMessageContaining("must not carry a user name or token")
        .hasMessageContaining("--git-password-file")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> GitSourceSettings.parseUrl("https://user:s3cr3t@exa mple.com/a.git"))
        .hasMessageContaining("--git-url is not a URL")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> of("https://example.com/a.git", "refs/heads/main", ""))
        .hasMessageContaining("a branch name");
    assertThatThrownBy(() -> of("https://example.com/a.git", "main", "alerts/../.."))
        .hasMessageContaining("inside the repository");
  }

  @Test
  void plainHttpIsRefusedWithTheFlagThatAllowsIt() {
    for (String url : List.of("http://git.example.com/a.git", "HTTP://git.example.com/a.git")) {
      assertThatThrownBy(() -> of(url, "main", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain HTTP")
          .hasMessageContaining("in clear")
          .hasMessageContaining("--allow-insecure-git")
          .hasMessageNotContaining("\n");
    }
    // the password check comes first: a refused URL is never printed with its password
    assertThatThrownBy(() -> of("http://user:secret@git.example.com/a.git", "main", ""))
        .hasMessageContaining("must not carry a password")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> of("ftp://user:secret@example.com/a.git", "main", ""))
        .hasMessageNotContaining("secret");
    for (String url :
        List.of("https://example.com/a.git", "file:///srv/git/a.git", "FILE:///srv/git/a.git")) {
      assertThat(of(url, "main", "").allowInsecureGit()).isFalse();
    }
  }

  @Test
  void sshNeedsTheUserAKeyAndTheKnownHosts() {
    assertThatThrownBy(() -> ssh("ssh://git@example.com/a.git", null, KNOWN_HOSTS))
        .hasMessageContaining("--git-ssh-key-file is required");
    assertThatThrownBy(() -> ssh("ssh://git@example.com/a.git", KEY, null))
        .hasMessageContaining("--git-known-hosts-file is required")
        .hasMessageContaining("ssh-keyscan");
    assertThatThrownBy(() -> ssh("ssh://example.com/a.git", KEY, KNOWN_HOSTS))
        .hasMessageContaining("must name the SSH user")
        .hasMessageContaining("ssh://git@github.com/org/repo.git");
    assertThatThrownBy(
            () ->
                ssh("ssh://git@example.com/a.git", KEY, KNOWN_HOSTS).toBuilder()
                    .credentials(null, Path.of("token"))
                    .build())
        .hasMessageContaining("--git-password-file are for HTTPS");
    assertThatThrownBy(
            () ->
                ssh("ssh://git@example.com/a.git", KEY, KNOWN_HOSTS).toBuilder()
                    .credentials(Path.of("user"), null)
                    .build())
        .hasMessageContaining("--git-username-file and --git-password-file are for HTTPS");

    GitSourceSettings s = ssh("ssh://git@example.com:2222/org/a.git", KEY, KNOWN_HOSTS);
    assertThat(s.ssh()).isTrue();
    assertThat(s.url().getPort()).isEqualTo(2222);
    assertThat(s.sshKeyFile()).isEqualTo(KEY);
    assertThat(s.knownHostsFile()).isEqualTo(KNOWN_HOSTS);
    assertThat(s.toBuilder().allowMassPrune(true).build().sshKeyFile()).isEqualTo(KEY);
  }

  @Test
  void sshFlagsWithAnotherSchemeAreRefused() {
    assertThatThrownBy(() -> ssh("https://example.com/a.git", KEY, KNOWN_HOSTS))
        .hasMessageContaining("--git-ssh-key-file")
        .hasMessageContaining("need an ssh:// --git-url")
        .hasMessageContaining("--git-password-file");
    assertThatThrownBy(() -> ssh("https://example.com/a.git", null, KNOWN_HOSTS))
        .hasMessageContaining("--git-known-hosts-file");
    assertThat(of("https://example.com/a.git", "main", "").ssh()).isFalse();
  }

  @Test
  void theScpLikeFormIsRefusedWithTheUrlToWrite() {
    assertThatThrownBy(() -> GitSourceSettings.parseUrl("git@github.com:org/repo.git"))
        .hasMessageContaining("scp-like")
        .hasMessageContaining("write ssh://git@github.com/org/repo.git")
        .hasMessageContaining("ssh://git@github.com/~/org/repo.git if the path is relative");
    assertThatThrownBy(() -> GitSourceSettings.parseUrl("gitlab.example.com:team/alerts.git"))
        .hasMessageContaining("write ssh://git@gitlab.example.com/team/alerts.git");
    assertThatThrownBy(() -> GitSourceSettings.parseUrl("https://example.com/a b.git"))
        .hasMessageContaining("--git-url is not a URL");
    assertThat(GitSourceSettings.parseUrl(" ssh://git@example.com:2222/a.git "))
        .isEqualTo(URI.create("ssh://git@example.com:2222/a.git"));
    assertThat(GitSourceSettings.parseUrl("https://example.com/a.git"))
        .isEqualTo(URI.create("https://example.com/a.git"));
    assertThat(GitSourceSettings.parseUrl("file:///srv/git/alerts.git"))
        .isEqualTo(URI.create("file:///srv/git/alerts.git"));
  }

  @Test
  void defaultsAndNormalisesThePath() {
    GitSourceSettings s = of("https://example.com/a.git", "main", "/alerts/");
    assertThat(s.path()).isEqualTo("alerts");
    assertThat(s.maxPruneRatio()).isEqualTo(0.5);
    assertThat(s.pruneWindow()).hasHours(24);
    assertThat(s.interval()).hasMinutes(1);
    assertThat(s.statusName()).isEqualTo("alertforge-git-status");
  }

  @Test
  void theBuilderSetsEachSettingByNameAndCopiesThemAll() {
    GitSourceSettings s =
        GitSourceSettings.builder(
                URI.create("http://git.example.com/a.git"), "release", Path.of("cache"), "team-ns")
            .path("alerts")
            .interval(Duration.ofSeconds(30))
            .credentials(Path.of("user"), Path.of("token"))
            .allowInsecureGit(true)
            .pruneGuard(0.25, Duration.ofHours(2))
            .allowMassPrune(true)
            .build();
    assertThat(s.url()).isEqualTo(URI.create("http://git.example.com/a.git"));
    assertThat(s.branch()).isEqualTo("release");
    assertThat(s.cacheDir()).isEqualTo(Path.of("cache"));
    assertThat(s.statusNamespace()).isEqualTo("team-ns");
    assertThat(s.path()).isEqualTo("alerts");
    assertThat(s.interval()).hasSeconds(30);
    assertThat(s.usernameFile()).isEqualTo(Path.of("user"));
    assertThat(s.passwordFile()).isEqualTo(Path.of("token"));
    assertThat(s.allowInsecureGit()).isTrue();
    assertThat(s.maxPruneRatio()).isEqualTo(0.25);
    assertThat(s.pruneWindow()).hasHours(2);
    assertThat(s.allowMassPrune()).isTrue();
    assertThat(s.toBuilder().build()).isEqualTo(s);

    GitSourceSettings key = ssh("ssh://git@example.com/a.git", KEY, KNOWN_HOSTS);
    assertThat(key.sshKeyPassphraseFile()).isNull();
    assertThat(key.toBuilder().build()).isEqualTo(key);
    assertThat(key.usernameFile()).isNull();
    assertThat(key.passwordFile()).isNull();
    assertThat(key.allowMassPrune()).isFalse();
  }
}
