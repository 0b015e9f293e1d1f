package io.alertforge.controller.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code .status}: keikoproj's fields, so tools reading keikoproj's status keep working, plus the
 * standard {@code conditions} ({@link Conditions#READY}, {@link Conditions#SYNCED}, {@link
 * Conditions#DRIFTED}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WavefrontAlertStatus {
  private String state;
  private int retryCount;
  private String errorDescription;
  private String exportParamsChecksum;
  private String lastChangeChecksum;
  private Long observedGeneration;
  private Map<String, AlertStatus> alertsStatus = new LinkedHashMap<>();
  private List<Condition> conditions = new ArrayList<>();

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public int getRetryCount() {
    return retryCount;
  }

  public void setRetryCount(int retryCount) {
    this.retryCount = retryCount;
  }

  public String getErrorDescription() {
    return errorDescription;
  }

  public void setErrorDescription(String errorDescription) {
    this.errorDescription = errorDescription;
  }

  public String getExportParamsChecksum() {
    return exportParamsChecksum;
  }

  public void setExportParamsChecksum(String exportParamsChecksum) {
    this.exportParamsChecksum = exportParamsChecksum;
  }

  public String getLastChangeChecksum() {
    return lastChangeChecksum;
  }

  public void setLastChangeChecksum(String lastChangeChecksum) {
    this.lastChangeChecksum = lastChangeChecksum;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Map<String, AlertStatus> getAlertsStatus() {
    return alertsStatus;
  }

  public void setAlertsStatus(Map<String, AlertStatus> alertsStatus) {
    this.alertsStatus = alertsStatus == null ? new LinkedHashMap<>() : alertsStatus;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : conditions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WavefrontAlertStatus s
        && retryCount == s.retryCount
        && Objects.equals(state, s.state)
        && Objects.equals(errorDescription, s.errorDescription)
        && Objects.equals(exportParamsChecksum, s.exportParamsChecksum)
        && Objects.equals(lastChangeChecksum, s.lastChangeChecksum)
        && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(alertsStatus, s.alertsStatus)
        && Objects.equals(conditions, s.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, retryCount, lastChangeChecksum, observedGeneration);
  }
}
