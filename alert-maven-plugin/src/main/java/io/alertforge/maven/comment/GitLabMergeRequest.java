package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GitLab merge request's notes, through the REST API v4. Pages are followed through the {@code
 * X-Next-Page} header.
 */
final class GitLabMergeRequest implements PullRequest {

  private final ApiClient api;
  private final String project;
  private final String iid;
  private final String path;

  GitLabMergeRequest(ApiClient api, String project, String iid) {
    this.api = api;
    this.project = project;
    this.iid = iid;
    this.path =
        "/projects/"
            + URLEncoder.encode(project, StandardCharsets.UTF_8)
            + "/merge_requests/"
            + iid
            + "/notes";
  }

  @Override
  public String describe() {
    return "GitLab project " + project + " !" + iid;
  }

  @Override
  public List<Comment> comments() throws ApiException {
    List<Comment> comments = new ArrayList<>();
    String page = "1";
    while (page != null && !page.isBlank()) {
      ApiClient.Response response =
          api.send(
              "GET",
              path + "?sort=asc&order_by=created_at&per_page=100&page=" + page,
              null,
              Map.of());
      if (response.body() != null) {
        for (JsonNode note : response.body()) {
          if (!note.path("system").asBoolean(false)) {
            comments.add(new Comment(note.path("id").asText(), note.path("body").asText("")));
          }
        }
      }
      page = response.header("X-Next-Page").orElse(null);
    }
    return comments;
  }

  @Override
  public void create(String body) throws ApiException {
    api.send("POST", path, ApiClient.JSON.createObjectNode().put("body", body), Map.of());
  }

  @Override
  public void update(String id, String body) throws ApiException {
    api.send("PUT", path + "/" + id, ApiClient.JSON.createObjectNode().put("body", body), Map.of());
  }
}
