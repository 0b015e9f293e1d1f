package io.alertforge.model;

/**
 * The label and annotations AlertForge puts on a {@code WavefrontAlert}: the renderer's, which
 * trace a rendered alert to its sources, and the Git source's. An interface: keep the values
 * stable.
 */
public final class Annotations {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "alertforge";

  private static final String PREFIX = "alertforge.io/";

  /** The file that defines the alert: the standalone WavefrontAlert's, or the AlertsConfig's. */
  public static final String SOURCE = PREFIX + "source";

  public static final String TEMPLATE = PREFIX + "template";
  public static final String TEMPLATE_SOURCE = PREFIX + "template-source";
  public static final String ALERTS_CONFIG = PREFIX + "alerts-config";

  /** sha256 of the rendered spec's canonical JSON: equal hashes mean equal specs. */
  public static final String SPEC_HASH = PREFIX + "spec-hash";

  /**
   * alertforge.yaml's burn-in period for this alert's namespace ({@code 7d}); see {@link
   * BurnInWindow#period}.
   */
  public static final String BURN_IN_PERIOD = PREFIX + "burn-in-period";

  /** Where the alert's notifications go while it burns in. */
  public static final String BURN_IN_TARGET = PREFIX + "burn-in-target";

  /** When burn-in ends (ISO-8601), stamped by the controller when it first applies the alert. */
  public static final String BURN_IN_UNTIL = PREFIX + "burn-in-until";

  /** The Git commit that last created or changed the object (the controller's Git source). */
  public static final String COMMIT = PREFIX + "commit";

  /** {@code alertforge.io/prune: disabled} keeps an object that leaves the repository. */
  public static final String PRUNE = PREFIX + "prune";

  /**
   * {@code alertforge.io/renamed-from: <old-name>} on a renamed WavefrontAlert: the name it had
   * before, in the same namespace. The controller then takes over the old CR's Wavefront alert
   * (same id, history kept) instead of deleting it and creating another; see {@link RenamedFrom}.
   */
  public static final String RENAMED_FROM = PREFIX + "renamed-from";

  private Annotations() {}
}
