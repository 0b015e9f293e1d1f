package io.alertforge.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.model.AlertType;
import io.alertforge.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates documents against the JSON Schemas of the schemas module, compiled once, and turns the
 * validator's errors into violations with a rule id, the exact node, and a message that says how to
 * fix it.
 */
public final class SchemaValidator {

  private static final String SCHEMA_BASE = "https://alertforge.io/schemas/";
  private static final String RESOURCE_BASE = "io/alertforge/schemas/";
  private static final Set<String> WRAPPER_KEYWORDS =
      Set.of("if", "then", "else", "$ref", "allOf", "anyOf", "oneOf");

  private final Map<DocumentKind, Schema> schemas = new EnumMap<>(DocumentKind.class);
  private final Map<DocumentKind, JsonNode> rawSchemas = new EnumMap<>(DocumentKind.class);
  private final JsonNode metadataSchema;

  public SchemaValidator() {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .locale(Locale.ENGLISH)
                            .build())
                    .schemaIdResolvers(
                        resolvers ->
                            resolvers.mapPrefix(SCHEMA_BASE, "classpath:" + RESOURCE_BASE)));
    for (DocumentKind kind : DocumentKind.values()) {
      Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + kind.schemaFile()));
      schema.initializeValidators();
      schemas.put(kind, schema);
      rawSchemas.put(kind, readResource(kind.schemaFile()));
    }
    metadataSchema = readResource("metadata.schema.json");
  }

  /**
   * Every violation of the document, in document order. A null where the schema wants a mapping
   * ({@code globalParams:} with no value) is read as an empty mapping first, in the document
   * itself: the API server prunes such a null, and keikoproj's controller reads the missing map as
   * empty.
   */
  public List<SchemaViolation> validate(DocumentKind kind, JsonNode document) {
    List<Error> errors = schemas.get(kind).validate(document);
    if (errors.isEmpty()) {
      return List.of();
    }
    if (nullMappingsAsEmpty(document, errors)) {
      errors = schemas.get(kind).validate(document);
    }
    List<SchemaViolation> violations = new ArrayList<>();
    String alertType = document.path("spec").path("alertType").asText("");
    for (Error error : errors) {
      if (!WRAPPER_KEYWORDS.contains(error.getKeyword())) {
        violations.add(describe(kind, error, alertType));
      }
    }
    violations.sort(Comparator.comparing(SchemaViolation::pointer));
    return violations;
  }

  /** Replaces each null the schema wants a mapping for with an empty one; true when any. */
  private static boolean nullMappingsAsEmpty(JsonNode document, List<Error> errors) {
    boolean replaced = false;
    for (Error error : errors) {
      JsonNode value = error.getInstanceNode();
      String pointer = error.getInstanceLocation().toString();
      int slash = pointer.lastIndexOf('/');
      if ("type".equals(error.getKeyword())
          && (value == null || value.isNull())
          && "object".equals(error.getSchemaNode().asText())
          && slash >= 0
          && document.at(pointer.substring(0, slash)) instanceof ObjectNode parent) {
        List<String> segments = FieldPaths.segments(pointer);
        parent.putObject(segments.get(segments.size() - 1));
        replaced = true;
      }
    }
    return replaced;
  }

  private SchemaViolation describe(DocumentKind kind, Error error, String alertType) {
    String pointer = error.getInstanceLocation().toString();
    String field = FieldPaths.dotted(pointer);
    JsonNode value = error.getInstanceNode();
    JsonNode schemaNode = error.getSchemaNode();
    return switch (error.getKeyword()) {
      case "required" ->
          new SchemaViolation(
              Rules.SCHEMA_REQUIRED,
              pointer,
              true,
              "missing required field '" + error.getProperty() + "' in " + orDocument(field),
              pointer + "/" + FieldPaths.escape(error.getProperty()));
      case "additionalProperties" -> unknownField(kind, pointer, error.getProperty());
      case "type" ->
          new SchemaViolation(
              Rules.SCHEMA_TYPE, pointer, false, typeMessage(field, value, schemaNode));
      case "enum", "const" ->
          new SchemaViolation(
              Rules.SCHEMA_ENUM,
              pointer,
              false,
              field
                  + " is "
                  + quote(value)
                  + "; allowed: "
                  + allowed(schemaNode)
                  + caseHint(value, schemaNode));
      case "minimum" -> range(pointer, field, value, "must be at least " + schemaNode);
      case "maximum" -> range(pointer, field, value, "must be at most " + schemaNode);
      case "maxLength" ->
          range(pointer, field, value, "must be at most " + schemaNode + " characters long");
      case "pattern" -> patternViolation(pointer, field, value, schemaNode.asText());
      case "minProperties" ->
          new SchemaViolation(Rules.SCHEMA_EMPTY, pointer, false, field + " must not be empty");
      case "false" -> alertTypeField(pointer, field, alertType);
      case "propertyNames" ->
          new SchemaViolation(
              Rules.SCHEMA_PATTERN,
              pointer + "/" + FieldPaths.escape(error.getProperty()),
              true,
              "'"
                  + error.getProperty()
                  + "' in "
                  + field
                  + " is not a valid object name: "
                  + NAME_RULE);
      default ->
          new SchemaViolation(
              Rules.SCHEMA_INVALID, pointer, false, orDocument(field) + ": " + error.getMessage());
    };
  }

  /**
   * A field the schema forbids for the document's alertType (the only false schemas): THRESHOLD has
   * per-severity maps instead of CLASSIC's single condition, severity and target.
   */
  private static SchemaViolation alertTypeField(String pointer, String field, String alertType) {
    String message =
        AlertType.THRESHOLD.name().equals(alertType)
            ? field
                + " is not used by alertType THRESHOLD, whose condition is its displayExpression:"
                + " write conditions and targets per severity (severe, warn, info, smoke)"
            : field
                + " is only for alertType THRESHOLD: set alertType: THRESHOLD, or write a"
                + " condition, severity and target";
    return new SchemaViolation(Rules.SCHEMA_ALERT_TYPE_FIELD, pointer, true, message);
  }

  private static final String NAME_RULE =
      "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";

  private static SchemaViolation range(String pointer, String field, JsonNode value, String bound) {
    return new SchemaViolation(
        Rules.SCHEMA_RANGE, pointer, false, field + " is " + quote(value) + ", but " + bound);
  }

  private SchemaViolation patternViolation(
      String pointer, String field, JsonNode value, String pattern) {
    if (pattern.equals("\\S")) {
      return new SchemaViolation(
          Rules.SCHEMA_EMPTY, pointer, false, field + " must not be empty or blank");
    }
    if (pattern.contains("severe|warn|info|smoke")) {
      return new SchemaViolation(
          Rules.SCHEMA_ENUM,
          pointer,
          false,
          field
              + " is "
              + quote(value)
              + "; allowed: severe, warn, info, smoke, or a {{ }} placeholder"
              + caseHint(value, null));
    }
    return new SchemaViolation(
        Rules.SCHEMA_PATTERN,
        pointer,
        false,
        field + " is " + quote(value) + ", not a valid name: " + NAME_RULE);
  }

  private SchemaViolation unknownField(DocumentKind kind, String parent, String property) {
    String pointer = parent + "/" + FieldPaths.escape(property);
    Set<String> known = knownFields(kind, parent);
    StringBuilder message =
        new StringBuilder(
            "unknown field '" + property + "' in " + orDocument(FieldPaths.dotted(parent)));
    if (kind != DocumentKind.REPOSITORY_CONFIG) {
      message.append(" (the CRD would drop it silently)");
    }
    String suggestion = FieldPaths.closest(property, known);
    if (suggestion != null) {
      message.append("; did you mean '").append(suggestion).append("'?");
    } else if (!known.isEmpty()) {
      message.append("; known fields: ").append(String.join(", ", known));
    }
    return new SchemaViolation(Rules.SCHEMA_UNKNOWN_FIELD, pointer, true, message.toString());
  }

  /** The field names a schema allows at an instance location, found by walking the raw schema. */
  private Set<String> knownFields(DocumentKind kind, String pointer) {
    JsonNode root = rawSchemas.get(kind);
    JsonNode node = resolve(root, root);
    for (String segment : FieldPaths.segments(pointer)) {
      JsonNode properties = node.path("properties");
      if (properties.has(segment)) {
        node = resolve(root, properties.get(segment));
      } else if (node.path("additionalProperties").isObject()) {
        node = resolve(root, node.get("additionalProperties"));
      } else {
        return Set.of();
      }
      if (node == metadataSchema) {
        root = metadataSchema;
      }
    }
    Set<String> names = new TreeSet<>();
    node.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      current = ref.startsWith("#") ? root.at(ref.substring(1)) : metadataSchema;
    }
    return current;
  }

  private static String typeMessage(String field, JsonNode value, JsonNode schemaNode) {
    String expected = schemaNode.asText();
    if (value == null || value.isNull()) {
      return field
          + " is empty (null), but must be "
          + article(expected)
          + ("string".equals(expected)
              ? "; write '' for an empty string, or remove the field"
              : "");
    }
    String found =
        value.isTextual()
            ? "string"
            : value.isIntegralNumber()
                ? "integer"
                : value.isNumber()
                    ? "number"
                    : value.isBoolean() ? "boolean" : value.isArray() ? "list" : "mapping";
    String hint = "";
    if ("string".equals(expected) && value.isValueNode()) {
      hint = "; quote it: \"" + value.asText() + "\"";
    } else if ("integer".equals(expected) && value.isTextual()) {
      hint =
          value.asText().contains("{{")
              ? "; this field cannot be templated (the CRD requires an integer)"
              : "; remove the quotes";
    }
    return field
        + " must be "
        + article(expected)
        + ", found "
        + article(found)
        + " "
        + quote(value)
        + hint;
  }

  private static String article(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "object" -> "a mapping";
      case "array" -> "a list";
      default -> "a " + type;
    };
  }

  private static String allowed(JsonNode schemaNode) {
    if (schemaNode == null) {
      return "?";
    }
    if (!schemaNode.isArray()) {
      return schemaNode.asText();
    }
    List<String> values = new ArrayList<>();
    schemaNode.forEach(v -> values.add(v.asText()));
    return String.join(", ", values);
  }

  private static String caseHint(JsonNode value, JsonNode schemaNode) {
    if (value == null || !value.isTextual()) {
      return "";
    }
    String lower = value.asText().toLowerCase(Locale.ROOT);
    boolean lowerIsAllowed =
        schemaNode == null
            ? Severity.ofKeikoproj(lower).isPresent()
            : schemaNode.isArray() && schemaNode.toString().contains("\"" + lower + "\"");
    return lowerIsAllowed && !lower.equals(value.asText())
        ? " (keikoproj accepts lower case only: write '" + lower + "')"
        : "";
  }

  private static String quote(JsonNode value) {
    return value == null
        ? "null"
        : value.isTextual() ? "'" + value.asText() + "'" : value.toString();
  }

  private static String orDocument(String field) {
    return field.isEmpty() ? "the document" : field;
  }

  private static JsonNode readResource(String file) {
    try (InputStream in =
        SchemaValidator.class.getClassLoader().getResourceAsStream(RESOURCE_BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("schema " + file + " is missing from the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
