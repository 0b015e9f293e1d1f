package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.model.OwnershipTag;

/**
 * What the controller keeps of a live Wavefront alert: its id, creation time, ownership tag and
 * managed fields (not the whole JSON, so 10,000 alerts stay small in memory).
 */
public record LiveAlert(String id, long created, String ownerTag, AlertProjection projection) {

  public static LiveAlert of(JsonNode alert) {
    String owner = null;
    for (JsonNode t : alert.path("tags").path("customerTags")) {
      if (t.asText().startsWith(OwnershipTag.OWNER_PREFIX)) {
        owner = t.asText();
        break;
      }
    }
    return new LiveAlert(
        alert.path("id").asText(),
        alert.path("created").asLong(alert.path("createdEpochMillis").asLong(0)),
        owner,
        AlertProjection.of(alert));
  }
}
