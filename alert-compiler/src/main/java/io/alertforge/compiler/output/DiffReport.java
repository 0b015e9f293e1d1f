package io.alertforge.compiler.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diff.AlertDiff;
import io.alertforge.compiler.diff.CommentHeader;
import io.alertforge.compiler.diff.DiffJson;
import io.alertforge.compiler.diff.DiffMarkdown;
import io.alertforge.compiler.diff.RequestChanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    writeJson(directory, diff);
    writeMarkdown(directory, DiffMarkdown.render(diff, fullReport, DiffMarkdown.DEFAULT_LIMIT));
  }

  /**
   * As {@link #write(Path, AlertDiff, String)}, for a pull-request comment: diff.md starts with the
   * {@link CommentHeader} (the head's lint verdict, the Wavefront alerts deleted, the commits, the
   * CI run) and ends with the change of each changed alert's Wavefront request ({@link
   * RequestChanges}).
   *
   * @param headDiagnostics every finding of the head, for the verdict
   */
  public static void write(
      Path directory,
      AlertDiff diff,
      String fullReport,
      CommentHeader.Context context,
      List<Diagnostic> headDiagnostics)
      throws IOException {
    writeJson(directory, diff);
    writeMarkdown(
        directory,
        DiffMarkdown.render(
            diff,
            fullReport,
            DiffMarkdown.DEFAULT_LIMIT,
            CommentHeader.render(context, headDiagnostics, diff),
            RequestChanges.sections(diff, context)));
  }

  /**
   * diff.md for when there is no diff to show, saying why and how to get one, under the header.
   *
   * @param reason without any local path: it is posted to the pull request
   */
  public static void writeUnavailable(
      Path directory, String reason, CommentHeader.Context context, List<Diagnostic> diagnostics)
      throws IOException {
    writeMarkdown(
        directory,
        DiffMarkdown.TITLE
            + CommentHeader.render(context, diagnostics)
            + "> [!WARNING]\n> No diff: "
            + DiffMarkdown.escape(reason)
            + "\n");
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

  /**
   * Removes diff.md and diff.json, at the start of a run: a run that fails leaves none, rather than
   * the previous run's for a comment to post.
   */
  public static void remove(Path directory) throws IOException {
    Files.deleteIfExists(directory.resolve(MARKDOWN));
    Files.deleteIfExists(directory.resolve(JSON));
  }

  private static void writeJson(Path directory, AlertDiff diff) throws IOException {
    AtomicFiles.write(
        directory.resolve(JSON),
        (MAPPER.writeValueAsString(DiffJson.of(diff)) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void writeMarkdown(Path directory, String markdown) throws IOException {
    AtomicFiles.write(directory.resolve(MARKDOWN), markdown.getBytes(StandardCharsets.UTF_8));
  }
}
