package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The event that started a GitHub Actions run: the JSON file named by GITHUB_EVENT_PATH. */
final class GitHubEvent {

  private GitHubEvent() {}

  /** The event, or null when GITHUB_EVENT_PATH is not set. */
  static JsonNode read(Map<String, String> env) throws ApiException {
    String path = env.get("GITHUB_EVENT_PATH");
    if (path == null || path.isBlank()) {
      return null;
    }
    try {
      return ApiClient.JSON.readTree(Files.readAllBytes(Path.of(path)));
    } catch (IOException e) {
      throw new ApiException(
          "cannot read the GitHub event file GITHUB_EVENT_PATH=" + path + ": " + e.getMessage());
    }
  }
}
