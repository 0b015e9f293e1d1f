package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed fields of a JSON request body. An absent or null field is "not given"; a field of another
 * type is a 400 that names it.
 */
final class BodyFields {
  private BodyFields() {}

  static String text(JsonNode body, String field) {
    return typed(body, field, JsonNode::isTextual, "a string", JsonNode::asText);
  }

  static Integer integer(JsonNode body, String field) {
    return typed(
        body,
        field,
        v -> v.isIntegralNumber() && v.canConvertToInt(),
        "an integer",
        JsonNode::intValue);
  }

  /** False when not given. */
  static boolean bool(JsonNode body, String field) {
    Boolean v = typed(body, field, JsonNode::isBoolean, "a boolean", JsonNode::booleanValue);
    return v != null && v;
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

  /** The field's value, null when not given, or a 400 when {@code isType} does not hold. */
  private static <T> T typed(
      JsonNode body,
      String field,
      Predicate<JsonNode> isType,
      String expected,
      Function<JsonNode, T> value) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!isType.test(v)) {
      throw AlertStoreException.badRequest(
          "Invalid " + field + " specified: " + v + " (expected " + expected + ")");
    }
    return value.apply(v);
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
