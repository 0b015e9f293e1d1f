package io.alertforge.wavefront.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.wavefront.emulator.store.AlertStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON mapper and the Wavefront response envelope. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"status":{"result":"OK","message":"","code":200},"response":...}}. */
  static byte[] ok(JsonNode response) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("status", status("OK", "", 200));
    if (response != null) {
      root.set("response", response);
    }
    return bytes(root);
  }

  /** {@code ResponseContainerVoid}: the status only. */
  static byte[] okVoid() {
    return ok(null);
  }

  /** {@code {"status":{"result":"ERROR","message":...,"code":...}}}. */
  static byte[] error(int code, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("status", status("ERROR", message == null ? "" : message, code));
    return bytes(root);
  }

  static ObjectNode status(String result, String message, int code) {
    ObjectNode status = MAPPER.createObjectNode();
    status.put("result", result);
    status.put("message", message);
    status.put("code", code);
    return status;
  }

  /**
   * Parses a request body; empty means null. Malformed JSON is a 400 carrying the parser's message.
   */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      throw AlertStoreException.badRequest(e.getOriginalMessage());
    } catch (IOException e) {
      throw AlertStoreException.badRequest(e.getMessage());
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
