package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.model.AlertType;
import io.alertforge.model.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The managed fields of a Wavefront alert, normalised as in wavefront-api.md §8.4, so that two
 * alerts that Wavefront treats alike compare equal: strings trimmed, enums upper case, {@code
 * target} and tags as sets, {@code resolveAfterMinutes} unset as {@code minutes}, {@code
 * processRateMinutes} unset as 5, a resend frequency ≤ 0 as unset, booleans unset as false. A
 * THRESHOLD alert compares its {@code conditions} and {@code targets} per lower-case severity (each
 * target as a set), not the {@code condition} and {@code severity} Wavefront derives for it.
 * Everything else (read-only fields, snooze, ACL) is not compared.
 */
public record AlertProjection(
    String name,
    String alertType,
    String condition,
    Map<String, String> conditions,
    String displayExpression,
    String severity,
    int minutes,
    int resolveAfterMinutes,
    int processRateMinutes,
    int notificationResendFrequencyMinutes,
    Set<String> target,
    Map<String, Set<String>> targets,
    String additionalInformation,
    Set<String> tags,
    List<String> runbookLinks,
    boolean evaluateRealtimeData,
    boolean includeObsoleteMetrics) {

  /** Projects an alert in Wavefront's JSON shape (a live alert or a request body). */
  public static AlertProjection of(JsonNode a) {
    int minutes = a.path("minutes").asInt(0);
    int resolveAfter = a.path("resolveAfterMinutes").asInt(0);
    int processRate = a.path("processRateMinutes").asInt(0);
    int resend = a.path("notificationResendFrequencyMinutes").asInt(0);
    String type = upper(text(a, "alertType"));
    boolean threshold = AlertType.THRESHOLD.name().equals(type);
    List<String> runbooks = new ArrayList<>();
    a.path("runbookLinks").forEach(l -> runbooks.add(l.asText().trim()));
    return new AlertProjection(
        text(a, "name"),
        type.isEmpty() ? AlertType.CLASSIC.name() : type,
        threshold ? "" : text(a, "condition"),
        perSeverity(a.path("conditions"), String::trim),
        text(a, "displayExpression"),
        threshold ? "" : upper(text(a, "severity")),
        minutes,
        resolveAfter > 0 ? resolveAfter : minutes,
        processRate > 0 ? processRate : 5,
        Math.max(0, resend),
        entries(text(a, "target")),
        perSeverity(a.path("targets"), AlertProjection::entries),
        text(a, "additionalInformation"),
        tags(a),
        List.copyOf(runbooks),
        a.path("evaluateRealtimeData").asBoolean(false),
        a.path("includeObsoleteMetrics").asBoolean(false));
  }

  /** sha256 of the canonical form: equal projections, equal checksums. */
  public String checksum() {
    return Sha256.hex(toString());
  }

  /** The names of the fields that differ, for events and logs ("minutes, tags"). */
  public List<String> differences(AlertProjection o) {
    List<String> d = new ArrayList<>();
    for (var c : AlertProjection.class.getRecordComponents()) {
      try {
        if (!c.getAccessor().invoke(this).equals(c.getAccessor().invoke(o))) {
          d.add(c.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return d;
  }

  private static String text(JsonNode a, String field) {
    JsonNode n = a.get(field);
    return n == null || n.isNull() ? "" : n.asText().trim();
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  private static Set<String> entries(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A map keyed by severity: keys lower case and sorted, blank values left out. */
  private static <T> Map<String, T> perSeverity(JsonNode map, Function<String, T> value) {
    Map<String, T> out = new TreeMap<>();
    map.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                out.put(
                    e.getKey().trim().toLowerCase(Locale.ROOT), value.apply(e.getValue().asText()));
              }
            });
    return Collections.unmodifiableMap(out);
  }

  private static Set<String> tags(JsonNode a) {
    Set<String> tags = new TreeSet<>();
    a.path("tags").path("customerTags").forEach(t -> tags.add(t.asText().trim()));
    return tags;
  }
}
