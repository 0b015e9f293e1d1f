package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Set;

/**
 * Typed fields of a JSON request body. An absent or null field is "not given"; a field of another
 * type is a 400 that names it.
 */
final class BodyFields {
  private BodyFields() {}

  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw AlertStoreException.badRequest(
          "Invalid " + field + " specified: " + v + " (expected a string)");
    }
    return v.asText();
  }

  static Integer integer(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw AlertStoreException.badRequest(
          "Invalid " + field + " specified: " + v + " (expected an integer)");
    }
    return v.intValue();
  }

  /** False when not given. */
  static boolean bool(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw AlertStoreException.badRequest(
          "Invalid " + field + " specified: " + v + " (expected a boolean)");
    }
    return v.booleanValue();
  }

  /**
   * One of {@code allowed}, given in any case and returned in upper case; {@code dflt} if empty.
   */
  static String upperEnum(JsonNode body, String field, Set<String> allowed, String dflt) {
    String v = text(body, field);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    String upper = v.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      throw AlertStoreException.badRequest("Invalid " + field + " specified: " + v);
    }
    return upper;
  }

  /** A copy of {@code value}, which must be an array of strings; {@code field} names it. */
  static ArrayNode stringArray(JsonNode value, String field) {
    if (!value.isArray()) {
      throw AlertStoreException.badRequest(
          "Invalid " + field + " specified: expected an array of strings");
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode e : value) {
      if (!e.isTextual()) {
        throw AlertStoreException.badRequest(
            "Invalid " + field + " specified: expected an array of strings");
      }
      out.add(e.asText());
    }
    return out;
  }
}
