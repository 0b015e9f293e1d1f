package io.alertforge.controller.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One entry of {@code .status.alertsStatus}, keikoproj's {@code AlertStatus}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlertStatus {
  private String id;
  private String alertName;
  private String link;
  private String state;
  private String lastChangeChecksum;
  private String errorDescription = "";
  private String lastUpdatedTimestamp;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getAlertName() {
    return alertName;
  }

  public void setAlertName(String alertName) {
    this.alertName = alertName;
  }

  public String getLink() {
    return link;
  }

  public void setLink(String link) {
    this.link = link;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getLastChangeChecksum() {
    return lastChangeChecksum;
  }

  public void setLastChangeChecksum(String lastChangeChecksum) {
    this.lastChangeChecksum = lastChangeChecksum;
  }

  public String getErrorDescription() {
    return errorDescription;
  }

  public void setErrorDescription(String errorDescription) {
    this.errorDescription = errorDescription;
  }

  public String getLastUpdatedTimestamp() {
    return lastUpdatedTimestamp;
  }

  public void setLastUpdatedTimestamp(String lastUpdatedTimestamp) {
    this.lastUpdatedTimestamp = lastUpdatedTimestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertStatus a
        && Objects.equals(id, a.id)
        && Objects.equals(alertName, a.alertName)
        && Objects.equals(link, a.link)
        && Objects.equals(state, a.state)
        && Objects.equals(lastChangeChecksum, a.lastChangeChecksum)
        && Objects.equals(errorDescription, a.errorDescription)
        && Objects.equals(lastUpdatedTimestamp, a.lastUpdatedTimestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, alertName, state, lastChangeChecksum);
  }
}
