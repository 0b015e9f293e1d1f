package io.alertforge.wavefront.emulator.store;

import static io.alertforge.wavefront.emulator.store.BodyFields.bool;
import static io.alertforge.wavefront.emulator.store.BodyFields.integer;
import static io.alertforge.wavefront.emulator.store.BodyFields.stringArray;
import static io.alertforge.wavefront.emulator.store.BodyFields.text;
import static io.alertforge.wavefront.emulator.store.BodyFields.upperEnum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a create or full-replace body into the stored alert: validates it (400 with a
 * Wavefront-style message), applies the defaults for omitted fields, ignores read-only and unknown
 * fields, and derives the server-computed fields (§3.3, §6 and §10 of wavefront-api.md).
 */
final class AlertNormalizer {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Severities from highest to lowest. */
  static final List<String> SEVERITIES = List.of("SEVERE", "WARN", "SMOKE", "INFO");

  static final Set<String> ALERT_TYPES = Set.of("CLASSIC", "THRESHOLD");
  static final Set<String> QUERY_TYPES = Set.of("WQL", "PROMQL", "HYBRID");
  static final Pattern TAG = Pattern.compile("[A-Za-z0-9_:.\\-]+");
  static final int MAX_TAG_LENGTH = 254;
  static final int DEFAULT_PROCESS_RATE_MINUTES = 5;

  /** Writable fields that are stored as given (when not null) and not otherwise interpreted. */
  private static final List<String> PASS_THROUGH =
      List.of(
          "alertTriageDashboards",
          "triageDashboards",
          "alertSources",
          "conditionQBEnabled",
          "conditionQBSerialization",
          "displayExpressionQBEnabled",
          "displayExpressionQBSerialization",
          "alertChartBase",
          "alertChartDescription",
          "alertChartUnits",
          "chartSettings",
          "chartAttributes",
          "secureMetricDetails",
          "enablePDIncidentBySeries");

  private static final List<String> EMPTY_LIST_FIELDS =
      List.of(
          "failingHostLabelPairs",
          "inMaintenanceHostLabelPairs",
          "prefiringHostLabelPairs",
          "activeMaintenanceWindows",
          "metricsUsed",
          "hostsUsed",
          "failingHostLabelPairLinks");

  private final QueryValidator queryValidator;
  private final NotificationTargets notificationTargets;

  AlertNormalizer(QueryValidator queryValidator, int maxEmailTargets) {
    this.queryValidator = queryValidator;
    this.notificationTargets = new NotificationTargets(maxEmailTargets);
  }

  /**
   * Builds a stored alert.
   *
   * @param body the request body
   * @param id the id to give it (the path id on update)
   * @param previous the alert being replaced, or null on create
   * @param actor the account id of the caller
   * @param now epoch millis
   */
  ObjectNode normalize(JsonNode body, String id, ObjectNode previous, String actor, long now) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      throw AlertStoreException.badRequest("Request body is required");
    }
    if (!body.isObject()) {
      throw AlertStoreException.badRequest("Request body must be a JSON object (Alert)");
    }
    JsonNode bodyId = body.get("id");
    if (previous != null && bodyId != null && !bodyId.isNull() && !bodyId.asText().equals(id)) {
      throw AlertStoreException.badRequest(
          "Alert id in the body ("
              + bodyId.asText()
              + ") does not match the id in the path ("
              + id
              + ")");
    }

    String name = text(body, "name");
    if (name == null || name.isBlank()) {
      throw AlertStoreException.badRequest("Alert name cannot be blank");
    }
    String alertType = upperEnum(body, "alertType", ALERT_TYPES, "CLASSIC");
    Integer minutes = integer(body, "minutes");
    if (minutes == null) {
      throw AlertStoreException.badRequest("Alert minutes is required");
    }
    if (minutes < 1) {
      throw AlertStoreException.badRequest(
          "Invalid minutes specified: " + minutes + " (must be at least 1)");
    }
    Integer resolveAfter = integer(body, "resolveAfterMinutes");
    if (resolveAfter != null && resolveAfter < 0) {
      throw AlertStoreException.badRequest(
          "Invalid resolveAfterMinutes specified: " + resolveAfter);
    }
    if (resolveAfter == null || resolveAfter == 0) {
      resolveAfter = minutes;
    }
    Integer processRate = integer(body, "processRateMinutes");
    if (processRate != null && processRate < 0) {
      throw AlertStoreException.badRequest("Invalid processRateMinutes specified: " + processRate);
    }
    if (processRate == null || processRate == 0) {
      processRate = DEFAULT_PROCESS_RATE_MINUTES;
    }
    Integer resend = integer(body, "notificationResendFrequencyMinutes");
    String conditionQueryType = upperEnum(body, "conditionQueryType", QUERY_TYPES, "WQL");
    String displayQueryType = upperEnum(body, "displayExpressionQueryType", QUERY_TYPES, "WQL");
    String displayExpression = text(body, "displayExpression");
    String additionalInformation = text(body, "additionalInformation");
    boolean includeObsolete = bool(body, "includeObsoleteMetrics");
    boolean realtime = bool(body, "evaluateRealtimeData");
    List<String> tags = tags(body.get("tags"));

    ObjectNode out = NODES.objectNode();
    out.put("id", id);
    out.put("name", name);
    out.put("alertType", alertType);

    String condition;
    String severity;
    List<String> severityList;
    List<String> targetStrings = new ArrayList<>();
    if ("THRESHOLD".equals(alertType)) {
      Map<String, String> conditions = severityMap(body, "conditions");
      if (conditions.isEmpty()) {
        throw AlertStoreException.badRequest(
            "Alert conditions cannot be empty for a THRESHOLD alert");
      }
      if (displayExpression == null || displayExpression.isBlank()) {
        throw AlertStoreException.badRequest(
            "Alert displayExpression cannot be blank for a THRESHOLD alert");
      }
      Map<String, String> targets = severityMap(body, "targets");
      for (Map.Entry<String, String> e : conditions.entrySet()) {
        checkQuery("conditions." + e.getKey(), e.getValue());
      }
      checkQuery("displayExpression", displayExpression);
      for (Map.Entry<String, String> e : targets.entrySet()) {
        notificationTargets.check(e.getValue());
        targetStrings.add(e.getValue());
      }
      condition = displayExpression;
      severityList = new ArrayList<>();
      for (String s : SEVERITIES) {
        if (conditions.containsKey(s.toLowerCase(Locale.ROOT))) {
          severityList.add(s);
        }
      }
      severity = severityList.get(0);
      out.put("condition", condition);
      out.put("displayExpression", displayExpression);
      out.set("conditions", stringMap(conditions));
      if (!targets.isEmpty()) {
        out.set("targets", stringMap(targets));
      }
    } else {
      condition = text(body, "condition");
      if (condition == null || condition.isBlank()) {
        throw AlertStoreException.badRequest("Alert condition cannot be blank");
      }
      severity = upperEnum(body, "severity", Set.copyOf(SEVERITIES), null);
      if (severity == null) {
        throw AlertStoreException.badRequest("Alert severity is required for a CLASSIC alert");
      }
      checkQuery("condition", condition);
      if (displayExpression != null && !displayExpression.isBlank()) {
        checkQuery("displayExpression", displayExpression);
      }
      severityList = List.of(severity);
      out.put("condition", condition);
      if (displayExpression != null) {
        out.put("displayExpression", displayExpression);
      }
      String target = text(body, "target");
      if (target != null) {
        notificationTargets.check(target);
        targetStrings.add(target);
        out.put("target", target);
      }
    }
    out.put("conditionQueryType", conditionQueryType);
    out.put("displayExpressionQueryType", displayQueryType);
    out.put("minutes", minutes);
    out.put("resolveAfterMinutes", resolveAfter);
    out.put("processRateMinutes", processRate);
    if (resend != null) {
      out.put("notificationResendFrequencyMinutes", resend);
    }
    out.put("severity", severity);
    ArrayNode sevList = out.putArray("severityList");
    severityList.forEach(sevList::add);
    ObjectNode tagsNode = out.putObject("tags");
    ArrayNode customerTags = tagsNode.putArray("customerTags");
    tags.forEach(customerTags::add);
    if (additionalInformation != null) {
      out.put("additionalInformation", additionalInformation);
    }
    out.put("includeObsoleteMetrics", includeObsolete);
    out.put("evaluateRealtimeData", realtime);
    JsonNode runbooks = body.get("runbookLinks");
    if (runbooks != null && !runbooks.isNull()) {
      out.set("runbookLinks", stringArray(runbooks, "runbookLinks"));
    }
    for (String field : PASS_THROUGH) {
      JsonNode v = body.get(field);
      if (v != null && !v.isNull()) {
        out.set(field, v.deepCopy());
      }
    }
    NotificationTargets.derive(out, targetStrings);

    // Server-side state: kept from the previous version on update.
    JsonNode snoozed = previous == null ? null : previous.get("snoozed");
    if (snoozed != null) {
      out.set("snoozed", snoozed);
    }
    setStatus(out, false, snoozed != null);
    out.put("inTrash", false);
    out.put("deleted", false);
    out.put("hidden", false);
    out.put("orphan", false);
    out.put("systemOwned", false);
    long created = previous == null ? now : previous.path("created").asLong(now);
    String creator = previous == null ? actor : previous.path("creatorId").asText(actor);
    out.put("created", created);
    out.put("createdEpochMillis", created);
    out.put("updated", now);
    out.put("updatedEpochMillis", now);
    out.put("creatorId", creator);
    out.put("createUserId", creator);
    out.put("updaterId", actor);
    out.put("updateUserId", actor);
    if (previous != null && previous.has("acl")) {
      out.set("acl", previous.get("acl").deepCopy());
    } else {
      ObjectNode acl = out.putObject("acl");
      acl.putArray("canView");
      acl.putArray("canModify").add(creator);
    }
    out.put("modifyAclAccess", true);
    for (String field : EMPTY_LIST_FIELDS) {
      out.putArray(field);
    }
    out.put("alertsLastDay", 0);
    out.put("alertsLastWeek", 0);
    out.put("alertsLastMonth", 0);
    out.put("numPointsInFailureFrame", 0);
    out.put("pointsScannedAtLastQuery", 0);
    out.put("lastQueryTime", 0);
    return out;
  }

  /** Validates a list of customer tags (used by the tag endpoints too) and removes duplicates. */
  static List<String> validateTags(List<String> tags) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      if (t == null || t.length() > MAX_TAG_LENGTH || !TAG.matcher(t).matches()) {
        throw AlertStoreException.badRequest(
            "Invalid tag specified: "
                + (t == null ? "null" : "'" + t + "'")
                + ". Tags can contain alphanumeric characters, '-', '_', ':' and '.'");
      }
      out.add(t);
    }
    return List.copyOf(out);
  }

  static void setStatus(ObjectNode alert, boolean inTrash, boolean snoozed) {
    ArrayNode status = alert.putArray("status");
    if (inTrash) {
      status.add("TRASH");
    } else {
      status.add("CHECKING");
      if (snoozed) {
        status.add("SNOOZED");
      }
    }
  }

  private void checkQuery(String field, String query) {
    Optional<String> error = queryValidator.check(field, query);
    if (error.isPresent()) {
      throw AlertStoreException.badRequest(error.get());
    }
  }

  /** A map keyed by severity (lower case out); null means empty. */
  private static Map<String, String> severityMap(JsonNode body, String field) {
    JsonNode v = body.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw AlertStoreException.badRequest(
          "Invalid " + field + " specified: expected an object keyed by severity");
    }
    var it = v.fields();
    while (it.hasNext()) {
      var e = it.next();
      String key = e.getKey().trim().toLowerCase(Locale.ROOT);
      if (!SEVERITIES.contains(key.toUpperCase(Locale.ROOT))) {
        throw AlertStoreException.badRequest(
            "Invalid "
                + field
                + " key specified: "
                + e.getKey()
                + " (must be one of severe, warn, info, smoke)");
      }
      JsonNode value = e.getValue();
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isTextual()) {
        throw AlertStoreException.badRequest(
            "Invalid " + field + "." + key + " specified: expected a string");
      }
      if (value.asText().isBlank()) {
        throw AlertStoreException.badRequest(
            "Invalid " + field + "." + key + " specified: cannot be blank");
      }
      out.put(key, value.asText());
    }
    // stored in severity order, highest first
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String s : SEVERITIES) {
      String k = s.toLowerCase(Locale.ROOT);
      if (out.containsKey(k)) {
        ordered.put(k, out.get(k));
      }
    }
    return ordered;
  }

  private static List<String> tags(JsonNode tags) {
    if (tags == null || tags.isNull()) {
      return List.of();
    }
    if (!tags.isObject()) {
      throw AlertStoreException.badRequest(
          "Invalid tags specified: expected {\"customerTags\": [...]}");
    }
    JsonNode customer = tags.get("customerTags");
    if (customer == null || customer.isNull()) {
      return List.of();
    }
    List<String> list = new ArrayList<>();
    for (JsonNode t : stringArray(customer, "tags.customerTags")) {
      list.add(t.asText());
    }
    return validateTags(list);
  }

  private static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = NODES.objectNode();
    map.forEach(node::put);
    return node;
  }
}
