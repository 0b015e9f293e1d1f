package io.alertforge.controller.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** {@code .spec}: the fields and names of keikoproj's CRD (see schemas/ for the constraints). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WavefrontAlertSpec {
  private String alertType;
  private String alertName;
  private String condition;
  private String severity;
  private Integer minutes;
  private Integer resolveAfterMinutes;
  private String displayExpression;
  private String target;
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
}
