package io.alertforge.controller.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.alertforge.controller.Harness;
import io.alertforge.controller.gitops.GitApplier;
import io.alertforge.model.WavefrontAlertSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CR class as fabric8 and JOSDK (de)serialise it: keikoproj's field names, no nulls written,
 * nulls read as unset, an unknown field refused, whatever class the spec is declared in.
 */
@EnableKubernetesMockClient(crud = true)
class WavefrontAlertJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext WAVEFRONT_ALERTS = GitApplier.WAVEFRONT_ALERTS;

  static KubernetesClient client;
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @BeforeEach
  void crd() throws Exception {
    Harness.registerCrd(client);
  }

  @AfterEach
  void cleanUp() {
    Harness.cleanUp(client);
  }

  static WavefrontAlert everyField() {
    WavefrontAlert cr = Harness.alert("every-field");
    WavefrontAlertSpec spec = cr.getSpec();
    spec.setAdditionalInformation("runbook: https://runbooks.example.com/cpu");
    spec.setDescription("CPU above 4");
    spec.setExportedParams(List.of("threshold"));
    spec.setExportedParamsDefaultValues(Map.of("threshold", "4"));
    spec.setAlertCheckFrequency(2);
    return cr;
  }

  @Test
  void everySpecFieldIsWrittenUnderKeikoprojsNameInDeclarationOrder() throws Exception {
    JsonNode written = JSON.readTree(serialization.asJson(everyField()));

    assertThat(written.path("apiVersion").asText()).isEqualTo("alertmanager.keikoproj.io/v1alpha1");
    assertThat(written.path("kind").asText()).isEqualTo("WavefrontAlert");
    assertThat(written.path("spec").toString())
        .isEqualTo(
            "{\"alertType\":\"CLASSIC\",\"alertName\":\"cpu high every-field\","
                + "\"condition\":\"ts(cpu.load, env=\\\"prod\\\") > 4\","
                + "\"severity\":\"warn\",\"minutes\":5,\"resolveAfterMinutes\":5,"
                + "\"displayExpression\":\"ts(cpu.load, env=\\\"prod\\\")\","
                + "\"target\":\"oncall@example.com\","
                + "\"additionalInformation\":\"runbook: https://runbooks.example.com/cpu\","
                + "\"tags\":[\"team-a\",\"cpu\"],\"description\":\"CPU above 4\","
                + "\"exportedParams\":[\"threshold\"],"
                + "\"exportedParamsDefaultValues\":{\"threshold\":\"4\"},"
                + "\"alertCheckFrequency\":2}");
    assertThat(serialization.unmarshal(written.toString(), WavefrontAlert.class).getSpec())
        .usingRecursiveComparison()
        .isEqualTo(everyField().getSpec());
  }

  @Test
  void unsetFieldsAreLeftOutNotWrittenAsNull() throws Exception {
    WavefrontAlert cr = Harness.alert("sparse");
    cr.getSpec().setTarget(null);
    cr.getSpec().setTags(null);

    JsonNode spec = JSON.readTree(serialization.asJson(cr)).path("spec");

    assertThat(spec.has("target")).isFalse();
    assertThat(spec.has("tags")).isFalse();
    assertThat(spec.has("alertCheckFrequency")).isFalse();
    assertThat(spec.toString()).doesNotContain("null");
  }

  static String stored(String extraSpecFields) {
    return "{\"apiVersion\":\"alertmanager.keikoproj.io/v1alpha1\",\"kind\":\"WavefrontAlert\","
        + "\"metadata\":{\"name\":\"odd\",\"namespace\":\""
        + Harness.NS
        + "\"},\"spec\":{\"alertType\":\"CLASSIC\",\"alertName\":\"odd\","
        + "\"condition\":\"ts(x) > 1\",\"displayExpression\":\"ts(x)\","
        + "\"severity\":\"warn\",\"minutes\":5,\"resolveAfterMinutes\":5"
        + extraSpecFields
        + "}}";
  }

  @Test
  void nullsAreReadAsUnset() {
    client
        .genericKubernetesResources(WAVEFRONT_ALERTS)
        .inNamespace(Harness.NS)
        .resource(
            serialization.unmarshal(
                stored(",\"target\":null,\"tags\":null,\"alertCheckFrequency\":null"),
                GenericKubernetesResource.class))
        .create();

    WavefrontAlert read = Harness.get(client, "odd");

    assertThat(read.getSpec().getAlertName()).isEqualTo("odd");
    assertThat(read.getSpec().getMinutes()).isEqualTo(5);
    assertThat(read.getSpec().getTarget()).isNull();
    assertThat(read.getSpec().getTags()).isNull();
    assertThat(read.getSpec().getAlertCheckFrequency()).isNull();
    assertThat(serialization.asJson(read.getSpec())).doesNotContain("null");
  }

  /**
   * An API server prunes the fields its CRD does not declare, so the typed read never meets one
   * there; the mock keeps them, and the read fails, naming the field.
   */
  @Test
  void anUnknownSpecFieldFailsTheTypedRead() {
    assertThatThrownBy(
            () ->
                serialization.unmarshal(
                    stored(",\"severityList\":[\"WARN\"]"), WavefrontAlert.class))
        .hasRootCauseInstanceOf(UnrecognizedPropertyException.class)
        .rootCause()
        .hasMessageContaining("Unrecognized field \"severityList\"");
  }

  @Test
  void aTypedCreateStoresExactlyTheSpecsFields() {
    Harness.create(client, everyField());

    GenericKubernetesResource stored =
        client
            .genericKubernetesResources(WAVEFRONT_ALERTS)
            .inNamespace(Harness.NS)
            .withName("every-field")
            .get();

    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) stored.getAdditionalProperties().get("spec");
    assertThat(spec.keySet())
        .containsExactly(
            "alertType",
            "alertName",
            "condition",
            "severity",
            "minutes",
            "resolveAfterMinutes",
            "displayExpression",
            "target",
            "additionalInformation",
            "tags",
            "description",
            "exportedParams",
            "exportedParamsDefaultValues",
            "alertCheckFrequency");
  }
}
