package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed {@code SortableSearchRequest} (§4 of wavefront-api.md): {@code query[]} entries that
 * must all match, an optional sort, and offset/limit paging with limit 1..1000 (default 100).
 */
final class SearchRequest {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  enum Method {
    CONTAINS,
    STARTSWITH,
    EXACT,
    TAGPATH
  }

  final List<Criterion> criteria;
  final String sortField;
  final boolean ascending;
  final JsonNode sortNode;
  final int offset;
  final int limit;

  private SearchRequest(
      List<Criterion> criteria,
      String sortField,
      boolean ascending,
      JsonNode sortNode,
      int offset,
      int limit) {
    this.criteria = criteria;
    this.sortField = sortField;
    this.ascending = ascending;
    this.sortNode = sortNode;
    this.offset = offset;
    this.limit = limit;
  }

  static SearchRequest parse(JsonNode body, boolean caseSensitive) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new SearchRequest(List.of(), null, true, null, 0, DEFAULT_LIMIT);
    }
    if (!body.isObject()) {
      throw AlertStoreException.badRequest(
          "Request body must be a JSON object (SortableSearchRequest)");
    }
    int offset = Objects.requireNonNullElse(BodyFields.integer(body, "offset"), 0);
    if (offset < 0) {
      throw AlertStoreException.badRequest(
          "Invalid offset specified: " + offset + " (must be >= 0)");
    }
    int limit = Objects.requireNonNullElse(BodyFields.integer(body, "limit"), DEFAULT_LIMIT);
    checkLimit(limit);
    List<Criterion> criteria = new ArrayList<>();
    JsonNode query = body.get("query");
    if (query != null && !query.isNull()) {
      if (!query.isArray()) {
        throw AlertStoreException.badRequest(
            "Invalid query specified: expected an array of SearchQuery");
      }
      for (JsonNode q : query) {
        criteria.add(Criterion.parse(q, caseSensitive));
      }
    }
    String sortField = null;
    boolean ascending = true;
    JsonNode sort = body.get("sort");
    if (sort != null && !sort.isNull()) {
      if (!sort.isObject()) {
        throw AlertStoreException.badRequest(
            "Invalid sort specified: expected {\"field\", \"ascending\"}");
      }
      JsonNode field = sort.get("field");
      if (field != null && field.isTextual() && !field.asText().isBlank()) {
        sortField = field.asText();
      }
      JsonNode asc = sort.get("ascending");
      if (asc != null && !asc.isNull()) {
        if (!asc.isBoolean()) {
          throw AlertStoreException.badRequest(
              "Invalid sort.ascending specified: expected a boolean");
        }
        ascending = asc.booleanValue();
      }
    }
    return new SearchRequest(List.copyOf(criteria), sortField, ascending, sort, offset, limit);
  }

  static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw AlertStoreException.badRequest(
          "Invalid limit specified: " + limit + " (must be between 1 and 1000)");
    }
  }

  boolean matches(ObjectNode alert) {
    for (Criterion c : criteria) {
      if (!c.test(alert)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lower-cased tags of an EXACT, non-negated {@code tags} entry, if any: lets the store use
   * its index.
   */
  List<String> indexableTags() {
    for (Criterion c : criteria) {
      if ("tags".equals(c.key)
          && c.method == Method.EXACT
          && !c.negated
          && c.values != null
          && c.start == null
          && c.end == null) {
        List<String> out = new ArrayList<>();
        for (String v : c.values) {
          out.add(v.toLowerCase(Locale.ROOT));
        }
        return out;
      }
    }
    return null;
  }

  Comparator<ObjectNode> comparator() {
    if (sortField == null) {
      return null;
    }
    Comparator<ObjectNode> byField = (a, b) -> compareValues(a.get(sortField), b.get(sortField));
    if (!ascending) {
      byField = byField.reversed();
    }
    return byField.thenComparing(a -> Long.parseLong(a.get("id").asText()));
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    boolean aMissing = a == null || a.isNull() || a.isMissingNode();
    boolean bMissing = b == null || b.isNull() || b.isMissingNode();
    if (aMissing || bMissing) {
      return Boolean.compare(aMissing, bMissing);
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    String as = a.isValueNode() ? a.asText() : a.toString();
    String bs = b.isValueNode() ? b.asText() : b.toString();
    int c = as.compareToIgnoreCase(bs);
    return c != 0 ? c : as.compareTo(bs);
  }

  /** One {@code SearchQuery} entry. */
  static final class Criterion {
    final String key;
    final List<String> values;
    final Method method;
    final boolean negated;
    final Double start;
    final Double end;
    final boolean caseSensitive;
    private final List<Pattern> tagPaths;

    private Criterion(
        String key,
        List<String> values,
        Method method,
        boolean negated,
        Double start,
        Double end,
        boolean caseSensitive) {
      this.key = key;
      this.values = values;
      this.method = method;
      this.negated = negated;
      this.start = start;
      this.end = end;
      this.caseSensitive = caseSensitive;
      List<Pattern> patterns = new ArrayList<>();
      if (method == Method.TAGPATH && values != null) {
        for (String v : values) {
          patterns.add(tagPathPattern(v, caseSensitive));
        }
      }
      this.tagPaths = patterns;
    }

    static Criterion parse(JsonNode q, boolean caseSensitive) {
      if (!q.isObject()) {
        throw AlertStoreException.badRequest(
            "Invalid query specified: each entry must be a SearchQuery object");
      }
      JsonNode keyNode = q.get("key");
      if (keyNode == null || !keyNode.isTextual() || keyNode.asText().isBlank()) {
        throw AlertStoreException.badRequest("Invalid query specified: key is required");
      }
      String key = keyNode.asText();
      List<String> values = null;
      JsonNode valuesNode = q.get("values");
      if (valuesNode != null && !valuesNode.isNull()) {
        if (!valuesNode.isArray()) {
          throw AlertStoreException.badRequest(
              "Invalid values specified for key " + key + ": expected an array");
        }
        values = new ArrayList<>();
        for (JsonNode v : valuesNode) {
          if (!v.isValueNode() || v.isNull()) {
            throw AlertStoreException.badRequest(
                "Invalid values specified for key " + key + ": expected strings");
          }
          values.add(v.asText());
        }
      } else {
        JsonNode valueNode = q.get("value");
        if (valueNode != null && !valueNode.isNull()) {
          if (!valueNode.isValueNode()) {
            throw AlertStoreException.badRequest(
                "Invalid value specified for key " + key + ": expected a string");
          }
          values = List.of(valueNode.asText());
        }
      }
      Method method = "tagpath".equals(key) ? Method.TAGPATH : Method.CONTAINS;
      JsonNode m = q.get("matchingMethod");
      if (m != null && !m.isNull()) {
        try {
          method = Method.valueOf(m.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw AlertStoreException.badRequest(
              "Invalid matchingMethod specified: "
                  + m.asText()
                  + " (must be one of CONTAINS, STARTSWITH, EXACT, TAGPATH)");
        }
      }
      JsonNode negatedNode = q.get("negated");
      boolean negated = negatedNode != null && negatedNode.asBoolean(false);
      Double start = number(q, "start");
      Double end = number(q, "end");
      return new Criterion(
          key,
          values == null ? null : List.copyOf(values),
          method,
          negated,
          start,
          end,
          caseSensitive);
    }

    boolean test(ObjectNode alert) {
      boolean hit = rawTest(alert);
      return negated != hit;
    }

    private boolean rawTest(ObjectNode alert) {
      if (start != null || end != null) {
        JsonNode v = alert.get(key);
        if (v == null || !v.isNumber()) {
          return false;
        }
        double d = v.doubleValue();
        if ((start != null && d < start) || (end != null && d > end)) {
          return false;
        }
        if (values == null) {
          return true;
        }
      }
      List<String> candidates = candidates(alert);
      if (values == null) {
        return !candidates.isEmpty();
      }
      for (String c : candidates) {
        for (int i = 0; i < values.size(); i++) {
          if (matchOne(c, values.get(i), i)) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean matchOne(String candidate, String value, int index) {
      switch (method) {
        case TAGPATH:
          return tagPaths.get(index).matcher(candidate).matches();
        case EXACT:
          return caseSensitive ? candidate.equals(value) : candidate.equalsIgnoreCase(value);
        case STARTSWITH:
          return candidate.regionMatches(!caseSensitive, 0, value, 0, value.length());
        case CONTAINS:
        default:
          if (caseSensitive) {
            return candidate.contains(value);
          }
          return candidate.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
      }
    }

    /** The strings of an alert that this entry's key matches against. */
    private List<String> candidates(ObjectNode alert) {
      List<String> out = new ArrayList<>();
      switch (key) {
        case "tags", "tagpath" ->
            alert.path("tags").path("customerTags").forEach(t -> out.add(t.asText()));
        case "freetext" -> {
          for (String f :
              List.of(
                  "id",
                  "name",
                  "condition",
                  "displayExpression",
                  "additionalInformation",
                  "target")) {
            JsonNode v = alert.get(f);
            if (v != null && v.isValueNode() && !v.isNull()) {
              out.add(v.asText());
            }
          }
          alert.path("conditions").forEach(v -> out.add(v.asText()));
          alert.path("targets").forEach(v -> out.add(v.asText()));
          alert.path("tags").path("customerTags").forEach(t -> out.add(t.asText()));
        }
        default -> {
          JsonNode v = alert.get(key);
          if (v == null || v.isNull()) {
            break;
          }
          if (v.isArray()) {
            v.forEach(
                e -> {
                  if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                  }
                });
          } else if (v.isValueNode()) {
            out.add(v.asText());
          }
        }
      }
      return out;
    }

    private static Double number(JsonNode q, String field) {
      JsonNode v = q.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isNumber()) {
        throw AlertStoreException.badRequest("Invalid " + field + " specified: expected a number");
      }
      return v.doubleValue();
    }

    /**
     * A tag path {@code a.b} matches the tag {@code a.b} and every tag below it ({@code a.b.c});
     * {@code *} matches within one dot-separated segment, so {@code a.*.c} matches {@code a.x.c}.
     */
    static Pattern tagPathPattern(String path, boolean caseSensitive) {
      boolean childrenOnly = path.endsWith(".*");
      String p = childrenOnly ? path.substring(0, path.length() - 2) : path;
      StringBuilder regex = new StringBuilder();
      for (char c : p.toCharArray()) {
        if (c == '*') {
          regex.append("[^.]*");
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      regex.append(childrenOnly ? "\\..+" : "(\\..*)?");
      return Pattern.compile(regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
    }
  }
}
