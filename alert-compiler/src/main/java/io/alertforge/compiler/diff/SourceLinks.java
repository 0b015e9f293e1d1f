package io.alertforge.compiler.diff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links into the repository on its code host: a commit, and a file at a line as of a commit.
 *
 * @param repositoryUrl e.g. {@code https://github.com/acme/alerts}
 * @param routePrefix what the host puts between the repository and {@code blob} or {@code commit}:
 *     empty for GitHub, {@code /-} for GitLab
 * @param sourcePrefix the alert source's directory in the repository, "" for its root; the files of
 *     findings and alerts are relative to the alert source
 */
public record SourceLinks(String repositoryUrl, String routePrefix, String sourcePrefix) {

  /**
   * {@code <repositoryUrl>/blob/<sha>/<path>#L<line>}, with {@code
   * ${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}} as the repository's URL.
   */
  public static SourceLinks github(String repositoryUrl, String sourcePrefix) {
    return new SourceLinks(trim(repositoryUrl), "", sourcePrefix);
  }

  /** {@code ${CI_PROJECT_URL}/-/blob/<sha>/<path>#L<line>}. */
  public static SourceLinks gitlab(String projectUrl, String sourcePrefix) {
    return new SourceLinks(trim(projectUrl), "/-", sourcePrefix);
  }

  public String commit(String commit) {
    return repositoryUrl + routePrefix + "/commit/" + commit;
  }

  /**
   * A file of the alert source at a commit; the line is left out when 0 (the whole file).
   *
   * @param file relative to the alert source, with '/' separators
   */
  public String file(String commit, String file, int line) {
    return repositoryUrl
        + routePrefix
        + "/blob/"
        + commit
        + "/"
        + encodePath(repositoryPath(file))
        + (line > 0 ? "#L" + line : "");
  }

  /** The file's path from the repository's root, as a reader of the comment knows it. */
  public String repositoryPath(String file) {
    return sourcePrefix.isEmpty() ? file : sourcePrefix + "/" + file;
  }

  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
