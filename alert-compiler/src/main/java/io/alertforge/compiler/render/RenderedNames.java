package io.alertforge.compiler.render;

import io.alertforge.model.Sha256;

/** Names and hashes of rendered objects. */
public final class RenderedNames {

  /** The longest name Kubernetes accepts for an object (a DNS subdomain). */
  static final int MAX_NAME = 253;

  private RenderedNames() {}

  /**
   * {@code <alertsconfig>.<template>}: unique per namespace because an AlertsConfig names each
   * template at most once. Over 253 characters it is cut and given a hash of the full name, so two
   * long names still differ.
   */
  static String instanceName(String alertsConfig, String template) {
    String full = alertsConfig + "." + template;
    if (full.length() <= MAX_NAME) {
      return full;
    }
    String suffix = "-" + sha256(full).substring(0, 10);
    String head = full.substring(0, MAX_NAME - suffix.length());
    while (!head.isEmpty() && !Character.isLetterOrDigit(head.charAt(head.length() - 1))) {
      head = head.substring(0, head.length() - 1);
    }
    return head + suffix;
  }

  public static String sha256(String text) {
    return Sha256.hex(text);
  }
}
