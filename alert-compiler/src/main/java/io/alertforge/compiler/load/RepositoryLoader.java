package io.alertforge.compiler.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.FieldError;
import io.alertforge.compiler.model.RepositoryConfig;
import io.alertforge.compiler.schema.DocumentKind;
import io.alertforge.compiler.schema.SchemaValidator;
import io.alertforge.compiler.schema.SchemaViolation;
import io.alertforge.compiler.source.FileSystemSourceTree;
import io.alertforge.compiler.source.RepositoryScanner;
import io.alertforge.compiler.source.SafeYamlReader;
import io.alertforge.compiler.source.SourceText;
import io.alertforge.compiler.source.SourceTree;
import io.alertforge.compiler.source.YamlDocument;
import io.alertforge.model.KeikoprojApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a directory into the alert documents it holds: reads {@code alertforge.yaml}, every YAML
 * file, keeps the documents of alertmanager.keikoproj.io's two kinds, validates each one against
 * its schema and resolves its namespace.
 */
public final class RepositoryLoader {

  private final SchemaValidator validator;
  private final SafeYamlReader reader;

  public RepositoryLoader(SchemaValidator validator, SafeYamlReader reader) {
    this.validator = validator;
    this.reader = reader;
  }

  public LoadedRepository load(Path root, Diagnostics diagnostics) throws IOException {
    return load(new FileSystemSourceTree(root), diagnostics);
  }

  public LoadedRepository load(SourceTree root, Diagnostics diagnostics) throws IOException {
    Map<String, SourceText> texts = new HashMap<>();
    RepositoryConfig config = readConfig(root, diagnostics, texts);
    List<String> files = root.yamlFiles(diagnostics);
    // Files are parsed and validated in parallel, then merged in file order, so the result
    // does not depend on scheduling.
    List<FileResult> results =
        files.parallelStream().map(file -> loadFile(root, file, config)).toList();
    List<AlertSource> wavefrontAlerts = new ArrayList<>();
    List<AlertSource> alertsConfigs = new ArrayList<>();
    Map<String, AlertSource> byIdentity = new HashMap<>();
    for (FileResult result : results) {
      diagnostics.addAll(result.diagnostics());
      if (result.text() != null) {
        texts.put(result.text().path(), result.text());
      }
      for (AlertSource source : result.sources()) {
        AlertSource first =
            byIdentity.putIfAbsent(source.kind() + "/" + source.qualifiedName(), source);
        if (first != null) {
          diagnostics.report(
              Rules.ALERT_DUPLICATE_RESOURCE,
              source.document().valueAt("/metadata/name"),
              source.kind().kind()
                  + " "
                  + source.qualifiedName()
                  + " is also defined at "
                  + first.document().valueAt("/metadata/name")
                  + "; rename one of them");
        } else if (source.kind() == DocumentKind.WAVEFRONT_ALERT) {
          wavefrontAlerts.add(source);
        } else {
          alertsConfigs.add(source);
        }
      }
    }
    return new LoadedRepository(
        config,
        List.copyOf(wavefrontAlerts),
        List.copyOf(alertsConfigs),
        files.size(),
        Map.copyOf(texts));
  }

  /** A file's alert documents and findings, and its text (null when it held no document). */
  private record FileResult(List<AlertSource> sources, Diagnostics diagnostics, SourceText text) {}

  private FileResult loadFile(SourceTree root, String file, RepositoryConfig config) {
    Diagnostics diagnostics = new Diagnostics();
    List<AlertSource> sources = new ArrayList<>();
    List<YamlDocument> documents = readFile(root, file, diagnostics);
    for (YamlDocument document : documents) {
      AlertSource source = classify(document, config, diagnostics);
      if (source != null) {
        sources.add(source);
      }
    }
    return new FileResult(
        sources, diagnostics, documents.isEmpty() ? null : documents.get(0).source());
  }

  private List<YamlDocument> readFile(SourceTree root, String file, Diagnostics diagnostics) {
    try {
      return reader.read(file, root.read(file), diagnostics);
    } catch (IOException | OutOfMemoryError e) {
      diagnostics.report(
          Rules.INPUT_UNREADABLE,
          SourcePosition.ofFile(file),
          "cannot read: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
      return List.of();
    }
  }

  private RepositoryConfig readConfig(
      SourceTree root, Diagnostics diagnostics, Map<String, SourceText> texts) {
    if (!root.isFile(RepositoryScanner.CONFIG_FILE)) {
      return RepositoryConfig.EMPTY;
    }
    List<YamlDocument> documents = readFile(root, RepositoryScanner.CONFIG_FILE, diagnostics);
    if (documents.isEmpty()) {
      return RepositoryConfig.EMPTY;
    }
    YamlDocument document = documents.get(0);
    texts.put(RepositoryScanner.CONFIG_FILE, document.source());
    if (!report(DocumentKind.REPOSITORY_CONFIG, document, diagnostics).isEmpty()) {
      return RepositoryConfig.EMPTY;
    }
    JsonNode namespace = document.content().path("defaultNamespace");
    return new RepositoryConfig(
        namespace.isTextual() ? Optional.of(namespace.asText()) : Optional.empty(), document);
  }

  private AlertSource classify(
      YamlDocument document, RepositoryConfig config, Diagnostics diagnostics) {
    JsonNode content = document.content();
    String apiVersion = content.path("apiVersion").asText("");
    String kindName = content.path("kind").asText("");
    DocumentKind kind =
        kindName.equals(DocumentKind.WAVEFRONT_ALERT.kind())
            ? DocumentKind.WAVEFRONT_ALERT
            : kindName.equals(DocumentKind.ALERTS_CONFIG.kind())
                ? DocumentKind.ALERTS_CONFIG
                : null;
    boolean ourGroup = apiVersion.startsWith(KeikoprojApi.GROUP + "/");
    if (kind == null || !apiVersion.equals(KeikoprojApi.API_VERSION)) {
      if (ourGroup || kind != null) {
        diagnostics.report(
            Rules.SCHEMA_API_VERSION,
            document.valueAt(ourGroup ? "/apiVersion" : "/kind"),
            "unknown "
                + (apiVersion.isEmpty() ? "(no apiVersion)" : apiVersion)
                + " "
                + kindName
                + ": AlertForge reads "
                + KeikoprojApi.API_VERSION
                + " "
                + KeikoprojApi.WAVEFRONT_ALERT_KIND
                + " and "
                + KeikoprojApi.ALERTS_CONFIG_KIND);
      } else {
        diagnostics.report(
            Rules.INPUT_IGNORED,
            document.valueAt(""),
            content.isObject() && !kindName.isEmpty()
                ? "ignored " + kindName + " (" + apiVersion + "): not an alert"
                : "ignored a YAML document that is not a Kubernetes object (no apiVersion and kind)");
      }
      return null;
    }
    List<FieldError> errors = report(kind, document, diagnostics);
    String name = content.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      return null;
    }
    JsonNode namespace = content.path("metadata").path("namespace");
    if (namespace.isTextual()) {
      return new AlertSource(kind, document, namespace.asText(), name, errors);
    }
    if (config.defaultNamespace().isPresent()) {
      return new AlertSource(kind, document, config.defaultNamespace().get(), name, errors);
    }
    diagnostics.report(
        Rules.METADATA_NAMESPACE,
        document.keyAt("/metadata"),
        kindName
            + " "
            + name
            + " has no metadata.namespace; set it, or set defaultNamespace in "
            + RepositoryScanner.CONFIG_FILE);
    return null;
  }

  /** Reports the schema violations of a document, and returns them with the fields they concern. */
  private List<FieldError> report(
      DocumentKind kind, YamlDocument document, Diagnostics diagnostics) {
    List<FieldError> errors = new ArrayList<>();
    for (SchemaViolation violation : validator.validate(kind, document.content())) {
      SourcePosition position =
          violation.atKey()
              ? document.keyAt(violation.pointer())
              : document.valueAt(violation.pointer());
      errors.add(
          new FieldError(
              violation.field(),
              diagnostics.report(violation.rule(), position, violation.message())));
    }
    return errors;
  }
}
