package io.alertforge.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.alertforge.maven.comment.FakeCodeHost;
import io.alertforge.maven.comment.FakeCodeHost.Request;
import io.alertforge.maven.comment.FakeCodeHost.StoredComment;
import io.alertforge.maven.comment.StickyComment;
import io.takari.maven.testing.TestMavenRuntime5;
import io.takari.maven.testing.TestResources5;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * alert:diff then alert:comment, the goals themselves, as a CI job runs them on every push, against
 * local fakes of GitHub's and GitLab's comment APIs that check each request as the real ones do.
 */
class CommentGoalTest {

  private static final String TOKEN = "ghp_T0pS3cretT0kenValue";

  @RegisterExtension final TestResources5 resources = new TestResources5();
  @RegisterExtension final TestMavenRuntime5 maven = new TestMavenRuntime5();

  private final RecordingLog log = new RecordingLog();

  private void diffAndComment(File basedir, Map<String, String> env) throws Exception {
    MavenSession session = maven.newMavenSession(maven.readMavenProject(basedir));
    DiffMojo diff = (DiffMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("diff"));
    diff.environment = env;
    diff.setLog(log);
    diff.execute();
    comment(basedir, env, 1);
  }

  private void comment(File basedir, Map<String, String> env, long backoffMillis) throws Exception {
    MavenSession session = maven.newMavenSession(maven.readMavenProject(basedir));
    CommentMojo comment =
        (CommentMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("comment"));
    comment.environment = env;
    comment.backoffMillis = backoffMillis;
    comment.setLog(log);
    comment.execute();
  }

  private static Map<String, String> github(FakeCodeHost api, File basedir, String headSha)
      throws IOException {
    Path event =
        Files.writeString(
            basedir.toPath().resolveSibling(basedir.getName() + "-event.json"),
            "{\"pull_request\":{\"number\":5,\"head\":{\"sha\":\"" + headSha + "\"}}}");
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_REPOSITORY", "acme/alerts");
    env.put("GITHUB_API_URL", api.apiUrl());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_RUN_ID", "7001");
    env.put("GITHUB_SHA", "feedfacefeedfacefeedfacefeedfacefeedface"); // the merge commit
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_TOKEN", TOKEN);
    return env;
  }

  private List<Request> requestsSince(FakeCodeHost api, int from) {
    return api.requests.subList(from, api.requests.size());
  }

  private static List<StoredComment> ours(FakeCodeHost api) {
    return api.comments().stream().filter(c -> c.body().contains(StickyComment.MARKER)).toList();
  }

  @Test
  void gitHubCommentIsCreatedLeftAloneWhenEqualAndUpdatedInPlaceOnTheNextPush() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(basedir, "alerts.yaml", "threshold: \"80\"", "threshold: \"85\"");
    String first = GitProjects.commitAll(basedir, "raise the default threshold");
    try (FakeCodeHost api = FakeCodeHost.github(TOKEN, "acme/alerts", "5", 2)) {
      for (int i = 0; i < 3; i++) {
        api.add("reviewer", "LGTM " + i);
      }

      diffAndComment(basedir, github(api, basedir, first));

      assertThat(api.requests)
          .extracting(Request::method, Request::uri)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "GET", "/repos/acme/alerts/issues/5/comments?per_page=100"),
              org.assertj.core.groups.Tuple.tuple(
                  "GET", "/repos/acme/alerts/issues/5/comments?per_page=100&page=2"),
              org.assertj.core.groups.Tuple.tuple("POST", "/repos/acme/alerts/issues/5/comments"));
      assertThat(ours(api)).hasSize(1);
      String body = ours(api).get(0).body();
      String repo = "https://github.com/acme/alerts";
      assertThat(body)
          .startsWith(
              StickyComment.MARKER
                  + "\n### AlertForge: alert changes\n\n**✅ Lint passed** · head <a href=\""
                  + repo
                  + "/commit/"
                  + first
                  + "\"><code>"
                  + first.substring(0, 7)
                  + "</code></a> · base <a href=\""
                  + repo
                  + "/commit/")
          .contains(
              "(merge base with <code>main</code>) · <a href=\""
                  + repo
                  + "/actions/runs/7001\">CI run</a>")
          .contains("**+0 created, ~1 changed, -0 deleted in 1 namespace**")
          .contains(
              "<details><summary>Wavefront request of <code>team-a/checkout.cpu-high</code> · <a"
                  + " href=\""
                  + repo
                  + "/blob/"
                  + first
                  + "/alerts.yaml#L")
          .contains("label.app=\\\"checkout\\\") > 80\",\n+")
          .contains("label.app=\\\"checkout\\\") > 85\",")
          .doesNotContain("feedface")
          .doesNotContain(basedir.getParent());
      assertThat(log.text()).contains("Alert diff comment created on GitHub acme/alerts#5");

      int before = api.requests.size();
      diffAndComment(basedir, github(api, basedir, first));

      assertThat(requestsSince(api, before)).extracting(Request::method).containsOnly("GET");
      assertThat(log.text()).contains("Alert diff comment unchanged on GitHub acme/alerts#5");

      GitProjects.edit(basedir, "alerts.yaml", "minutes: 5", "minutes: 10");
      String second = GitProjects.commitAll(basedir, "wait longer");
      long id = ours(api).get(0).id();
      before = api.requests.size();
      diffAndComment(basedir, github(api, basedir, second));

      assertThat(requestsSince(api, before))
          .extracting(Request::method, Request::uri)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "GET", "/repos/acme/alerts/issues/5/comments?per_page=100"),
              org.assertj.core.groups.Tuple.tuple(
                  "GET", "/repos/acme/alerts/issues/5/comments?per_page=100&page=2"),
              org.assertj.core.groups.Tuple.tuple(
                  "PATCH", "/repos/acme/alerts/issues/comments/" + id));
      assertThat(ours(api)).hasSize(1);
      assertThat(ours(api).get(0).body())
          .contains("/commit/" + second + "\"><code>" + second.substring(0, 7))
          .contains("minutes 5 → 10")
          .doesNotContain(first.substring(0, 7) + "</code>");
      assertThat(api.comments()).hasSize(4);
      assertNoTokenIn(basedir, api);
    }
  }

  @Test
  void gitLabNoteSaysTheLintFailedLinksTheErrorAndIsUpdatedWithPut() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    GitProjects.edit(basedir, "alerts.yaml", "severity: warn", "severity: WARN");
    String head = GitProjects.commitAll(basedir, "louder");
    try (FakeCodeHost api = FakeCodeHost.gitlab(TOKEN, "platform/alerts", "7", 100)) {
      Map<String, String> env = new HashMap<>();
      env.put("GITLAB_CI", "true");
      env.put("CI_API_V4_URL", api.apiUrl());
      env.put("CI_PROJECT_ID", "platform/alerts");
      env.put("CI_PROJECT_URL", "https://gitlab.example.com/platform/alerts");
      env.put("CI_MERGE_REQUEST_IID", "7");
      env.put("CI_COMMIT_SHA", head);
      env.put("CI_JOB_URL", "https://gitlab.example.com/platform/alerts/-/jobs/99");
      env.put("GITLAB_TOKEN", TOKEN);

      diffAndComment(basedir, env);
      diffAndComment(basedir, env);

      String notes = "/api/v4/projects/platform%2Falerts/merge_requests/7/notes";
      String list = notes + "?sort=asc&order_by=created_at&per_page=100&page=1";
      assertThat(api.requests)
          .extracting(Request::method, Request::uri)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("GET", list),
              org.assertj.core.groups.Tuple.tuple("POST", notes),
              org.assertj.core.groups.Tuple.tuple("GET", list));
      String body = ours(api).get(0).body();
      assertThat(body)
          .contains("**❌ Lint failed: 1 error, 0 warnings** · head <a href=\"")
          .contains("/-/commit/" + head + "\"><code>" + head.substring(0, 7) + "</code></a>")
          .contains(
              "- error <a href=\"https://gitlab.example.com/platform/alerts/-/blob/"
                  + head
                  + "/alerts.yaml#L11\"><code>alerts.yaml:11</code></a> <code>schema/enum</code>:"
                  + " spec.severity is 'WARN'")
          .contains("<a href=\"https://gitlab.example.com/platform/alerts/-/jobs/99\">CI run</a>");

      GitProjects.edit(basedir, "alerts.yaml", "severity: WARN", "severity: warn");
      env.put("CI_COMMIT_SHA", GitProjects.commitAll(basedir, "fix the severity"));
      int before = api.requests.size();
      diffAndComment(basedir, env);

      assertThat(requestsSince(api, before))
          .extracting(Request::method, Request::uri)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("GET", list),
              org.assertj.core.groups.Tuple.tuple("PUT", notes + "/" + ours(api).get(0).id()));
      assertThat(ours(api)).hasSize(1);
      assertThat(ours(api).get(0).body()).contains("**✅ Lint passed**");
      assertNoTokenIn(basedir, api);
    }
  }

  @Test
  void anUnreachableApiIsNamedWithWhatWasRetriedAndNeverTheToken() throws Exception {
    File basedir = resources.getBasedir("unit");
    GitProjects.mainThenBranch(basedir);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_REPOSITORY", "acme/alerts");
    env.put("GITHUB_API_URL", "http://127.0.0.1:" + closed);
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GITHUB_EVENT_PATH", "");
    MavenSession session = maven.newMavenSession(maven.readMavenProject(basedir));
    DiffMojo diff = (DiffMojo) maven.lookupConfiguredMojo(session, maven.newMojoExecution("diff"));
    diff.environment = env;
    diff.setLog(log);
    diff.execute();
    env.put("GITHUB_EVENT_PATH", writeEvent(basedir));

    MojoExecutionException error =
        assertThrows(MojoExecutionException.class, () -> comment(basedir, env, 1));

    assertThat(error.getMessage())
        .isEqualTo(
            "Cannot post the alert diff: GitHub API GET"
                + " /repos/acme/alerts/issues/5/comments?per_page=100 failed: cannot connect to"
                + " 127.0.0.1:"
                + closed
                + " (tried 4 times; retried network errors, server errors and"
                + " rate limits)");
    assertThat(log.lines)
        .filteredOn(line -> line.contains("retrying in"))
        .containsExactly(
            "[warn] GitHub API GET /repos/acme/alerts/issues/5/comments?per_page=100: cannot"
                + " connect to 127.0.0.1:"
                + closed
                + "; retrying in 1 ms (attempt 2 of 4)",
            "[warn] GitHub API GET /repos/acme/alerts/issues/5/comments?per_page=100: cannot"
                + " connect to 127.0.0.1:"
                + closed
                + "; retrying in 2 ms (attempt 3 of 4)",
            "[warn] GitHub API GET /repos/acme/alerts/issues/5/comments?per_page=100: cannot"
                + " connect to 127.0.0.1:"
                + closed
                + "; retrying in 4 ms (attempt 4 of 4)");
    assertThat(error.getMessage() + log.text()).doesNotContain(TOKEN);
    assertThat(error.getCause()).isNull();
  }

  private static String writeEvent(File basedir) throws IOException {
    return Files.writeString(
            basedir.toPath().resolveSibling(basedir.getName() + "-event.json"),
            "{\"pull_request\":{\"number\":5}}")
        .toString();
  }

  /** Not in the build log, not in any file the goals wrote, not in what the host stores. */
  private void assertNoTokenIn(File basedir, FakeCodeHost api) throws IOException {
    assertThat(log.text()).doesNotContain(TOKEN).isNotEmpty();
    try (Stream<Path> files = Files.walk(basedir.toPath())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(TOKEN);
      }
    }
    assertThat(api.comments()).allSatisfy(c -> assertThat(c.body()).doesNotContain(TOKEN));
  }
}
