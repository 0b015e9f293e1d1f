package io.alertforge.gotemplate;

import java.util.Map;

/**
 * Go's view of the runtime values a template handles: {@link String}, {@link Long} (int), {@link
 * Double} (float64), {@link Boolean}, {@link GoByte} (uint8), the root {@code Map<String, String>}
 * and {@link NoValue}.
 */
final class Values {

  private Values() {}

  /**
   * The Go type name that fmt's {@code %T} and Go's error messages use; {@code null} is a nil
   * interface.
   */
  static String goType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof GoByte) {
      return "uint8";
    }
    if (value instanceof Map) {
      return "map[string]string";
    }
    return "<nil>";
  }

  /** Go's template truth: not the zero value of its type; a missing value is false. */
  static boolean isTrue(Object value) {
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Long l) {
      return l != 0;
    }
    if (value instanceof Double d) {
      return d != 0;
    }
    if (value instanceof GoByte b) {
      return b.value() != 0;
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return false;
  }
}
