package io.alertforge.maven.comment;

import java.util.Optional;

/**
 * One comment per pull request, found again on every run by a hidden marker and updated in place,
 * so a pull request never collects a stack of stale diffs.
 */
public final class StickyComment {

  public static final String MARKER = "<!-- alertforge:diff -->";

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private StickyComment() {}

  public static Outcome post(PullRequest pullRequest, String markdown) throws ApiException {
    String body = MARKER + "\n" + markdown;
    Optional<PullRequest.Comment> existing =
        pullRequest.comments().stream().filter(c -> c.body().contains(MARKER)).findFirst();
    if (existing.isEmpty()) {
      pullRequest.create(body);
      return Outcome.CREATED;
    }
    if (existing.get().body().equals(body)) {
      return Outcome.UNCHANGED;
    }
    pullRequest.update(existing.get().id(), body);
    return Outcome.UPDATED;
  }
}
