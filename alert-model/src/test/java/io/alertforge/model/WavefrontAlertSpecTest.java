package io.alertforge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WavefrontAlertSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aRenderedSpecReadsIntoTheTypedSpecAndBackUnchanged() throws Exception {
    JsonNode rendered =
        json(
            "{\"alertType\":\"CLASSIC\",\"alertName\":\"disk\",\"condition\":\"ts(d) > 90\","
                + "\"displayExpression\":\"ts(d)\",\"severity\":\"warn\",\"minutes\":5,"
                + "\"resolveAfterMinutes\":10,\"alertCheckFrequency\":2,"
                + "\"target\":\"a@example.com\",\"tags\":[\"team:a\"],"
                + "\"additionalInformation\":\"runbook\",\"description\":\"disk full\"}");

    WavefrontAlertSpec spec = WavefrontAlertSpec.fromJson(rendered);

    assertThat(spec.getAlertCheckFrequency()).isEqualTo(2);
    assertThat(spec.getTags()).containsExactly("team:a");
    assertThat((JsonNode) JSON.valueToTree(spec)).isEqualTo(rendered);
  }

  @Test
  void aThresholdSpecReadsItsPerSeverityMapsAndBackUnchanged() throws Exception {
    JsonNode rendered =
        json(
            "{\"alertType\":\"THRESHOLD\",\"alertName\":\"disk\","
                + "\"conditions\":{\"severe\":\"ts(d) > 95\",\"warn\":\"ts(d) > 90\"},"
                + "\"displayExpression\":\"ts(d)\",\"minutes\":5,\"resolveAfterMinutes\":10,"
                + "\"targets\":{\"severe\":\"pd:key\",\"warn\":\"a@example.com\"}}");

    WavefrontAlertSpec spec = WavefrontAlertSpec.fromJson(rendered);

    assertThat(spec.getConditions()).containsEntry("warn", "ts(d) > 90").hasSize(2);
    assertThat(spec.getTargets()).containsEntry("severe", "pd:key").hasSize(2);
    assertThat(spec.getCondition()).isNull();
    assertThat((JsonNode) JSON.valueToTree(spec)).isEqualTo(rendered);
    assertThatThrownBy(
            () -> WavefrontAlertSpec.fromJson(json("{\"conditions\":{\"warn\":[\"a\"]}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spec.conditions.warn: ");
  }

  @Test
  void anUnknownFieldOrAValueBeyondItsTypeIsRefusedNamingTheField() {
    assertThatThrownBy(() -> WavefrontAlertSpec.fromJson(json("{\"severityList\":[\"WARN\"]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spec.severityList is not a field of the WavefrontAlert CRD");
    assertThatThrownBy(
            () -> WavefrontAlertSpec.fromJson(json("{\"alertCheckFrequency\":3000000000}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spec.alertCheckFrequency: ")
        .hasMessageContaining("3000000000");
    assertThatThrownBy(() -> WavefrontAlertSpec.fromJson(json("{\"tags\":[[\"a\"]]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spec.tags.0: ");
  }

  @Test
  void aCopySharesNothing() {
    WavefrontAlertSpec spec = new WavefrontAlertSpec();
    spec.setTags(new java.util.ArrayList<>(List.of("a")));
    WavefrontAlertSpec copy = spec.copy();
    copy.getTags().add("b");
    assertThat(spec.getTags()).containsExactly("a");
  }
}
