package io.alertforge.compiler.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.RuleCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code alertforge.sarif}: SARIF 2.1.0 for GitHub code scanning, with every rule's metadata and
 * help (its documentation and examples) and one result per finding. File URIs are relative to
 * {@code %SRCROOT%}, the alert source, after an optional prefix (the source's path in the
 * repository) so that code scanning can place them.
 */
public final class SarifReport {

  public static final String FILE_NAME = "alertforge.sarif";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifReport() {}

  /**
   * @param sourceRoot the absolute alert source, for {@code originalUriBaseIds}
   * @param pathPrefix prepended to every file, such as {@code alerts/}; empty for none
   */
  public static void write(
      Path file,
      List<Diagnostic> diagnostics,
      RuleCatalogue catalogue,
      Path sourceRoot,
      String pathPrefix)
      throws IOException {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "AlertForge");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (Rule entry : catalogue.entries()) {
      index.put(entry.id(), index.size());
      ObjectNode rule = rules.addObject();
      rule.put("id", entry.id());
      rule.put("name", name(entry.id()));
      rule.putObject("shortDescription").put("text", entry.summary());
      String description = entry.description().strip().replaceAll("\\s*\\n\\s*", " ");
      rule.putObject("fullDescription").put("text", description);
      ObjectNode help = rule.putObject("help");
      help.put("text", description);
      help.put("markdown", markdown(entry, description));
      rule.putObject("defaultConfiguration").put("level", level(entry.severity()));
      rule.putObject("properties").putArray("tags").add(entry.id().split("/")[0]);
    }
    if (sourceRoot != null) {
      run.putObject("originalUriBaseIds")
          .putObject("%SRCROOT%")
          .put("uri", sourceRoot.toAbsolutePath().toUri().toString());
    }
    ArrayNode results = run.putArray("results");
    for (Diagnostic d : diagnostics) {
      ObjectNode result = results.addObject();
      result.put("ruleId", d.rule());
      Integer ruleIndex = index.get(d.rule());
      if (ruleIndex != null) {
        result.put("ruleIndex", ruleIndex);
      }
      result.put("level", level(d.severity()));
      result.putObject("message").put("text", d.message());
      ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
      location
          .putObject("artifactLocation")
          .put("uri", pathPrefix + d.position().file())
          .put("uriBaseId", "%SRCROOT%");
      if (d.position().line() > 0) {
        ObjectNode region = location.putObject("region").put("startLine", d.position().line());
        if (d.position().column() > 0) {
          region.put("startColumn", d.position().column());
        }
      }
    }
    AtomicFiles.write(file, (JSON.writeValueAsString(log) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String markdown(Rule entry, String description) {
    StringBuilder text = new StringBuilder(description);
    if (!entry.options().isEmpty()) {
      text.append("\n\nOptions (alertforge.yaml, `rules.")
          .append(entry.id())
          .append(".options`):\n");
      new TreeMap<>(entry.options())
          .forEach((k, v) -> text.append("\n- `").append(k).append("`: ").append(v));
    }
    return text.append("\n\nReported:\n\n```yaml\n")
        .append(entry.bad().stripTrailing())
        .append("\n```\n\nFixed:\n\n```yaml\n")
        .append(entry.good().stripTrailing())
        .append("\n```")
        .toString();
  }

  /** {@code policy/metric-allowlist} becomes {@code PolicyMetricAllowlist}. */
  private static String name(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("[/-]")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
