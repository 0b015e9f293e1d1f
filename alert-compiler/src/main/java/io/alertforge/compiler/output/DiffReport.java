package io.alertforge.compiler.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.alertforge.compiler.diff.AlertDiff;
import io.alertforge.compiler.diff.DiffJson;
import io.alertforge.compiler.diff.DiffMarkdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes {@code diff.md} (for the pull request) and {@code diff.json} (the full change). */
public final class DiffReport {

  public static final String MARKDOWN = "diff.md";
  public static final String JSON = "diff.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiffReport() {}

  /**
   * @param fullReport how the reader of the Markdown finds diff.json, when sections are left out
   */
  public static void write(Path directory, AlertDiff diff, String fullReport) throws IOException {
    AtomicFiles.write(
        directory.resolve(JSON),
        (MAPPER.writeValueAsString(DiffJson.of(diff)) + "\n").getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(
        directory.resolve(MARKDOWN),
        DiffMarkdown.render(diff, fullReport, DiffMarkdown.DEFAULT_LIMIT)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** diff.md for when there is no diff to show, saying why and how to get one. */
  public static void writeUnavailable(Path directory, String reason) throws IOException {
    AtomicFiles.write(
        directory.resolve(MARKDOWN),
        ("### AlertForge: alert changes\n\n> [!WARNING]\n> No diff: "
                + DiffMarkdown.escape(reason)
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(
        directory.resolve(JSON),
        (MAPPER.writeValueAsString(
                    MAPPER
                        .createObjectNode()
                        .put("schemaVersion", DiffJson.SCHEMA_VERSION)
                        .put("unavailable", reason))
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }
}
