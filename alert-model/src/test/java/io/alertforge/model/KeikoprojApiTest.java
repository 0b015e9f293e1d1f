package io.alertforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The model's names and lists are declared once, by hand: this holds them to the CRDs and JSON
 * Schemas of the schemas module, which the API server and the compiler validate with.
 */
class KeikoprojApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SCHEMAS = "/io/alertforge/schemas/";

  static JsonNode read(ObjectMapper mapper, String resource) throws IOException {
    try (InputStream in = KeikoprojApiTest.class.getResourceAsStream(SCHEMAS + resource)) {
      assertThat(in).as(resource).isNotNull();
      return mapper.readTree(in);
    }
  }

  static JsonNode crd(String plural) throws IOException {
    return read(YAML, "crds/" + KeikoprojApi.GROUP + "_" + plural + ".yaml");
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void theWavefrontAlertNamesAreTheCrds() throws IOException {
    JsonNode crd = crd(KeikoprojApi.WAVEFRONT_ALERT_PLURAL).path("spec");

    assertThat(crd.path("group").asText()).isEqualTo(KeikoprojApi.GROUP);
    assertThat(versionNames(crd)).containsExactly(KeikoprojApi.VERSION);
    assertThat(crd.at("/names/kind").asText()).isEqualTo(KeikoprojApi.WAVEFRONT_ALERT_KIND);
    assertThat(crd.at("/names/plural").asText()).isEqualTo(KeikoprojApi.WAVEFRONT_ALERT_PLURAL);
    assertThat(crd.at("/names/singular").asText()).isEqualTo(KeikoprojApi.WAVEFRONT_ALERT_SINGULAR);
    assertThat(texts(crd.at("/names/shortNames")))
        .containsExactly(KeikoprojApi.WAVEFRONT_ALERT_SHORT_NAME);
  }

  @Test
  void theAlertsConfigNamesAreTheCrds() throws IOException {
    JsonNode crd = crd(KeikoprojApi.ALERTS_CONFIG_PLURAL).path("spec");

    assertThat(crd.path("group").asText()).isEqualTo(KeikoprojApi.GROUP);
    assertThat(versionNames(crd)).containsExactly(KeikoprojApi.VERSION);
    assertThat(crd.at("/names/kind").asText()).isEqualTo(KeikoprojApi.ALERTS_CONFIG_KIND);
    assertThat(crd.at("/names/plural").asText()).isEqualTo(KeikoprojApi.ALERTS_CONFIG_PLURAL);
  }

  @Test
  void theJsonSchemasNameTheSameApiVersionAndKinds() throws IOException {
    JsonNode alert = read(JSON, "wavefrontalert.schema.json").path("properties");
    JsonNode config = read(JSON, "alertsconfig.schema.json").path("properties");

    assertThat(alert.at("/apiVersion/const").asText()).isEqualTo(KeikoprojApi.API_VERSION);
    assertThat(alert.at("/kind/const").asText()).isEqualTo(KeikoprojApi.WAVEFRONT_ALERT_KIND);
    assertThat(config.at("/apiVersion/const").asText()).isEqualTo(KeikoprojApi.API_VERSION);
    assertThat(config.at("/kind/const").asText()).isEqualTo(KeikoprojApi.ALERTS_CONFIG_KIND);
  }

  @Test
  void theAlertTypesAreTheCrdsEnum() throws IOException {
    JsonNode spec = crdSpec();

    assertThat(texts(spec.at("/properties/alertType/enum")))
        .containsExactly(Arrays.stream(AlertType.values()).map(Enum::name).toArray(String[]::new));
  }

  @Test
  void theSeveritiesAreTheSchemasInKeikoprojsOrderAndSpelling() throws IOException {
    JsonNode spec = read(JSON, "wavefrontalert.schema.json").at("/$defs/spec");

    String[] severities =
        Arrays.stream(Severity.values()).map(Severity::keikoproj).toArray(String[]::new);
    assertThat(texts(spec.at("/allOf/0/else/properties/severity/enum")))
        .containsExactly(severities);
    JsonNode defs = read(JSON, "wavefrontalert.schema.json").at("/$defs");
    for (String perSeverity : List.of("perSeverityConditions", "perSeverityTargets")) {
      List<String> keys = new ArrayList<>();
      defs.path(perSeverity).path("properties").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as(perSeverity).containsExactly(severities);
    }
    assertThat(Severity.keikoprojList()).isEqualTo("severe, warn, info, smoke");
    assertThat(Severity.WARN.wavefront()).isEqualTo("WARN");
    assertThat(Severity.ofKeikoproj("warn")).contains(Severity.WARN);
    assertThat(Severity.ofKeikoproj("WARN")).isEmpty();
    assertThat(Severity.ofAnyCase("Warn")).contains(Severity.WARN);
    assertThat(Severity.ofAnyCase("critical")).isEmpty();
  }

  @Test
  void theSpecClassHasExactlyTheCrdsSpecFields() throws IOException {
    Set<String> crdFields = new TreeSet<>();
    crdSpec().path("properties").fieldNames().forEachRemaining(crdFields::add);

    Set<String> classFields = new TreeSet<>();
    JSON
        .getSerializationConfig()
        .introspect(JSON.constructType(WavefrontAlertSpec.class))
        .findProperties()
        .stream()
        .map(BeanPropertyDefinition::getName)
        .forEach(classFields::add);

    assertThat(classFields).isEqualTo(crdFields);
  }

  private static JsonNode crdSpec() throws IOException {
    return crd(KeikoprojApi.WAVEFRONT_ALERT_PLURAL)
        .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
  }

  private static List<String> versionNames(JsonNode crdSpec) {
    List<String> names = new ArrayList<>();
    crdSpec.path("versions").forEach(v -> names.add(v.path("name").asText()));
    return names;
  }
}
