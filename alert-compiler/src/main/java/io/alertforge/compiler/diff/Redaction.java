package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secret values in what a diff shows: a pull-request comment is read by everyone with access
 * to the repository, and sometimes beyond. Redacted: PagerDuty integration keys ({@code pd:<key>},
 * which let anyone page the team), credentials in URLs ({@code https://user:pass@}), and the values
 * of URL query parameters named like a credential ({@code token}, {@code key}, {@code secret},
 * {@code password}, {@code signature}, …). The last 4 characters of a key are kept so that a change
 * of key is still visible.
 */
public final class Redaction {

  private static final Pattern PAGERDUTY = Pattern.compile("\\bpd:([A-Za-z0-9]{16,})");
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s@:]+):([^/\\s@]+)@");
  private static final Pattern QUERY_SECRET =
      Pattern.compile(
          "(?i)([?&](?:[a-z0-9_-]*(?:token|secret|password|passwd|apikey|api_key|key|signature|sig)))=([^&#\\s\"']+)");

  private Redaction() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String redacted = replace(PAGERDUTY, value, m -> "pd:" + masked(m.group(1)));
    redacted = replace(URL_CREDENTIALS, redacted, m -> m.group(1) + "***:***@");
    return replace(QUERY_SECRET, redacted, m -> m.group(1) + "=" + masked(m.group(2)));
  }

  /** A copy of a JSON value with every string redacted. */
  public static JsonNode json(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (node.isTextual()) {
      return TextNode.valueOf(text(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> array.add(json(item)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> object.set(e.getKey(), json(e.getValue())));
      return object;
    }
    return node;
  }

  private static String masked(String secret) {
    return secret.length() <= 8 ? "***" : "…" + secret.substring(secret.length() - 4);
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
