package io.alertforge.controller.admission;

import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.controller.gitops.GitSourceSettings;
import io.alertforge.controller.gitops.GitSync;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy of the commit the Git source last applied: {@code alertforge.yaml} at the root of the
 * alert repository ({@code --git-path}) in that commit, so the webhook checks with the policy the
 * cluster's alerts were compiled with, and the two cannot drift. A commit without the file means
 * the compiler's defaults, as in the pull-request build.
 *
 * <p>The replica whose Git source applied the commit reads the file from its clone. Every other
 * replica (a follower, whose Git source does not sync) reads the copy the leader wrote with the
 * commit into the status ConfigMap ({@link GitSync#APPLIED_POLICY_KEY}). Until a commit has been
 * applied at all, the policy comes from {@code untilApplied}: the ConfigMap when one is configured,
 * or {@link #NOTHING_APPLIED}, which denies.
 */
public final class GitPolicy implements PolicySource {
  private static final Logger LOG = LoggerFactory.getLogger(GitPolicy.class);

  /** Fail closed: without an applied commit there is no policy to check against. */
  public static final PolicySource NOTHING_APPLIED =
      () -> {
        throw new Unavailable(
            "the Git source has not applied a commit yet, so there is no policy to check against;"
                + " retry once it has (the ConfigMap "
                + GitSourceSettings.DEFAULT_STATUS_NAME
                + " says when), or give the controller --admission-policy-configmap for that time");
      };

  private final GitSync git;
  private final PolicySource untilApplied;

  public GitPolicy(GitSync git, PolicySource untilApplied) {
    this.git = git;
    this.untilApplied = untilApplied;
  }

  @Override
  public Optional<byte[]> read() throws Unavailable {
    Optional<byte[]> applied;
    try {
      applied = git.fileAtLastAppliedCommit(RepositoryScanner.CONFIG_FILE);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("cannot read the policy of the applied commit", e);
      throw new Unavailable(
          "cannot read "
              + RepositoryScanner.CONFIG_FILE
              + " of the commit the Git source applied (the controller's log says why)");
    }
    if (applied.isPresent()) {
      return applied;
    }
    Optional<String> published = published();
    if (published.isPresent()) {
      String text = published.get();
      return text.isEmpty() ? Optional.empty() : Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }
    return untilApplied.read();
  }

  /** The leader's copy of the applied commit's policy, if a commit was applied. */
  private Optional<String> published() throws Unavailable {
    try {
      return git.publishedPolicy();
    } catch (KubernetesClientException e) {
      throw new Unavailable(
          "cannot read the status ConfigMap "
              + GitSourceSettings.DEFAULT_STATUS_NAME
              + " for the applied commit's policy: HTTP "
              + e.getCode());
    }
  }
}
