package io.alertforge.model;

/**
 * The names of keikoproj/alert-manager's API, as its CRDs declare them (the CRDs in the schemas
 * module; {@code KeikoprojApiTest} holds these to them). Compile-time constants, so that
 * annotations such as fabric8's {@code @Group} can use them.
 */
public final class KeikoprojApi {
  public static final String GROUP = "alertmanager.keikoproj.io";
  public static final String VERSION = "v1alpha1";

  /** {@code alertmanager.keikoproj.io/v1alpha1}, the only version, served and stored. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final String WAVEFRONT_ALERT_KIND = "WavefrontAlert";
  public static final String WAVEFRONT_ALERT_PLURAL = "wavefrontalerts";
  public static final String WAVEFRONT_ALERT_SINGULAR = "wavefrontalert";
  public static final String WAVEFRONT_ALERT_SHORT_NAME = "wfalerts";

  public static final String ALERTS_CONFIG_KIND = "AlertsConfig";
  public static final String ALERTS_CONFIG_PLURAL = "alertsconfigs";

  private KeikoprojApi() {}
}
