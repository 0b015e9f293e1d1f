package io.alertforge.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CRDs are what the cluster stores; the JSON Schemas are what AlertForge validates against.
 * Both are kept by hand, so this test is what keeps them one source of truth: the same fields,
 * types, formats, enums and required lists, with the JSON Schema allowed only to be stricter
 * (closed objects, bounds, patterns).
 */
class SchemaAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @CsvSource({
    "crds/alertmanager.keikoproj.io_wavefrontalerts.yaml, wavefrontalert.schema.json",
    "crds/alertmanager.keikoproj.io_alertsconfigs.yaml, alertsconfig.schema.json"
  })
  void crdAndJsonSchemaDescribeTheSameSpec(String crdPath, String schemaPath) throws IOException {
    JsonNode crd = crdSchema(crdPath);
    JsonNode schema = read(JSON, schemaPath);

    List<String> differences = new ArrayList<>();
    compare(
        "spec",
        crd.at("/properties/spec"),
        resolve(schema, schema.at("/properties/spec")),
        schema,
        differences);

    assertThat(differences).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "crds/alertmanager.keikoproj.io_wavefrontalerts.yaml, wavefrontalert.schema.json",
    "crds/alertmanager.keikoproj.io_alertsconfigs.yaml, alertsconfig.schema.json"
  })
  void sourceDocumentsHaveEveryTopLevelFieldButStatus(String crdPath, String schemaPath)
      throws IOException {
    Set<String> crdFields = fieldNames(crdSchema(crdPath).get("properties"));
    crdFields.remove("status");

    assertThat(fieldNames(read(JSON, schemaPath).get("properties"))).isEqualTo(crdFields);
  }

  @Test
  void aMissingFieldOrAChangedTypeIsReported() throws IOException {
    JsonNode crd = crdSchema("crds/alertmanager.keikoproj.io_wavefrontalerts.yaml");
    ObjectNode schema = (ObjectNode) read(JSON, "wavefrontalert.schema.json");
    ObjectNode specProperties = (ObjectNode) schema.at("/$defs/spec/properties");
    specProperties.remove("target");
    specProperties.putObject("minutes").put("type", "string");

    List<String> differences = new ArrayList<>();
    compare(
        "spec",
        crd.at("/properties/spec"),
        resolve(schema, schema.at("/properties/spec")),
        schema,
        differences);

    assertThat(differences)
        .containsExactlyInAnyOrder(
            "spec: fields differ: CRD has [target] only, JSON Schema has [] only",
            "spec.minutes: type integer in the CRD, string in the JSON Schema",
            "spec.minutes: format int32 in the CRD, null in the JSON Schema");
  }

  @Test
  void crdsServeTheKeikoprojGroupAndNames() throws IOException {
    JsonNode wavefront = read(YAML, "crds/alertmanager.keikoproj.io_wavefrontalerts.yaml");
    JsonNode alertsConfig = read(YAML, "crds/alertmanager.keikoproj.io_alertsconfigs.yaml");

    assertThat(wavefront.at("/spec/group").asText()).isEqualTo("alertmanager.keikoproj.io");
    assertThat(wavefront.at("/spec/names/shortNames/0").asText()).isEqualTo("wfalerts");
    assertThat(wavefront.at("/spec/versions/0/subresources/status").isObject()).isTrue();
    assertThat(alertsConfig.at("/metadata/name").asText())
        .isEqualTo("alertsconfigs.alertmanager.keikoproj.io");
    assertThat(alertsConfig.at("/spec/scope").asText()).isEqualTo("Namespaced");
  }

  private static void compare(
      String path, JsonNode crd, JsonNode schema, JsonNode root, List<String> differences) {
    String crdType = crd.path("type").asText(null);
    String schemaType = schema.path("type").asText(null);
    if (crdType != null && !crdType.equals(schemaType)) {
      differences.add(
          path + ": type " + crdType + " in the CRD, " + schemaType + " in the JSON Schema");
    }
    String crdFormat = crd.path("format").asText(null);
    if (crdFormat != null && !crdFormat.equals(schema.path("format").asText(null))) {
      differences.add(
          path
              + ": format "
              + crdFormat
              + " in the CRD, "
              + schema.path("format").asText(null)
              + " in the JSON Schema");
    }
    if (crd.has("enum") && !crd.get("enum").equals(schema.get("enum"))) {
      differences.add(
          path
              + ": enum "
              + crd.get("enum")
              + " in the CRD, "
              + schema.get("enum")
              + " in the JSON Schema");
    }
    if (!fieldNames(crd.get("required")).equals(fieldNames(schema.get("required")))) {
      differences.add(
          path
              + ": required "
              + crd.get("required")
              + " in the CRD, "
              + schema.get("required")
              + " in the JSON Schema");
    }
    if (crd.has("items")) {
      compare(
          path + "[]", crd.get("items"), resolve(root, schema.path("items")), root, differences);
    }
    if (crd.has("additionalProperties")) {
      compare(
          path + ".*",
          crd.get("additionalProperties"),
          resolve(root, schema.path("additionalProperties")),
          root,
          differences);
    } else if ("object".equals(crdType)
        && crd.has("properties")
        && !schema.path("additionalProperties").isBoolean()) {
      differences.add(
          path + ": the JSON Schema must close this object (additionalProperties: false)");
    }
    if (crd.has("properties")) {
      Set<String> crdFields = fieldNames(crd.get("properties"));
      Set<String> schemaFields = fieldNames(schema.get("properties"));
      if (!crdFields.equals(schemaFields)) {
        Set<String> onlyCrd = new TreeSet<>(crdFields);
        onlyCrd.removeAll(schemaFields);
        Set<String> onlySchema = new TreeSet<>(schemaFields);
        onlySchema.removeAll(crdFields);
        differences.add(
            path
                + ": fields differ: CRD has "
                + onlyCrd
                + " only, JSON Schema has "
                + onlySchema
                + " only");
      }
      for (String field : crdFields) {
        if (schemaFields.contains(field)) {
          compare(
              path + "." + field,
              crd.get("properties").get(field),
              resolve(root, schema.get("properties").get(field)),
              root,
              differences);
        }
      }
    }
  }

  /** Follows a local {@code $ref} such as {@code #/$defs/stringMap}. */
  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref") && current.get("$ref").asText().startsWith("#")) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    if (node == null) {
      return names;
    }
    if (node.isArray()) {
      node.forEach(item -> names.add(item.asText()));
    } else {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static JsonNode crdSchema(String path) throws IOException {
    return read(YAML, path).at("/spec/versions/0/schema/openAPIV3Schema");
  }

  private static JsonNode read(ObjectMapper mapper, String path) throws IOException {
    try (InputStream in =
        SchemaAgreementTest.class.getResourceAsStream("/io/alertforge/schemas/" + path)) {
      assertThat(in).as(path).isNotNull();
      return mapper.readTree(in);
    }
  }
}
