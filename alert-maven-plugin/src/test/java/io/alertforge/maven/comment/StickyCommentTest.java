package io.alertforge.maven.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertforge.maven.comment.FakeApi.Reply;
import io.alertforge.maven.comment.FakeApi.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub and GitLab comment clients against a local server that checks every request. */
class StickyCommentTest {

  private static final String TOKEN = "ghp_s3cr3tT0ken";
  private static final java.util.function.Consumer<String> NO_LOG = message -> {};
  private static final String MD = "### AlertForge: alert changes\n\n**+1 created, ~0 changed**\n";
  private static final String BODY = StickyComment.MARKER + "\n" + MD;

  private static PullRequest github(FakeApi api, String number) throws ApiException {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_REPOSITORY", "acme/alerts");
    env.put("GITHUB_API_URL", api.url("/api/v3"));
    env.put("GITHUB_TOKEN", TOKEN);
    return PullRequests.detect(env, new PullRequests.Settings(null, number, null), 1, NO_LOG)
        .pullRequest();
  }

  private static PullRequest gitlab(FakeApi api) throws ApiException {
    Map<String, String> env = new HashMap<>();
    env.put("GITLAB_CI", "true");
    env.put("CI_API_V4_URL", api.url("/api/v4"));
    env.put("CI_PROJECT_ID", "platform/alerts");
    env.put("CI_MERGE_REQUEST_IID", "7");
    env.put("ALERTFORGE_TOKEN", TOKEN);
    return PullRequests.detect(
            env, new PullRequests.Settings(null, null, "ALERTFORGE_TOKEN"), 1, NO_LOG)
        .pullRequest();
  }

  @Test
  void gitHubFollowsTheLinkHeaderAndUpdatesTheMarkedComment() throws Exception {
    try (FakeApi api =
        new FakeApi(
            r -> {
              if (r.method().equals("GET") && r.uri().endsWith("comments?per_page=100")) {
                return new Reply(
                    200,
                    "[{\"id\":1,\"body\":\"LGTM\"}]",
                    Map.of(
                        "Link",
                        "<http://127.0.0.1:"
                            + r.header("Host").replaceAll(".*:", "")
                            + "/api/v3/repos/acme/alerts/issues/12/comments?per_page=100&page=2>;"
                            + " rel=\"next\", <x>; rel=\"last\""));
              }
              if (r.method().equals("GET")) {
                return Reply.json(
                    200, "[{\"id\":2,\"body\":\"" + StickyComment.MARKER + "\\nold\"}]");
              }
              return Reply.json(200, "{}");
            })) {

      assertThat(StickyComment.post(github(api, "12"), MD))
          .isEqualTo(StickyComment.Outcome.UPDATED);

      assertThat(api.requests)
          .extracting(Request::method, Request::uri)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "GET", "/api/v3/repos/acme/alerts/issues/12/comments?per_page=100"),
              org.assertj.core.groups.Tuple.tuple(
                  "GET", "/api/v3/repos/acme/alerts/issues/12/comments?per_page=100&page=2"),
              org.assertj.core.groups.Tuple.tuple(
                  "PATCH", "/api/v3/repos/acme/alerts/issues/comments/2"));
      for (Request request : api.requests) {
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
      }
      Request patch = api.requests.get(2);
      assertThat(patch.header("Content-Type")).isEqualTo("application/json");
      assertThat(ApiClient.JSON.readTree(patch.body()).path("body").asText()).isEqualTo(BODY);
    }
  }

  @Test
  void gitHubCreatesTheCommentOnceAndLeavesAnEqualOneAlone() throws Exception {
    List<String> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakeApi api =
        new FakeApi(
            r -> {
              if (r.method().equals("POST")) {
                stored.add(bodyOf(r.body()));
                return Reply.json(201, "{\"id\":9}");
              }
              return Reply.json(
                  200, stored.isEmpty() ? "[]" : "[{\"id\":9,\"body\":" + stored.get(0) + "}]");
            })) {
      PullRequest pr = github(api, "12");

      assertThat(StickyComment.post(pr, MD)).isEqualTo(StickyComment.Outcome.CREATED);
      assertThat(StickyComment.post(pr, MD)).isEqualTo(StickyComment.Outcome.UNCHANGED);

      assertThat(api.requests).extracting(Request::method).containsExactly("GET", "POST", "GET");
      assertThat(api.requests.get(1).uri())
          .isEqualTo("/api/v3/repos/acme/alerts/issues/12/comments");
    }
  }

  @Test
  void gitLabPagesWithXNextPageAndUpdatesTheNoteWithPut() throws Exception {
    try (FakeApi api =
        new FakeApi(
            r -> {
              if (r.method().equals("GET") && r.uri().endsWith("page=1")) {
                return new Reply(
                    200,
                    "[{\"id\":1,\"body\":\"hi\",\"system\":false}]",
                    Map.of("X-Next-Page", "2"));
              }
              if (r.method().equals("GET")) {
                return new Reply(
                    200,
                    "[{\"id\":5,\"body\":\"" + StickyComment.MARKER + " old\",\"system\":false}]",
                    Map.of("X-Next-Page", ""));
              }
              return Reply.json(200, "{}");
            })) {

      assertThat(StickyComment.post(gitlab(api), MD)).isEqualTo(StickyComment.Outcome.UPDATED);

      String notes = "/api/v4/projects/platform%2Falerts/merge_requests/7/notes";
      assertThat(api.requests)
          .extracting(Request::method, Request::uri)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "GET", notes + "?sort=asc&order_by=created_at&per_page=100&page=1"),
              org.assertj.core.groups.Tuple.tuple(
                  "GET", notes + "?sort=asc&order_by=created_at&per_page=100&page=2"),
              org.assertj.core.groups.Tuple.tuple("PUT", notes + "/5"));
      assertThat(api.requests).allMatch(r -> TOKEN.equals(r.header("PRIVATE-TOKEN")));
      assertThat(api.requests).allMatch(r -> r.header("Authorization") == null);
      assertThat(ApiClient.JSON.readTree(api.requests.get(2).body()).path("body").asText())
          .isEqualTo(BODY);
    }
  }

  @Test
  void serverErrorsAndRateLimitsAreRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (FakeApi api =
        new FakeApi(
            r ->
                switch (calls.incrementAndGet()) {
                  case 1 -> Reply.json(502, "bad gateway");
                  case 2 ->
                      new Reply(429, "{\"message\":\"slow down\"}", Map.of("Retry-After", "0"));
                  case 3 ->
                      new Reply(
                          403,
                          "{\"message\":\"API rate limit exceeded\"}",
                          Map.of("x-ratelimit-remaining", "0"));
                  default -> Reply.json(200, "[]");
                })) {

      assertThat(github(api, "3").comments()).isEmpty();
      assertThat(calls).hasValue(4);
    }
  }

  @Test
  void errorsNameTheCallStatusAndMessageButNeverTheToken() throws Exception {
    try (FakeApi api =
        new FakeApi(r -> Reply.json(404, "{\"message\":\"Not Found\",\"token\":\"" + "x\"}"))) {
      assertThatThrownBy(() -> github(api, "12").comments())
          .isInstanceOf(ApiException.class)
          .hasMessage(
              "GitHub API GET /repos/acme/alerts/issues/12/comments?per_page=100 failed: 404 Not"
                  + " Found. Check the project and pull-request number, and that the token may"
                  + " write comments (GitHub: 'permissions: pull-requests: write'; GitLab: a token"
                  + " with the api scope)")
          .message()
          .doesNotContain(TOKEN);
    }
    try (FakeApi api = new FakeApi(r -> Reply.json(503, "{\"message\":\"down\"}"))) {
      assertThatThrownBy(() -> github(api, "12").create("x"))
          .hasMessageEndingWith("failed: 503 down (after 4 attempts)");
      assertThat(api.requests).hasSize(4);
    }
  }

  @Test
  void aNextLinkToAnotherHostNeverGetsTheToken() throws Exception {
    try (FakeApi api =
        new FakeApi(
            r ->
                new Reply(
                    200, "[]", Map.of("Link", "<https://evil.example/steal>; rel=\"next\"")))) {
      assertThatThrownBy(() -> github(api, "12").comments())
          .hasMessageStartingWith(
              "GitHub API: refusing to send the token to https://evil.example/steal");
      assertThat(api.requests).hasSize(1);
    }
  }

  @Test
  void outsideAPullRequestThereIsNothingToDo(@TempDir Path dir) throws Exception {
    PullRequests.Settings none = new PullRequests.Settings(null, null, null);
    assertThat(PullRequests.detect(Map.of(), none, 1, NO_LOG).nothingToDo())
        .isEqualTo("not running in GitHub Actions or GitLab CI, and alert.commentHost is not set");
    Path push = Files.writeString(dir.resolve("push.json"), "{\"ref\":\"refs/heads/main\"}");
    assertThat(
            PullRequests.detect(
                    Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_PATH", push.toString()),
                    none,
                    1,
                    NO_LOG)
                .nothingToDo())
        .startsWith("this GitHub Actions run is not for a pull request");
    assertThat(PullRequests.detect(Map.of("GITLAB_CI", "true"), none, 1, NO_LOG).nothingToDo())
        .startsWith("this GitLab CI pipeline is not a merge-request pipeline");
  }

  @Test
  void thePullRequestNumberComesFromTheEventFile(@TempDir Path dir) throws Exception {
    Path event = Files.writeString(dir.resolve("event.json"), "{\"pull_request\":{\"number\":42}}");
    PullRequest pr =
        PullRequests.detect(
                Map.of(
                    "GITHUB_ACTIONS",
                    "true",
                    "GITHUB_EVENT_PATH",
                    event.toString(),
                    "GITHUB_REPOSITORY",
                    "acme/alerts",
                    "GITHUB_TOKEN",
                    TOKEN),
                new PullRequests.Settings(null, null, null),
                1,
                NO_LOG)
            .pullRequest();
    assertThat(pr.describe()).isEqualTo("GitHub acme/alerts#42");
    assertThatThrownBy(
            () ->
                PullRequests.detect(
                    Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/alerts"),
                    new PullRequests.Settings(null, "42", null),
                    1,
                    NO_LOG))
        .hasMessageStartingWith("no API token: the environment variable GITHUB_TOKEN is empty");
  }

  /** The "body" member of a JSON request, as a JSON string literal. */
  private static String bodyOf(String json) {
    try {
      return ApiClient.JSON.readTree(json).path("body").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
