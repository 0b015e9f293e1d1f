package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diff.SourceLinks;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a CI job says about itself for the pull-request comment: the head commit it runs for, the
 * link to the run, and where the repository's files are on the code host. Outside GitHub Actions
 * and GitLab CI all are null.
 *
 * @param headCommit GitHub: the pull request's head ({@code pull_request.head.sha} of the event;
 *     {@code GITHUB_SHA} is the merge commit for pull_request events), else {@code GITHUB_SHA};
 *     GitLab: {@code CI_COMMIT_SHA}
 * @param runUrl GitHub: {@code ${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/
 *     ${GITHUB_RUN_ID}}; GitLab: {@code CI_JOB_URL}, else {@code CI_PIPELINE_URL}
 */
public record CiRun(String headCommit, String runUrl, Host host, String repositoryUrl) {

  /** The code host whose link shapes apply. */
  public enum Host {
    GITHUB,
    GITLAB
  }

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  public static CiRun none() {
    return new CiRun(null, null, null, null);
  }

  /** From the job's environment; values that are not what the CI sets are ignored. */
  public static CiRun detect(Map<String, String> env) throws ApiException {
    if ("true".equals(env.get("GITHUB_ACTIONS"))) {
      String server = url(env.getOrDefault("GITHUB_SERVER_URL", "https://github.com"));
      String repository = env.get("GITHUB_REPOSITORY");
      if (server == null || repository == null || !REPOSITORY.matcher(repository).matches()) {
        return none();
      }
      JsonNode event = GitHubEvent.read(env);
      String head =
          commit(
              event == null
                  ? null
                  : event.path("pull_request").path("head").path("sha").asText(null));
      if (head == null) {
        head = commit(env.get("GITHUB_SHA"));
      }
      String runId = env.get("GITHUB_RUN_ID");
      String run =
          runId != null && runId.matches("[0-9]{1,20}")
              ? server + "/" + repository + "/actions/runs/" + runId
              : null;
      return new CiRun(head, run, Host.GITHUB, server + "/" + repository);
    }
    if (env.containsKey("GITLAB_CI")) {
      String run = url(env.get("CI_JOB_URL"));
      return new CiRun(
          commit(env.get("CI_COMMIT_SHA")),
          run != null ? run : url(env.get("CI_PIPELINE_URL")),
          Host.GITLAB,
          url(env.get("CI_PROJECT_URL")));
    }
    return none();
  }

  /** Links to the repository's files, or null when the host or its URL is unknown. */
  public SourceLinks links(String sourcePrefix) {
    if (host == null || repositoryUrl == null) {
      return null;
    }
    return host == Host.GITHUB
        ? SourceLinks.github(repositoryUrl, sourcePrefix)
        : SourceLinks.gitlab(repositoryUrl, sourcePrefix);
  }

  private static String commit(String value) {
    return value != null && COMMIT.matcher(value.strip()).matches() ? value.strip() : null;
  }

  private static String url(String value) {
    if (value == null || !(value.startsWith("https://") || value.startsWith("http://"))) {
      return null;
    }
    String url = value.strip();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
