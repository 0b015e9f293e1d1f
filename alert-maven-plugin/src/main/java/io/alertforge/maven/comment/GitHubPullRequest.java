package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub pull request's conversation, through the REST API v3 issue-comment endpoints (a pull
 * request is an issue there). Pages are followed through the {@code Link} header.
 */
final class GitHubPullRequest implements PullRequest {

  private static final Map<String, String> HEADERS =
      Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  private final ApiClient api;
  private final String repository;
  private final String number;

  GitHubPullRequest(ApiClient api, String repository, String number) {
    this.api = api;
    this.repository = repository;
    this.number = number;
  }

  @Override
  public String describe() {
    return "GitHub " + repository + "#" + number;
  }

  @Override
  public List<Comment> comments() throws ApiException {
    List<Comment> comments = new ArrayList<>();
    String next = "/repos/" + repository + "/issues/" + number + "/comments?per_page=100";
    while (next != null) {
      ApiClient.Response response = api.send("GET", next, null, HEADERS);
      if (response.body() != null) {
        for (JsonNode comment : response.body()) {
          comments.add(new Comment(comment.path("id").asText(), comment.path("body").asText("")));
        }
      }
      next = response.header("Link").map(GitHubPullRequest::nextLink).orElse(null);
    }
    return comments;
  }

  private static String nextLink(String link) {
    Matcher matcher = NEXT.matcher(link);
    return matcher.find() ? matcher.group(1) : null;
  }

  @Override
  public void create(String body) throws ApiException {
    api.send(
        "POST",
        "/repos/" + repository + "/issues/" + number + "/comments",
        ApiClient.JSON.createObjectNode().put("body", body),
        HEADERS);
  }

  @Override
  public void update(String id, String body) throws ApiException {
    api.send(
        "PATCH",
        "/repos/" + repository + "/issues/comments/" + id,
        ApiClient.JSON.createObjectNode().put("body", body),
        HEADERS);
  }
}
