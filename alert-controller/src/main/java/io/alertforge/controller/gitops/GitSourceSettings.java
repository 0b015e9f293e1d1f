package io.alertforge.controller.gitops;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Git source fetches from, how, and how it applies. Build it with {@link #builder}: the
 * defaults are there; the checks are here, each message naming the flag to fix.
 *
 * @param url the repository: https://, ssh://user@host[:port]/path, file://, or http:// with {@code
 *     allowInsecureGit}
 * @param branch the branch followed
 * @param path the alert repository's directory inside the Git repository, "" for its root
 * @param interval how often the branch is fetched (webhooks fetch sooner)
 * @param cacheDir where the local bare clone lives (an emptyDir in a pod)
 * @param usernameFile for HTTPS basic auth: the user name (null: {@code x-access-token}, what
 *     GitHub and Gitea accept with a token)
 * @param passwordFile the token or password (null: no credentials)
 * @param sshKeyFile for SSH: the private key, OpenSSH format (required with ssh://)
 * @param sshKeyPassphraseFile the private key's passphrase (null: the key has none)
 * @param knownHostsFile for SSH: the known_hosts lines the server's key must match (required)
 * @param allowInsecureGit accept a plain http:// URL (a test server; {@code --allow-insecure-git})
 * @param maxPruneRatio the share of the managed CRs the Git source may delete within {@code
 *     pruneWindow} without being allowed ({@link PruneHistory})
 * @param pruneWindow how far back the guard counts what was pruned
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
    Path sshKeyFile,
    Path sshKeyPassphraseFile,
    Path knownHostsFile,
    boolean allowInsecureGit,
    double maxPruneRatio,
    Duration pruneWindow,
    boolean allowMassPrune,
    String statusNamespace,
    String statusName) {

  /** The commit-message trailer that allows one commit to prune beyond the guard. */
  public static final String ALLOW_PRUNE_TRAILER = "AlertForge-Allow-Prune";

  public static final String DEFAULT_STATUS_NAME = "alertforge-git-status";

  /** {@code user@host:path}, Git's scp-like SSH form, which is no URI. */
  private static final Pattern SCP_LIKE = Pattern.compile("(?:([^@/:]+)@)?([^@/:]+):(?!//)(.+)");

  public GitSourceSettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    // first, so that no later message prints a URL with its password
    if (url.getUserInfo() != null && url.getUserInfo().contains(":")) {
      throw new IllegalArgumentException(
          "--git-url must not carry a password; mount it and use --git-password-file"
              + (scheme.equals("ssh") ? " (HTTPS) or --git-ssh-key-file (SSH)" : ""));
    }
    // https://<token>@github.com/... works, and would print the token wherever the URL goes
    if (url.getUserInfo() != null && (scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "--git-url must not carry a user name or token before the host (it would show in the"
              + " status and the logs); mount them and use --git-username-file and"
              + " --git-password-file");
    }
    if (scheme.equals("http") && !allowInsecureGit) {
      throw new IllegalArgumentException(
          "--git-url "
              + url
              + " is plain HTTP: the Git token would travel in clear and anyone on the way could"
              + " change the alerts applied; use https:// or ssh://, or --allow-insecure-git for a"
              + " test server");
    }
    if (!scheme.equals("https")
        && !scheme.equals("http")
        && !scheme.equals("file")
        && !scheme.equals("ssh")) {
      throw new IllegalArgumentException(
          "--git-url must be https://, ssh:// or file:// (http:// with --allow-insecure-git): "
              + url);
    }
    if (scheme.equals("ssh")) {
      requireSsh(url, usernameFile != null || passwordFile != null, sshKeyFile, knownHostsFile);
    } else if (sshKeyFile != null || sshKeyPassphraseFile != null || knownHostsFile != null) {
      throw new IllegalArgumentException(
          "--git-ssh-key-file, --git-ssh-key-passphrase-file and --git-known-hosts-file need an"
              + " ssh:// --git-url (ssh://git@host/org/repo.git), not "
              + url
              + "; HTTPS authenticates with --git-password-file");
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
    if (pruneWindow == null || pruneWindow.isNegative() || pruneWindow.isZero()) {
      throw new IllegalArgumentException("--git-prune-window must be positive, e.g. 24h");
    }
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(statusNamespace, "statusNamespace");
    Objects.requireNonNull(statusName, "statusName");
  }

  private static void requireSsh(
      URI url, boolean httpsCredentials, Path keyFile, Path knownHostsFile) {
    if (url.getHost() == null || url.getUserInfo() == null || url.getUserInfo().isBlank()) {
      throw new IllegalArgumentException(
          "--git-url must name the SSH user and host, e.g. ssh://git@github.com/org/repo.git: "
              + url);
    }
    if (httpsCredentials) {
      throw new IllegalArgumentException(
          "--git-username-file and --git-password-file are for HTTPS; an ssh:// --git-url"
              + " authenticates with --git-ssh-key-file (the user is the URL's)");
    }
    if (keyFile == null) {
      throw new IllegalArgumentException(
          "--git-url "
              + url
              + " is SSH: --git-ssh-key-file is required (the private key, a mounted Secret)");
    }
    if (knownHostsFile == null) {
      throw new IllegalArgumentException(
          "--git-url "
              + url
              + " is SSH: --git-known-hosts-file is required (the server's host key line, e.g. from"
              + " ssh-keyscan, checked against the fingerprint the Git host publishes)");
    }
  }

  /**
   * Parses {@code --git-url}. Git's scp-like {@code git@host:org/repo.git} is refused with the
   * ssh:// URL to write instead: its path is relative to the user's home, which an ssh:// URL only
   * says as {@code /~/}, so a silent rewrite could fetch another repository.
   */
  public static URI parseUrl(String url) {
    String s = url.strip();
    Matcher scp = SCP_LIKE.matcher(s);
    if (!s.contains("://") && scp.matches() && scp.group(2).length() > 1) {
      String server = "ssh://" + (scp.group(1) == null ? "git" : scp.group(1)) + "@" + scp.group(2);
      String path = scp.group(3).startsWith("/") ? scp.group(3) : "/" + scp.group(3);
      throw new IllegalArgumentException(
          "--git-url: the scp-like form "
              + s
              + " is not supported; write "
              + server
              + path
              + " (or "
              + server
              + "/~"
              + path
              + " if the path is relative to the user's home)");
    }
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      // not e.getMessage(): it quotes the text, which may hold a password
      throw new IllegalArgumentException(
          "--git-url is not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
    }
  }

  /** True for ssh:// URLs: {@link GitFetcher} authenticates with the key and known hosts. */
  public boolean ssh() {
    return url.getScheme().equalsIgnoreCase("ssh");
  }

  /**
   * Settings of {@code url}'s {@code branch}, cloned into {@code cacheDir}, with the status in
   * {@code statusNamespace}; everything else defaulted in the builder.
   */
  public static Builder builder(URI url, String branch, Path cacheDir, String statusNamespace) {
    return new Builder(url, branch, cacheDir, statusNamespace);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The defaults, in one place: the repository's root, every minute, no credentials, HTTPS or SSH
   * only, 50% within 24 hours, no mass prune, the status ConfigMap {@value #DEFAULT_STATUS_NAME}.
   */
  public static final class Builder {
    private final URI url;
    private final String branch;
    private final Path cacheDir;
    private final String statusNamespace;
    private String path = "";
    private Duration interval = Duration.ofMinutes(1);
    private Path usernameFile;
    private Path passwordFile;
    private Path sshKeyFile;
    private Path sshKeyPassphraseFile;
    private Path knownHostsFile;
    private boolean allowInsecureGit;
    private double maxPruneRatio = 0.5;
    private Duration pruneWindow = Duration.ofHours(24);
    private boolean allowMassPrune;
    private String statusName = DEFAULT_STATUS_NAME;

    private Builder(URI url, String branch, Path cacheDir, String statusNamespace) {
      this.url = url;
      this.branch = branch;
      this.cacheDir = cacheDir;
      this.statusNamespace = statusNamespace;
    }

    private Builder(GitSourceSettings s) {
      this(s.url, s.branch, s.cacheDir, s.statusNamespace);
      path = s.path;
      interval = s.interval;
      usernameFile = s.usernameFile;
      passwordFile = s.passwordFile;
      sshKeyFile = s.sshKeyFile;
      sshKeyPassphraseFile = s.sshKeyPassphraseFile;
      knownHostsFile = s.knownHostsFile;
      allowInsecureGit = s.allowInsecureGit;
      maxPruneRatio = s.maxPruneRatio;
      pruneWindow = s.pruneWindow;
      allowMassPrune = s.allowMassPrune;
      statusName = s.statusName;
    }

    public Builder path(String v) {
      path = v;
      return this;
    }

    public Builder interval(Duration v) {
      interval = v;
      return this;
    }

    /** HTTPS basic auth: the user name's file (null: {@code x-access-token}) and the token's. */
    public Builder credentials(Path usernameFile, Path passwordFile) {
      this.usernameFile = usernameFile;
      this.passwordFile = passwordFile;
      return this;
    }

    /** SSH: the private key's file, its passphrase's (null: none) and the known hosts'. */
    public Builder ssh(Path keyFile, Path keyPassphraseFile, Path knownHostsFile) {
      sshKeyFile = keyFile;
      sshKeyPassphraseFile = keyPassphraseFile;
      this.knownHostsFile = knownHostsFile;
      return this;
    }

    public Builder allowInsecureGit(boolean v) {
      allowInsecureGit = v;
      return this;
    }

    /** The prune guard: {@code maxRatio} of the managed objects within {@code window}. */
    public Builder pruneGuard(double maxRatio, Duration window) {
      maxPruneRatio = maxRatio;
      pruneWindow = window;
      return this;
    }

    public Builder allowMassPrune(boolean v) {
      allowMassPrune = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the flag to fix, when the settings cannot work
     */
    public GitSourceSettings build() {
      return new GitSourceSettings(
          url,
          branch,
          path,
          interval,
          cacheDir,
          usernameFile,
          passwordFile,
          sshKeyFile,
          sshKeyPassphraseFile,
          knownHostsFile,
          allowInsecureGit,
          maxPruneRatio,
          pruneWindow,
          allowMassPrune,
          statusNamespace,
          statusName);
    }
  }
}
