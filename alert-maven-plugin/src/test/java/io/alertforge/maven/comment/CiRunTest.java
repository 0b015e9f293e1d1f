package io.alertforge.maven.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiRunTest {

  private static final String MERGE = "feedfacefeedfacefeedfacefeedfacefeedface";
  private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void gitHubPrefersThePullRequestHeadToTheMergeCommit(@TempDir Path dir) throws Exception {
    Path pr =
        Files.writeString(
            dir.resolve("pr.json"), "{\"pull_request\":{\"head\":{\"sha\":\"" + HEAD + "\"}}}");
    Path push = Files.writeString(dir.resolve("push.json"), "{\"ref\":\"refs/heads/main\"}");
    Map<String, String> env =
        Map.of(
            "GITHUB_ACTIONS", "true",
            "GITHUB_REPOSITORY", "acme/alerts",
            "GITHUB_SERVER_URL", "https://github.example.com/",
            "GITHUB_RUN_ID", "42",
            "GITHUB_SHA", MERGE,
            "GITHUB_EVENT_PATH", pr.toString());

    CiRun run = CiRun.detect(env);

    assertThat(run.headCommit()).isEqualTo(HEAD);
    assertThat(run.runUrl()).isEqualTo("https://github.example.com/acme/alerts/actions/runs/42");
    assertThat(run.links("alerts").file(HEAD, "a.yaml", 3))
        .isEqualTo("https://github.example.com/acme/alerts/blob/" + HEAD + "/alerts/a.yaml#L3");
    Map<String, String> onPush = new java.util.HashMap<>(env);
    onPush.put("GITHUB_EVENT_PATH", push.toString());
    assertThat(CiRun.detect(onPush).headCommit()).isEqualTo(MERGE);
  }

  @Test
  void gitLabTakesTheJobLinkElseThePipelinesAndIgnoresWhatIsNotACommitOrUrl() throws Exception {
    Map<String, String> job =
        Map.of(
            "GITLAB_CI", "true",
            "CI_COMMIT_SHA", HEAD,
            "CI_JOB_URL", "https://gitlab.example.com/p/a/-/jobs/7",
            "CI_PIPELINE_URL", "https://gitlab.example.com/p/a/-/pipelines/3",
            "CI_PROJECT_URL", "https://gitlab.example.com/p/a");
    Map<String, String> pipeline =
        Map.of(
            "GITLAB_CI", "true",
            "CI_COMMIT_SHA", "HEAD; rm -rf /",
            "CI_PIPELINE_URL", "https://gitlab.example.com/p/a/-/pipelines/3",
            "CI_PROJECT_URL", "javascript:alert(1)");

    assertThat(CiRun.detect(job).runUrl()).isEqualTo("https://gitlab.example.com/p/a/-/jobs/7");
    assertThat(CiRun.detect(job).links("").commit(HEAD))
        .isEqualTo("https://gitlab.example.com/p/a/-/commit/" + HEAD);
    CiRun odd = CiRun.detect(pipeline);
    assertThat(odd.runUrl()).isEqualTo("https://gitlab.example.com/p/a/-/pipelines/3");
    assertThat(odd.headCommit()).isNull();
    assertThat(odd.links("")).isNull();
    assertThat(CiRun.detect(Map.of())).isEqualTo(CiRun.none());
  }
}
