package io.alertforge.compiler.render;

/**
 * The label and annotations that trace a rendered alert to its sources. An interface: keep stable.
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

  private Annotations() {}
}
