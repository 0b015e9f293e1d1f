package io.alertforge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one mapping from a concrete WavefrontAlert to the Wavefront request body. The expected bodies
 * are those the controller's former mapping (reconcile/DesiredAlert) produced for the same specs.
 */
class WavefrontRequestTest {
  static final OwnershipTag CLUSTER = new OwnershipTag("prod-eu");
  static final Instant NOW = Instant.parse("2026-03-01T11:00:00Z");

  /** The controller tests' CR spec (Harness.alert). */
  static WavefrontAlertSpec cpu() {
    WavefrontAlertSpec spec = new WavefrontAlertSpec();
    spec.setAlertType("CLASSIC");
    spec.setAlertName("cpu high cpu");
    spec.setCondition("ts(cpu.load, env=\"prod\") > 4");
    spec.setDisplayExpression("ts(cpu.load, env=\"prod\")");
    spec.setSeverity("warn");
    spec.setMinutes(5);
    spec.setResolveAfterMinutes(5);
    spec.setTarget("oncall@example.com");
    spec.setTags(List.of("team-a", "cpu"));
    return spec;
  }

  static ConcreteAlert alert(WavefrontAlertSpec spec) {
    return alert(spec, Map.of());
  }

  static ConcreteAlert alert(WavefrontAlertSpec spec, Map<String, String> annotations) {
    return new ConcreteAlert("team-a", "cpu", spec, annotations);
  }

  static String body(WavefrontAlertSpec spec) {
    WavefrontRequest r = WavefrontRequest.of(alert(spec), NOW, CLUSTER);
    assertThat(r.errors()).isEmpty();
    return r.body().toString();
  }

  @Test
  void keikoprojsFieldsUnderWavefrontsNamesWithTheOwnershipTags() {
    assertThat(body(cpu()))
        .isEqualTo(
            "{\"name\":\"cpu high cpu\",\"alertType\":\"CLASSIC\","
                + "\"condition\":\"ts(cpu.load, env=\\\"prod\\\") > 4\","
                + "\"displayExpression\":\"ts(cpu.load, env=\\\"prod\\\")\","
                + "\"severity\":\"WARN\",\"minutes\":5,\"resolveAfterMinutes\":5,"
                + "\"target\":\"oncall@example.com\",\"additionalInformation\":\"\","
                + "\"tags\":{\"customerTags\":[\"team-a\",\"cpu\",\"alertforge-cluster:prod-eu\","
                + "\"alertforge-owner:prod-eu:team-a:cpu\"]}}");
  }

  @Test
  void withoutAClusterTheBodyHasNoOwnershipTags() {
    WavefrontRequest r = WavefrontRequest.of(alert(cpu()), NOW);
    assertThat(r.body().path("tags").path("customerTags").toString())
        .isEqualTo("[\"team-a\",\"cpu\"]");
    assertThat(r.name()).isEqualTo("cpu high cpu");
  }

  @Test
  void valuesAreTrimmedBlankTargetAndTagsLeftOutTagsOnceAndCrOnlyFieldsNotSent() {
    WavefrontAlertSpec spec = cpu();
    spec.setAlertType(null);
    spec.setAlertName("  cpu high  ");
    spec.setCondition(" ts(x) > 1 ");
    spec.setDisplayExpression(" ts(x) ");
    spec.setSeverity(" WARN ");
    spec.setTarget("  ");
    spec.setAdditionalInformation(null);
    spec.setAlertCheckFrequency(0);
    spec.setTags(new ArrayList<>(Arrays.asList(" team-a ", "", null, "cpu", "team-a", "  ")));
    spec.setDescription("not sent");
    spec.setExportedParamsDefaultValues(Map.of("x", "y"));

    assertThat(body(spec))
        .isEqualTo(
            "{\"name\":\"cpu high\",\"alertType\":\"CLASSIC\",\"condition\":\"ts(x) > 1\","
                + "\"displayExpression\":\"ts(x)\",\"severity\":\"WARN\",\"minutes\":5,"
                + "\"resolveAfterMinutes\":5,\"additionalInformation\":\"\","
                + "\"tags\":{\"customerTags\":[\"team-a\",\"cpu\",\"alertforge-cluster:prod-eu\","
                + "\"alertforge-owner:prod-eu:team-a:cpu\"]}}");
  }

  @Test
  void aCheckFrequencyIsTheProcessRateAndTheSeverityUpperCase() {
    WavefrontAlertSpec spec = cpu();
    spec.setAlertCheckFrequency(3);
    spec.setAdditionalInformation(" runbook ");
    spec.setTarget(" a@example.com, b@example.com ");
    spec.setTags(null);
    spec.setSeverity("smoke");

    assertThat(body(spec))
        .isEqualTo(
            "{\"name\":\"cpu high cpu\",\"alertType\":\"CLASSIC\","
                + "\"condition\":\"ts(cpu.load, env=\\\"prod\\\") > 4\","
                + "\"displayExpression\":\"ts(cpu.load, env=\\\"prod\\\")\","
                + "\"severity\":\"SMOKE\",\"minutes\":5,\"resolveAfterMinutes\":5,"
                + "\"processRateMinutes\":3,\"target\":\"a@example.com, b@example.com\","
                + "\"additionalInformation\":\"runbook\","
                + "\"tags\":{\"customerTags\":[\"alertforge-cluster:prod-eu\","
                + "\"alertforge-owner:prod-eu:team-a:cpu\"]}}");
  }

  @Test
  void duringBurnInTheBodyHasTheBurnInTargetAndTagAndAfterItItsOwn() {
    ConcreteAlert burningIn =
        alert(
            cpu(),
            Map.of(
                Annotations.BURN_IN_UNTIL, "2026-03-01T12:00:00Z",
                Annotations.BURN_IN_TARGET, " burn@example.com "));

    assertThat(WavefrontRequest.of(burningIn, NOW, CLUSTER).body().toString())
        .isEqualTo(
            "{\"name\":\"cpu high cpu\",\"alertType\":\"CLASSIC\","
                + "\"condition\":\"ts(cpu.load, env=\\\"prod\\\") > 4\","
                + "\"displayExpression\":\"ts(cpu.load, env=\\\"prod\\\")\","
                + "\"severity\":\"WARN\",\"minutes\":5,\"resolveAfterMinutes\":5,"
                + "\"target\":\"burn@example.com\",\"additionalInformation\":\"\","
                + "\"tags\":{\"customerTags\":[\"team-a\",\"cpu\",\"burn-in\","
                + "\"alertforge-cluster:prod-eu\",\"alertforge-owner:prod-eu:team-a:cpu\"]}}");
    assertThat(
            WavefrontRequest.of(burningIn, Instant.parse("2026-03-01T12:00:00Z"), CLUSTER)
                .body()
                .toString())
        .isEqualTo(body(cpu()));
  }

  @Test
  void aForeignOrMalformedSpecIsRejectedBeforeAnyCall() {
    var spec = cpu();
    spec.setSeverity("CRITICAL");
    spec.setTags(List.of("alertforge-owner:prod-eu:team-b:steal"));
    spec.setMinutes(0);
    WavefrontRequest d = WavefrontRequest.of(alert(spec), NOW, CLUSTER);
    assertThat(d.valid()).isFalse();
    assertThat(d.errors())
        .containsExactly(
            "minutes must be greater than 0",
            "severity must be one of severe, warn, info, smoke, got 'CRITICAL'",
            "tag 'alertforge-owner:prod-eu:team-b:steal' is reserved for the controller's ownership tags");
    assertThat(d.body()).isNull();
  }

  @Test
  void everyProblemTheCrdLetsThroughIsReportedInOneGo() {
    WavefrontAlertSpec spec = cpu();
    spec.setAlertName(" ");
    spec.setDisplayExpression(null);
    spec.setResolveAfterMinutes(-1);
    spec.setAlertCheckFrequency(-2);
    spec.setCondition("");
    spec.setSeverity(null);

    assertThat(WavefrontRequest.of(alert(spec), NOW, CLUSTER).errors())
        .containsExactly(
            "alertName must not be empty",
            "displayExpression must not be empty",
            "resolveAfterMinutes must be greater than 0",
            "alertCheckFrequency must not be negative",
            "condition must not be empty",
            "severity must be one of severe, warn, info, smoke, got ''");
  }

  /** A THRESHOLD spec: conditions written lowest severity first, a target for one severity. */
  static WavefrontAlertSpec cpuThreshold() {
    WavefrontAlertSpec spec = cpu();
    spec.setAlertType("THRESHOLD");
    spec.setCondition(null);
    spec.setSeverity(null);
    spec.setTarget(null);
    Map<String, String> conditions = new java.util.LinkedHashMap<>();
    conditions.put("warn", " ts(cpu.load, env=\"prod\") > 4 ");
    conditions.put("severe", "ts(cpu.load, env=\"prod\") > 8");
    spec.setConditions(conditions);
    Map<String, String> targets = new java.util.LinkedHashMap<>();
    targets.put("warn", " oncall@example.com ");
    targets.put("info", " ");
    spec.setTargets(targets);
    return spec;
  }

  @Test
  void aThresholdAlertSendsItsConditionsAndTargetsAndTheDisplayExpressionAsCondition() {
    assertThat(body(cpuThreshold()))
        .isEqualTo(
            "{\"name\":\"cpu high cpu\",\"alertType\":\"THRESHOLD\","
                + "\"condition\":\"ts(cpu.load, env=\\\"prod\\\")\","
                + "\"displayExpression\":\"ts(cpu.load, env=\\\"prod\\\")\","
                + "\"conditions\":{\"severe\":\"ts(cpu.load, env=\\\"prod\\\") > 8\","
                + "\"warn\":\"ts(cpu.load, env=\\\"prod\\\") > 4\"},"
                + "\"minutes\":5,\"resolveAfterMinutes\":5,"
                + "\"targets\":{\"warn\":\"oncall@example.com\"},\"additionalInformation\":\"\","
                + "\"tags\":{\"customerTags\":[\"team-a\",\"cpu\",\"alertforge-cluster:prod-eu\","
                + "\"alertforge-owner:prod-eu:team-a:cpu\"]}}");
  }

  @Test
  void duringBurnInEverySeverityOfAThresholdAlertNotifiesTheBurnInTarget() {
    ConcreteAlert burningIn =
        alert(
            cpuThreshold(),
            Map.of(
                Annotations.BURN_IN_UNTIL, "2026-03-01T12:00:00Z",
                Annotations.BURN_IN_TARGET, " burn@example.com "));

    assertThat(WavefrontRequest.of(burningIn, NOW, CLUSTER).body().path("targets").toString())
        .isEqualTo("{\"severe\":\"burn@example.com\",\"warn\":\"burn@example.com\"}");
    assertThat(WavefrontRequest.of(burningIn, NOW, CLUSTER).body().has("target")).isFalse();
  }

  @Test
  void aThresholdAlertWithoutConditionsOrWithClassicFieldsIsRefusedAsAreOwnershipTags() {
    WavefrontAlertSpec spec = cpuThreshold();
    spec.setConditions(Map.of());
    spec.setCondition("ts(x) > 1");
    spec.setSeverity("warn");
    spec.setTarget("a@example.com");
    spec.setTags(Arrays.asList(" ALERTFORGE-CLUSTER:x ", "ok"));

    assertThat(WavefrontRequest.of(alert(spec), NOW).errors())
        .containsExactly(
            "alertType THRESHOLD needs conditions, one per severity",
            "condition is not used by alertType THRESHOLD; use conditions",
            "severity is not used by alertType THRESHOLD; use the keys of conditions",
            "target is not used by alertType THRESHOLD; use targets",
            "tag ' ALERTFORGE-CLUSTER:x ' is reserved for the controller's ownership tags");
  }

  @Test
  void perSeverityKeysMustBeSeveritiesAndConditionsNonBlank() {
    WavefrontAlertSpec spec = cpuThreshold();
    spec.setConditions(new java.util.TreeMap<>(Map.of("critical", "ts(x) > 1", "warn", " ")));
    spec.setTargets(Map.of("WARN", "a@example.com"));

    assertThat(WavefrontRequest.of(alert(spec), NOW).errors())
        .containsExactly(
            "conditions key must be one of severe, warn, info, smoke, got 'critical'",
            "conditions.warn must not be empty",
            "targets key must be one of severe, warn, info, smoke, got 'WARN'");
  }

  @Test
  void aClassicAlertWithPerSeverityMapsIsRefused() {
    WavefrontAlertSpec spec = cpu();
    spec.setConditions(Map.of("warn", "ts(x) > 1"));

    assertThat(WavefrontRequest.of(alert(spec), NOW).errors())
        .containsExactly("conditions and targets are for alertType THRESHOLD only");
  }

  @Test
  void aMissingSpecCannotBeSent() {
    assertThat(WavefrontRequest.of(alert(null), NOW, CLUSTER).errors())
        .containsExactly("spec is missing");
  }

  @Test
  void aRequestHasABodyOrErrors() {
    assertThatThrownBy(() -> WavefrontRequest.refused(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
