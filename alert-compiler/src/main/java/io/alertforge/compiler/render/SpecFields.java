package io.alertforge.compiler.render;

import java.util.List;

/** The fields of a WavefrontAlert spec, in the order rendered output writes them. */
final class SpecFields {

  static final String ALERT_TYPE = "alertType";
  static final String ALERT_NAME = "alertName";
  static final String TAGS = "tags";
  static final String EXPORTED_PARAMS = "exportedParams";
  static final String DEFAULTS = "exportedParamsDefaultValues";

  /**
   * THRESHOLD's maps from lower-case severity to a string (AlertForge's extension of the CRD): each
   * value is templated like a string field, under the path {@code conditions/warn}.
   */
  static final List<String> PER_SEVERITY = List.of("conditions", "targets");

  /** The output order; exportedParams and their defaults never reach a rendered alert. */
  static final List<String> RENDERED_ORDER =
      List.of(
          ALERT_TYPE,
          ALERT_NAME,
          "condition",
          "conditions",
          "displayExpression",
          "severity",
          "minutes",
          "resolveAfterMinutes",
          "alertCheckFrequency",
          "target",
          "targets",
          TAGS,
          "additionalInformation",
          "description");

  /**
   * The string fields that may hold {@code {{ }}}; tags are templated item by item, and the values
   * of the {@link #PER_SEVERITY} maps key by key.
   */
  static final List<String> TEMPLATED =
      List.of(
          ALERT_NAME,
          "condition",
          "displayExpression",
          "severity",
          "target",
          "additionalInformation",
          "description");

  private SpecFields() {}
}
