package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the pull request a CI job runs for, from the variables GitHub Actions and GitLab CI set.
 * Tokens are read from the environment only (never from a property, which could be logged).
 */
public final class PullRequests {

  /** What the user configured; every field may be null. */
  public record Settings(String host, String number, String tokenVariable) {}

  /** Either a pull request to comment on, or why there is none (nothing to do). */
  public record Detection(PullRequest pullRequest, String nothingToDo) {}

  private PullRequests() {}

  /**
   * @param backoffMillis the first retry's delay
   * @param log where the API client announces its retries
   */
  public static Detection detect(
      Map<String, String> env, Settings settings, long backoffMillis, Consumer<String> log)
      throws ApiException {
    String host = settings.host() == null ? null : settings.host().toLowerCase(Locale.ROOT);
    if (host == null) {
      if ("true".equals(env.get("GITHUB_ACTIONS"))) {
        host = "github";
      } else if (env.containsKey("GITLAB_CI") || env.containsKey("CI_API_V4_URL")) {
        host = "gitlab";
      } else {
        return new Detection(
            null, "not running in GitHub Actions or GitLab CI, and alert.commentHost is not set");
      }
    }
    return switch (host) {
      case "github" -> github(env, settings, backoffMillis, log);
      case "gitlab" -> gitlab(env, settings, backoffMillis, log);
      default ->
          throw new ApiException(
              "alert.commentHost is '" + settings.host() + "'; use github or gitlab");
    };
  }

  private static Detection github(
      Map<String, String> env, Settings settings, long backoff, Consumer<String> log)
      throws ApiException {
    String number = settings.number() != null ? settings.number() : eventNumber(env);
    if (number == null) {
      return new Detection(
          null,
          "this GitHub Actions run is not for a pull request (no pull_request in GITHUB_EVENT_PATH;"
              + " set alert.pr to name one)");
    }
    String repository = required(env, "GITHUB_REPOSITORY", "owner/name of the repository");
    String token = token(env, settings, "GITHUB_TOKEN");
    String api = env.getOrDefault("GITHUB_API_URL", "https://api.github.com");
    return new Detection(
        new GitHubPullRequest(
            new ApiClient("GitHub", api, "Authorization", "Bearer " + token, token, backoff, log),
            repository,
            number(number)),
        null);
  }

  private static Detection gitlab(
      Map<String, String> env, Settings settings, long backoff, Consumer<String> log)
      throws ApiException {
    String iid = settings.number() != null ? settings.number() : env.get("CI_MERGE_REQUEST_IID");
    if (iid == null || iid.isBlank()) {
      return new Detection(
          null,
          "this GitLab CI pipeline is not a merge-request pipeline (no CI_MERGE_REQUEST_IID;"
              + " add 'rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"')");
    }
    String api = required(env, "CI_API_V4_URL", "the GitLab API URL");
    String project = required(env, "CI_PROJECT_ID", "the project id");
    String token = token(env, settings, "GITLAB_TOKEN");
    return new Detection(
        new GitLabMergeRequest(
            new ApiClient("GitLab", api, "PRIVATE-TOKEN", token, token, backoff, log),
            project,
            number(iid)),
        null);
  }

  private static String eventNumber(Map<String, String> env) throws ApiException {
    JsonNode event = GitHubEvent.read(env);
    if (event == null) {
      return null;
    }
    if (event.path("pull_request").path("number").isNumber()) {
      return event.path("pull_request").path("number").asText();
    }
    if (event.path("issue").has("pull_request") && event.path("issue").path("number").isNumber()) {
      return event.path("issue").path("number").asText();
    }
    return null;
  }

  private static String number(String number) throws ApiException {
    if (!number.matches("[1-9][0-9]{0,9}")) {
      throw new ApiException(
          "the pull-request number is '" + number + "'; alert.pr must be a positive number");
    }
    return number;
  }

  private static String required(Map<String, String> env, String name, String what)
      throws ApiException {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new ApiException(name + " is not set; it must hold " + what);
    }
    return value;
  }

  private static String token(Map<String, String> env, Settings settings, String fallback)
      throws ApiException {
    String variable = settings.tokenVariable() != null ? settings.tokenVariable() : fallback;
    String token = env.get(variable);
    if (token == null || token.isBlank()) {
      throw new ApiException(
          "no API token: the environment variable "
              + variable
              + " is empty. Pass the token to the step's environment (alert.tokenVariable names"
              + " another variable)");
    }
    return token.strip();
  }
}
