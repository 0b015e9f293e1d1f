package io.alertforge.maven;

import io.alertforge.compiler.output.DiffReport;
import io.alertforge.maven.comment.ApiException;
import io.alertforge.maven.comment.PullRequests;
import io.alertforge.maven.comment.StickyComment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Posts {@code diff.md} (written by alert:diff) as one comment on the pull request (GitHub) or
 * merge request (GitLab), and updates that same comment on every later run. Outside a pull request
 * it has nothing to do and succeeds.
 */
@Mojo(
    name = "comment",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresProject = false,
    threadSafe = true)
public class CommentMojo extends AbstractMojo {

  /** Where alert:diff wrote diff.md; the same default as the other goals. */
  @Parameter(property = "alert.output")
  File output;

  /** Skips the goal. */
  @Parameter(property = "alert.skip", defaultValue = "false")
  boolean skip;

  /** The pull-request (GitHub) or merge-request IID (GitLab) number; default: from the CI job. */
  @Parameter(property = "alert.pr")
  String pr;

  /** {@code github} or {@code gitlab}; default: detected from the CI job's variables. */
  @Parameter(property = "alert.commentHost")
  String commentHost;

  /** The environment variable holding the token. Default: GITHUB_TOKEN, or GITLAB_TOKEN. */
  @Parameter(property = "alert.tokenVariable")
  String tokenVariable;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The process environment; replaced in tests. */
  Map<String, String> environment = System.getenv();

  /** The first retry's delay in milliseconds; shortened in tests. */
  long backoffMillis = 2_000;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipping: alert.skip is set");
      return;
    }
    try {
      PullRequests.Detection detection =
          PullRequests.detect(
              environment,
              new PullRequests.Settings(commentHost, pr, tokenVariable),
              backoffMillis,
              getLog()::warn);
      if (detection.pullRequest() == null) {
        getLog().info("Nothing to comment on: " + detection.nothingToDo());
        return;
      }
      File diff =
          new File(
              output != null ? output : AbstractAlertMojo.defaultOutput(project, session),
              DiffReport.MARKDOWN);
      if (!diff.isFile()) {
        throw new MojoExecutionException(
            "No " + diff + " to post: run alert:diff first, e.g. mvn alert:diff alert:comment");
      }
      String markdown = Files.readString(diff.toPath(), StandardCharsets.UTF_8);
      StickyComment.Outcome outcome = StickyComment.post(detection.pullRequest(), markdown);
      getLog()
          .info(
              "Alert diff comment "
                  + outcome.name().toLowerCase(java.util.Locale.ROOT)
                  + " on "
                  + detection.pullRequest().describe());
    } catch (ApiException e) {
      throw new MojoExecutionException("Cannot post the alert diff: " + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the alert diff: " + e.getMessage(), e);
    }
  }
}
