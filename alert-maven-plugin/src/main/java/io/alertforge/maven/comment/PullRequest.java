package io.alertforge.maven.comment;

import java.util.List;

/** The comments of one pull request (GitHub) or merge request (GitLab). */
public interface PullRequest {

  /** One existing comment. */
  record Comment(String id, String body) {}

  /** Where it is, for log lines: e.g. {@code GitHub owner/repo#12}. */
  String describe();

  /** Every comment, all pages. */
  List<Comment> comments() throws ApiException;

  void create(String body) throws ApiException;

  void update(String id, String body) throws ApiException;
}
