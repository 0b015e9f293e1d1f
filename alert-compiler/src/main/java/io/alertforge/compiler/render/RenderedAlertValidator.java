package io.alertforge.compiler.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.schema.DocumentKind;
import io.alertforge.compiler.schema.SchemaValidator;
import io.alertforge.compiler.schema.SchemaViolation;
import io.alertforge.model.KeikoprojApi;
import java.util.List;

/** Checks a rendered alert against the same schema as the sources: one set of rules for both. */
public final class RenderedAlertValidator {

  private final SchemaValidator schemas;

  public RenderedAlertValidator(SchemaValidator schemas) {
    this.schemas = schemas;
  }

  List<SchemaViolation> validate(String namespace, String name, ObjectNode spec) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("apiVersion", KeikoprojApi.API_VERSION);
    document.put("kind", DocumentKind.WAVEFRONT_ALERT.kind());
    document.putObject("metadata").put("name", name).put("namespace", namespace);
    document.set("spec", spec);
    return schemas.validate(DocumentKind.WAVEFRONT_ALERT, document);
  }
}
