package io.alertforge.compiler.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.schema.DocumentKind;
import io.alertforge.compiler.source.YamlDocument;

/**
 * A WavefrontAlert or AlertsConfig document as found in the repository. {@code valid} is false when
 * the document broke its schema: it still counts as existing (so references to it do not cascade
 * into more errors), but it is not rendered.
 */
public record AlertSource(
    DocumentKind kind, YamlDocument document, String namespace, String name, boolean valid) {

  public JsonNode spec() {
    return document.content().path("spec");
  }

  public String file() {
    return document.file();
  }

  /** {@code namespace/name}, the way kubectl users name an object. */
  public String qualifiedName() {
    return namespace + "/" + name;
  }

  /** A WavefrontAlert with a non-empty exportedParams list is a template; keikoproj's rule. */
  public boolean isTemplate() {
    JsonNode exported = spec().path("exportedParams");
    return exported.isArray() && !exported.isEmpty();
  }
}
