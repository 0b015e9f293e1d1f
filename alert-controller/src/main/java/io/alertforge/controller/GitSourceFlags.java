package io.alertforge.controller;

import static io.alertforge.controller.FlagValues.duration;

import io.alertforge.controller.gitops.GitSourceSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags of the Git source: the repository, its credentials, the prune guard, the webhook. */
final class GitSourceFlags {
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

  /** A Git source to run: its settings, its interval as given, and the push webhook's. */
  record GitSource(
      GitSourceSettings settings, String interval, Path webhookSecretFile, int webhookPort) {}

  void checkFiles(StartupChecks checks) {
    checks.file("--git-username-file", gitUsernameFile);
    checks.file("--git-password-file", gitPasswordFile);
    checks.file("--git-ssh-key-file", gitSshKeyFile);
    checks.file("--git-ssh-key-passphrase-file", gitSshKeyPassphraseFile);
    checks.file("--git-known-hosts-file", gitKnownHostsFile);
    checks.file("--git-webhook-secret-file", gitWebhookSecretFile);
  }

  /** The Git source the flags give, null without {@code --git-url}; a problem is recorded. */
  GitSource check(StartupChecks checks) {
    GitSourceSettings settings = checks.value(null, this::settings);
    return settings == null
        ? null
        : new GitSource(settings, gitInterval, gitWebhookSecretFile, gitWebhookPort);
  }

  /**
   * The Git source's settings from the flags; null without {@code --git-url}.
   *
   * @throws IllegalArgumentException naming the flag to fix
   */
  GitSourceSettings settings() {
    if (gitUrl == null || gitUrl.isBlank()) {
      return null;
    }
    return GitSourceSettings.builder(
            GitSourceSettings.parseUrl(gitUrl), gitBranch, gitCacheDir, gitStatusNamespace)
        .path(gitPath)
        .interval(duration("--git-interval", gitInterval))
        .credentials(gitUsernameFile, gitPasswordFile)
        .ssh(gitSshKeyFile, gitSshKeyPassphraseFile, gitKnownHostsFile)
        .allowInsecureGit(allowInsecureGit)
        .pruneGuard(gitMaxPruneRatio, duration("--git-prune-window", gitPruneWindow))
        .allowMassPrune(gitAllowMassPrune)
        .build();
  }
}
