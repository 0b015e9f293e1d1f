package io.alertforge.wavefront.emulator.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a token may do. Reads need {@link #BROWSE} or {@link #ALERTS}; writes need {@link #ALERTS}.
 */
public enum Permission {
  /** Read alerts: GET, list and search. */
  BROWSE,
  /** The Wavefront "Alerts" permission: create, update, delete, undelete, tag and snooze alerts. */
  ALERTS;

  /** Both permissions: what {@code --token} grants. */
  public static Set<Permission> full() {
    return EnumSet.allOf(Permission.class);
  }

  /**
   * Parses a comma-separated list: {@code browse}, {@code alerts} (alias {@code
   * alerts_management}), {@code full} (both) or {@code none}. Case-insensitive.
   */
  public static Set<Permission> parseList(String list) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    for (String raw : list.split(",")) {
      String p = raw.trim().toLowerCase(Locale.ROOT);
      switch (p) {
        case "", "none" -> {}
        case "browse", "read" -> out.add(BROWSE);
        case "alerts", "alerts_management" -> out.add(ALERTS);
        case "full", "all" -> out.addAll(full());
        default ->
            throw new IllegalArgumentException(
                "unknown permission '" + raw.trim() + "' (use browse, alerts, full or none)");
      }
    }
    return out;
  }
}
