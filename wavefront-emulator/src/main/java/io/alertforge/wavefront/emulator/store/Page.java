package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One page of alerts ({@code PagedAlert}, or {@code PagedAlertWithStats} when {@code alertCounts}
 * is set). The items are the store's own nodes: treat them as read-only.
 */
public record Page(
    List<ObjectNode> items,
    int offset,
    int limit,
    int totalItems,
    boolean moreItems,
    String cursor,
    JsonNode sort,
    Map<String, Integer> alertCounts) {

  /** The {@code response} object of the envelope. */
  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode array = out.putArray("items");
    items.forEach(array::add);
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("totalItems", totalItems);
    out.put("moreItems", moreItems);
    if (cursor != null) {
      out.put("cursor", cursor);
    }
    if (sort != null) {
      out.set("sort", sort);
    }
    if (alertCounts != null) {
      ObjectNode counts = out.putObject("alertCounts");
      alertCounts.forEach(counts::put);
    }
    return out;
  }
}
