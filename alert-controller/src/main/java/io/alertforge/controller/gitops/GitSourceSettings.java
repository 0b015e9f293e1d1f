package io.alertforge.controller.gitops;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Git source fetches from, how, and how it applies.
 *
 * @param url the repository: https://, http:// (tests only), or file://
 * @param branch the branch followed
 * @param path the alert repository's directory inside the Git repository, "" for its root
 * @param interval how often the branch is fetched (webhooks fetch sooner)
 * @param cacheDir where the local bare clone lives (an emptyDir in a pod)
 * @param usernameFile for HTTPS basic auth: the user name (null: {@code x-access-token}, what
 *     GitHub and Gitea accept with a token)
 * @param passwordFile the token or password (null: no credentials)
 * @param maxPruneRatio the share of the managed CRs one commit may delete without being allowed
 * @param allowMassPrune allow every commit to prune more than that (a flag, for a planned cleanup)
 * @param statusNamespace the namespace of the status ConfigMap and its events
 * @param statusName the status ConfigMap's name
 */
public record GitSourceSettings(
    URI url,
    String branch,
    String path,
    Duration interval,
    Path cacheDir,
    Path usernameFile,
    Path passwordFile,
    double maxPruneRatio,
    boolean allowMassPrune,
    String statusNamespace,
    String statusName) {

  /** The commit-message trailer that allows one commit to prune beyond the guard. */
  public static final String ALLOW_PRUNE_TRAILER = "AlertForge-Allow-Prune";

  public static final String DEFAULT_STATUS_NAME = "alertforge-git-status";

  public GitSourceSettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
    if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
      throw new IllegalArgumentException(
          "--git-url must be https://, http:// or file:// (SSH is not supported yet): " + url);
    }
    if (url.getUserInfo() != null && url.getUserInfo().contains(":")) {
      throw new IllegalArgumentException(
          "--git-url must not carry a password; mount it and use --git-password-file");
    }
    if (branch == null || branch.isBlank() || branch.startsWith("refs/")) {
      throw new IllegalArgumentException("--git-branch must be a branch name, e.g. main");
    }
    path = path == null ? "" : path.replaceAll("^/+|/+$", "");
    if (path.contains("..")) {
      throw new IllegalArgumentException("--git-path must stay inside the repository: " + path);
    }
    if (!(maxPruneRatio >= 0 && maxPruneRatio <= 1)) {
      throw new IllegalArgumentException("--git-max-prune-ratio must be between 0 and 1");
    }
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(statusNamespace, "statusNamespace");
    statusName = statusName == null ? DEFAULT_STATUS_NAME : statusName;
  }

  /** Settings with the defaults: 1 minute, 50%, no credentials. */
  public static GitSourceSettings of(
      URI url, String branch, String path, Path cacheDir, String statusNamespace) {
    return new GitSourceSettings(
        url,
        branch,
        path,
        Duration.ofMinutes(1),
        cacheDir,
        null,
        null,
        0.5,
        false,
        statusNamespace,
        DEFAULT_STATUS_NAME);
  }

  public GitSourceSettings withCredentials(Path username, Path password) {
    return new GitSourceSettings(
        url,
        branch,
        path,
        interval,
        cacheDir,
        username,
        password,
        maxPruneRatio,
        allowMassPrune,
        statusNamespace,
        statusName);
  }

  public GitSourceSettings withAllowMassPrune(boolean allow) {
    return new GitSourceSettings(
        url,
        branch,
        path,
        interval,
        cacheDir,
        usernameFile,
        passwordFile,
        maxPruneRatio,
        allow,
        statusNamespace,
        statusName);
  }
}
