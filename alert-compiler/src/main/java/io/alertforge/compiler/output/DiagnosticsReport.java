package io.alertforge.compiler.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code diagnostics.json}: an array of {@code {file, line, column, severity, rule, message}}, the
 * machine-readable twin of the printed lines. Its shape is an interface.
 */
public final class DiagnosticsReport {

  public static final String FILE_NAME = "diagnostics.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiagnosticsReport() {}

  public static void write(Path file, List<Diagnostic> diagnostics) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (Diagnostic diagnostic : diagnostics) {
      array
          .addObject()
          .put("file", diagnostic.position().file())
          .put("line", diagnostic.position().line())
          .put("column", diagnostic.position().column())
          .put("severity", diagnostic.severity().label())
          .put("rule", diagnostic.rule())
          .put("message", diagnostic.message());
    }
    AtomicFiles.write(
        file, (JSON.writeValueAsString(array) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
