package io.alertforge.controller.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.wavefront.emulator.store.AlertStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The live alerts of the emulator grouped by ownership tag: one id per CR, or a duplicate. */
final class WavefrontAlertsByOwner {
  private static final String OWNER_PREFIX = "alertforge-owner:";

  private WavefrontAlertsByOwner() {}

  /** Owner tag to the ids of the live alerts that carry it (an alert without one is under ""). */
  static Map<String, List<String>> of(AlertStore store) {
    Map<String, List<String>> byOwner = new TreeMap<>();
    for (JsonNode alert : store.alerts()) {
      String owner = "";
      for (JsonNode tag : alert.path("tags").path("customerTags")) {
        if (tag.asText().startsWith(OWNER_PREFIX)) {
          owner = tag.asText();
        }
      }
      byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(alert.path("id").asText());
    }
    return byOwner;
  }

  /** The owner tag of CR {@code namespace/name}, as docs/controller.md spells it. */
  static String ownerTag(String namespace, String name) {
    return OWNER_PREFIX + ControllerProcesses.CLUSTER + ":" + namespace + ":" + name;
  }
}
