package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An alert's target strings ({@code target}, or the values of {@code targets}): comma-separated
 * entries, each an email address or a {@code pd:}, {@code target:} or {@code webhook:} reference.
 * Checks them on save and derives the fields the server fills in from them.
 */
final class NotificationTargets {
  /** The message the docs quote for a bad or excessive notification target. */
  static final String INVALID_NOTIFICATION = "Invalid notification specified: null";

  private final int maxEmailTargets;

  NotificationTargets(int maxEmailTargets) {
    this.maxEmailTargets = maxEmailTargets;
  }

  /** 400 for an entry that is neither kind, or for more email entries than allowed. */
  void check(String target) {
    int emails = 0;
    for (String entry : entries(target)) {
      if (entry.startsWith("pd:") || entry.startsWith("target:") || entry.startsWith("webhook:")) {
        if (entry.indexOf(':') == entry.length() - 1) {
          throw AlertStoreException.badRequest("Invalid notification specified: " + entry);
        }
        continue;
      }
      int at = entry.indexOf('@');
      if (at > 0 && at < entry.length() - 1 && entry.indexOf(' ') < 0) {
        emails++;
        continue;
      }
      throw AlertStoreException.badRequest("Invalid notification specified: " + entry);
    }
    if (emails > maxEmailTargets) {
      throw AlertStoreException.badRequest(INVALID_NOTIFICATION);
    }
  }

  /**
   * Sets {@code targetEndpoints}, {@code notificants} and {@code targetInfo} of {@code alert} from
   * its checked target strings, each entry once.
   */
  static void derive(ObjectNode alert, List<String> targetStrings) {
    Set<String> endpoints = new LinkedHashSet<>();
    for (String target : targetStrings) {
      endpoints.addAll(entries(target));
    }
    ArrayNode targetEndpoints = alert.putArray("targetEndpoints");
    ArrayNode notificants = alert.putArray("notificants");
    ArrayNode targetInfo = alert.putArray("targetInfo");
    for (String entry : endpoints) {
      targetEndpoints.add(entry);
      String method;
      String infoId;
      if (entry.startsWith("target:")) {
        infoId = entry.substring("target:".length());
        notificants.add(infoId);
        method = "WEBHOOK";
      } else if (entry.startsWith("webhook:")) {
        infoId = entry.substring("webhook:".length());
        method = "WEBHOOK";
      } else if (entry.startsWith("pd:")) {
        infoId = entry.substring("pd:".length());
        method = "PAGERDUTY";
      } else {
        infoId = entry;
        method = "EMAIL";
      }
      ObjectNode info = targetInfo.addObject();
      info.put("id", infoId);
      info.put("method", method);
      info.put("name", entry);
    }
  }

  /** The trimmed, non-empty entries of one target string. */
  private static List<String> entries(String target) {
    List<String> out = new ArrayList<>();
    for (String raw : target.split(",")) {
      String entry = raw.trim();
      if (!entry.isEmpty()) {
        out.add(entry);
      }
    }
    return out;
  }
}
