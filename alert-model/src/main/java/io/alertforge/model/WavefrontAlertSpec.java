package io.alertforge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code WavefrontAlert}'s {@code .spec}: the fields and names of keikoproj's CRD (see schemas/
 * for the constraints), and AlertForge's extension for THRESHOLD alerts ({@code conditions}, {@code
 * targets}). The controller's CR class holds it as its spec, so Jackson, through fabric8 and JOSDK,
 * reads and writes it with these names, in this order, without nulls; a rendered alert's spec reads
 * into it with {@link #fromJson}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WavefrontAlertSpec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private String alertType;
  private String alertName;
  private String condition;
  private Map<String, String> conditions;
  private String severity;
  private Integer minutes;
  private Integer resolveAfterMinutes;
  private String displayExpression;
  private String target;
  private Map<String, String> targets;
  private String additionalInformation;
  private List<String> tags;
  private String description;
  private List<String> exportedParams;
  private Map<String, String> exportedParamsDefaultValues;
  private Integer alertCheckFrequency;

  public String getAlertType() {
    return alertType;
  }

  public void setAlertType(String alertType) {
    this.alertType = alertType;
  }

  public String getAlertName() {
    return alertName;
  }

  public void setAlertName(String alertName) {
    this.alertName = alertName;
  }

  public String getCondition() {
    return condition;
  }

  public void setCondition(String condition) {
    this.condition = condition;
  }

  /** THRESHOLD's condition per lower-case severity: an AlertForge extension of the CRD. */
  public Map<String, String> getConditions() {
    return conditions;
  }

  public void setConditions(Map<String, String> conditions) {
    this.conditions = conditions;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public Integer getMinutes() {
    return minutes;
  }

  public void setMinutes(Integer minutes) {
    this.minutes = minutes;
  }

  public Integer getResolveAfterMinutes() {
    return resolveAfterMinutes;
  }

  public void setResolveAfterMinutes(Integer resolveAfterMinutes) {
    this.resolveAfterMinutes = resolveAfterMinutes;
  }

  public String getDisplayExpression() {
    return displayExpression;
  }

  public void setDisplayExpression(String displayExpression) {
    this.displayExpression = displayExpression;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  /** THRESHOLD's targets per lower-case severity: an AlertForge extension of the CRD. */
  public Map<String, String> getTargets() {
    return targets;
  }

  public void setTargets(Map<String, String> targets) {
    this.targets = targets;
  }

  public String getAdditionalInformation() {
    return additionalInformation;
  }

  public void setAdditionalInformation(String additionalInformation) {
    this.additionalInformation = additionalInformation;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getExportedParams() {
    return exportedParams;
  }

  public void setExportedParams(List<String> exportedParams) {
    this.exportedParams = exportedParams;
  }

  public Map<String, String> getExportedParamsDefaultValues() {
    return exportedParamsDefaultValues;
  }

  public void setExportedParamsDefaultValues(Map<String, String> exportedParamsDefaultValues) {
    this.exportedParamsDefaultValues = exportedParamsDefaultValues;
  }

  public Integer getAlertCheckFrequency() {
    return alertCheckFrequency;
  }

  public void setAlertCheckFrequency(Integer alertCheckFrequency) {
    this.alertCheckFrequency = alertCheckFrequency;
  }

  /**
   * The spec in {@code json} (a rendered alert's), read as fabric8 reads a CR's: an unknown field
   * is refused.
   *
   * @throws IllegalArgumentException naming the field that is unknown or whose value does not fit
   *     its type (a number beyond an int, a list for a string)
   */
  public static WavefrontAlertSpec fromJson(JsonNode json) {
    try {
      return JSON.treeToValue(json, WavefrontAlertSpec.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          "spec." + e.getPropertyName() + " is not a field of the WavefrontAlert CRD", e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("spec." + path(e) + ": " + e.getOriginalMessage(), e);
    }
  }

  /** A copy that shares nothing with this spec. */
  public WavefrontAlertSpec copy() {
    return JSON.convertValue(this, WavefrontAlertSpec.class);
  }

  private static String path(JsonProcessingException e) {
    return e instanceof JsonMappingException m
        ? m.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
            .collect(Collectors.joining("."))
        : "";
  }
}
