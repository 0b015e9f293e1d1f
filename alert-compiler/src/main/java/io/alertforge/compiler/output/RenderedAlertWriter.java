package io.alertforge.compiler.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.schema.DocumentKind;
import io.alertforge.model.KeikoprojApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes rendered alerts as {@code <dir>/<namespace>/<name>.yaml}, one concrete WavefrontAlert
 * each. The whole directory is staged aside and swapped in at the end, so a failed run leaves the
 * previous output intact and a successful one leaves no stale file.
 */
public final class RenderedAlertWriter {

  private final Yaml yaml;

  public RenderedAlertWriter() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    this.yaml = new Yaml(options);
  }

  public void write(Path directory, List<RenderedAlert> alerts) throws IOException {
    Path staged = AtomicFiles.stagingDirectory(directory);
    try {
      for (RenderedAlert alert : alerts) {
        Path file = staged.resolve(alert.namespace()).resolve(alert.name() + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toYaml(alert), StandardCharsets.UTF_8);
      }
      AtomicFiles.replaceDirectory(staged, directory);
    } finally {
      AtomicFiles.deleteTree(staged);
    }
  }

  /** The file content: a header naming the sources, then the object. Byte-stable. */
  public String toYaml(RenderedAlert alert) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", alert.name());
    metadata.put("namespace", alert.namespace());
    metadata.put("labels", new LinkedHashMap<>(alert.labels()));
    metadata.put("annotations", new LinkedHashMap<>(alert.annotations()));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", KeikoprojApi.API_VERSION);
    document.put("kind", DocumentKind.WAVEFRONT_ALERT.kind());
    document.put("metadata", metadata);
    document.put("spec", plain(alert.spec()));
    return "# Rendered by AlertForge. Do not edit: change the sources named in the annotations.\n"
        + yaml.dump(document);
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
