package io.alertforge.compiler.render;

import java.util.List;

/** The fields of a WavefrontAlert spec, in the order rendered output writes them. */
final class SpecFields {

  static final String ALERT_TYPE = "alertType";
  static final String ALERT_NAME = "alertName";
  static final String TAGS = "tags";
  static final String EXPORTED_PARAMS = "exportedParams";
  static final String DEFAULTS = "exportedParamsDefaultValues";

  /** The output order; exportedParams and their defaults never reach a rendered alert. */
  static final List<String> RENDERED_ORDER =
      List.of(
          ALERT_TYPE,
          ALERT_NAME,
          "condition",
          "displayExpression",
          "severity",
          "minutes",
          "resolveAfterMinutes",
          "alertCheckFrequency",
          "target",
          TAGS,
          "additionalInformation",
          "description");

  /** The string fields that may hold {@code {{ }}}; tags are templated item by item. */
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
