package io.alertforge.compiler.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.schema.DocumentKind;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.YamlDocument;
import java.util.List;

/**
 * A WavefrontAlert or AlertsConfig document as found in the repository, with the schema errors it
 * has (already reported). A document with schema errors still counts as existing (so references to
 * it do not cascade into more errors) and is still checked and rendered as far as its valid fields
 * go; what it renders is marked invalid.
 */
public record AlertSource(
    DocumentKind kind,
    YamlDocument document,
    String namespace,
    String name,
    List<FieldError> schemaErrors) {

  public AlertSource {
    schemaErrors = List.copyOf(schemaErrors);
  }

  /** True when the document broke no schema rule. */
  public boolean valid() {
    return schemaErrors.isEmpty();
  }

  /**
   * True when a schema error concerns the node at {@code pointer}: that node, one inside it, or one
   * that holds it.
   */
  public boolean brokenAt(String pointer) {
    return schemaErrors.stream().anyMatch(e -> FieldPaths.related(e.field(), pointer));
  }

  /** The schema errors as reported. */
  public List<Diagnostic> errors() {
    return schemaErrors.stream().map(FieldError::diagnostic).toList();
  }

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
