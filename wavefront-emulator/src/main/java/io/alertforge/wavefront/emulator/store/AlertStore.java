package io.alertforge.wavefront.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The emulator's alerts: live and trashed, ordered by id, with an index of customer tags so that
 * the controller's "search by ownership tag" does not scan. Thread-safe: one read/write lock;
 * stored alerts are never mutated after they are published (every write stores a new node), so
 * pages can be serialised outside the lock. Public methods that return an alert return a copy,
 * except {@link Page#items()}.
 */
public final class AlertStore {
  /**
   * The account that {@link #modify} records as updater when none is given: an edit "in the UI".
   */
  public static final String UI_ACCOUNT = "ui-user@wavefront-emulator.local";

  private static final List<String> STATES =
      List.of(
          "FIRING", "SNOOZED", "IN_MAINTENANCE", "INVALID", "NONE", "CHECKING", "TRASH", "NO_DATA");

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<Long, ObjectNode> alerts = new TreeMap<>();
  private final TagIndex tagIndex = new TagIndex();
  private final LaggedWrites laggedWrites;
  private final AlertNormalizer normalizer;
  private final Clock clock;
  private final LongSupplier requestSeq;
  private volatile boolean caseSensitive;
  private int trashed;
  private long lastId;

  /**
   * @param clock time source for timestamps, ids and the search lag
   * @param lag the search lag setting (shared with the fault injector)
   * @param requestSeq the number of API requests received so far (for a lag counted in requests)
   * @param queryValidator checks every query on save, in addition to {@link
   *     QueryValidator#basicSyntax()}
   * @param maxEmailTargets more email targets than this in one target string gives 400
   */
  public AlertStore(
      Clock clock,
      SearchLag lag,
      LongSupplier requestSeq,
      QueryValidator queryValidator,
      int maxEmailTargets) {
    this.clock = clock;
    this.laggedWrites = new LaggedWrites(lag);
    this.requestSeq = requestSeq;
    QueryValidator basic = QueryValidator.basicSyntax();
    this.normalizer =
        new AlertNormalizer(
            (field, query) -> {
              Optional<String> error = basic.check(field, query);
              return error.isPresent() ? error : queryValidator.check(field, query);
            },
            maxEmailTargets);
  }

  /** Search matching is case-insensitive unless this is set ([assume] in the contract). */
  public void setSearchCaseSensitive(boolean value) {
    this.caseSensitive = value;
  }

  public boolean searchCaseSensitive() {
    return caseSensitive;
  }

  // ----------------------------------------------------------------------------------------------
  // writes

  /** {@code POST /api/v2/alert}: validates, applies defaults, assigns a new digit-string id. */
  public ObjectNode create(JsonNode body, String actor) {
    return write(
        () -> {
          long now = clock.millis();
          long id = Math.max(lastId + 1, now);
          ObjectNode alert = normalizer.normalize(body, Long.toString(id), null, actor, now);
          lastId = id;
          put(id, alert, now);
          return alert.deepCopy();
        });
  }

  /** {@code PUT /api/v2/alert/{id}}: full replacement; omitted fields revert to their defaults. */
  public ObjectNode replace(String id, JsonNode body, String actor) {
    return write(
        () -> {
          long key = liveKey(id);
          long now = clock.millis();
          ObjectNode alert = normalizer.normalize(body, id, alerts.get(key), actor, now);
          put(key, alert, now);
          return alert.deepCopy();
        });
  }

  /**
   * Changes a live alert as a user would in the Wavefront UI: {@code edit} gets a copy of the
   * alert, and the result goes through the same validation as a PUT. Not recorded in the request
   * log.
   */
  public ObjectNode modify(String id, Consumer<ObjectNode> edit) {
    return modify(id, edit, UI_ACCOUNT);
  }

  public ObjectNode modify(String id, Consumer<ObjectNode> edit, String actor) {
    return write(
        () -> {
          long key = liveKey(id);
          ObjectNode body = alerts.get(key).deepCopy();
          edit.accept(body);
          long now = clock.millis();
          ObjectNode alert = normalizer.normalize(body, id, alerts.get(key), actor, now);
          put(key, alert, now);
          return alert.deepCopy();
        });
  }

  /**
   * {@code DELETE /api/v2/alert/{id}}: a live alert goes to the trash, unless {@code skipTrash}; a
   * trashed alert, or any alert with {@code skipTrash}, is deleted permanently. Returns the alert
   * as deleted.
   */
  public ObjectNode delete(String id, boolean skipTrash, String actor) {
    return write(
        () -> {
          long key = anyKey(id);
          ObjectNode prev = alerts.get(key);
          long now = clock.millis();
          if (skipTrash || isTrash(prev)) {
            ObjectNode gone = prev.deepCopy();
            gone.put("deleted", true);
            put(key, null, now);
            return gone;
          }
          ObjectNode next = prev.deepCopy();
          next.put("inTrash", true);
          AlertNormalizer.setStatus(next, true, false);
          stamp(next, actor, now);
          put(key, next, now);
          return next.deepCopy();
        });
  }

  /**
   * Deletes an alert permanently, whatever its state, as if someone else deleted it. Returns false
   * when the id is unknown. Not recorded in the request log.
   */
  public boolean purge(String id) {
    return write(
        () -> {
          Long key = parse(id);
          if (key == null || !alerts.containsKey(key)) {
            return false;
          }
          put(key, null, clock.millis());
          return true;
        });
  }

  /**
   * {@code POST /api/v2/alert/{id}/undelete}: restores a trashed alert. [assume] an alert that is
   * not in the trash is returned unchanged.
   */
  public ObjectNode undelete(String id, String actor) {
    return write(
        () -> {
          long key = anyKey(id);
          ObjectNode prev = alerts.get(key);
          if (!isTrash(prev)) {
            return prev.deepCopy();
          }
          long now = clock.millis();
          ObjectNode next = prev.deepCopy();
          next.put("inTrash", false);
          AlertNormalizer.setStatus(next, false, next.has("snoozed"));
          stamp(next, actor, now);
          put(key, next, now);
          return next.deepCopy();
        });
  }

  /** {@code POST /api/v2/alert/{id}/tag}: replaces all customer tags. */
  public void setTags(String id, List<String> tags, String actor) {
    List<String> valid = AlertNormalizer.validateTags(tags);
    writeTags(id, actor, current -> valid);
  }

  /** {@code PUT /api/v2/alert/{id}/tag/{tag}}: idempotent. */
  public void addTag(String id, String tag, String actor) {
    List<String> valid = AlertNormalizer.validateTags(List.of(tag));
    writeTags(
        id,
        actor,
        current -> {
          List<String> next = new ArrayList<>(current);
          if (!next.contains(valid.get(0))) {
            next.add(valid.get(0));
          }
          return next;
        });
  }

  /** {@code DELETE /api/v2/alert/{id}/tag/{tag}}: idempotent. */
  public void removeTag(String id, String tag, String actor) {
    writeTags(
        id,
        actor,
        current -> {
          List<String> next = new ArrayList<>(current);
          next.remove(tag);
          return next;
        });
  }

  /**
   * {@code POST /api/v2/alert/{id}/snooze}: {@code seconds} null means indefinitely (negative
   * snoozed).
   */
  public ObjectNode snooze(String id, Long seconds, String actor) {
    return write(
        () -> {
          long key = liveKey(id);
          long now = clock.millis();
          ObjectNode next = alerts.get(key).deepCopy();
          next.put("snoozed", seconds == null || seconds < 0 ? -1L : now + seconds * 1000L);
          AlertNormalizer.setStatus(next, false, true);
          stamp(next, actor, now);
          put(key, next, now);
          return next.deepCopy();
        });
  }

  /** {@code POST /api/v2/alert/{id}/unsnooze}. */
  public ObjectNode unsnooze(String id, String actor) {
    return write(
        () -> {
          long key = liveKey(id);
          long now = clock.millis();
          ObjectNode next = alerts.get(key).deepCopy();
          next.remove("snoozed");
          AlertNormalizer.setStatus(next, false, false);
          stamp(next, actor, now);
          put(key, next, now);
          return next.deepCopy();
        });
  }

  /** Removes every alert and every pending search-lag state. Ids keep increasing across resets. */
  public void clear() {
    write(
        () -> {
          alerts.clear();
          tagIndex.clear();
          laggedWrites.clear();
          trashed = 0;
          return null;
        });
  }

  // -----------------------------------------------------------------------------------------------
  // reads

  /** {@code GET /api/v2/alert/{id}}: 404 for an unknown or trashed id. */
  public ObjectNode get(String id) {
    return read(() -> alerts.get(liveKey(id)).deepCopy());
  }

  /** Any alert by id, live or trashed (for tests). */
  public Optional<ObjectNode> find(String id) {
    return read(
        () -> {
          Long key = parse(id);
          ObjectNode a = key == null ? null : alerts.get(key);
          return Optional.ofNullable(a == null ? null : a.deepCopy());
        });
  }

  /** {@code GET /api/v2/alert/{id}/tag}. */
  public List<String> tags(String id) {
    return read(() -> tagsOf(alerts.get(liveKey(id))));
  }

  /** Copies of every live alert, in id order. */
  public List<ObjectNode> alerts() {
    return copies(false);
  }

  /** Copies of every trashed alert, in id order. */
  public List<ObjectNode> trash() {
    return copies(true);
  }

  /** Number of live alerts. */
  public int size() {
    return read(() -> alerts.size() - trashed);
  }

  /** Number of alerts in the trash. */
  public int trashSize() {
    return read(() -> trashed);
  }

  /** {@code GET /api/v2/alert?offset&limit}: live alerts in id order. */
  public Page list(int offset, int limit) {
    SearchRequest.checkLimit(limit);
    if (offset < 0) {
      throw AlertStoreException.badRequest(
          "Invalid offset specified: " + offset + " (must be >= 0)");
    }
    return read(
        () -> {
          int live = alerts.size() - trashed;
          List<ObjectNode> items = new ArrayList<>(Math.min(limit, Math.max(0, live - offset)));
          int skipped = 0;
          for (ObjectNode a : alerts.values()) {
            if (items.size() == limit) {
              break;
            }
            if (isTrash(a)) {
              continue;
            }
            if (skipped < offset) {
              skipped++;
              continue;
            }
            items.add(a);
          }
          return new Page(
              List.copyOf(items),
              offset,
              limit,
              live,
              offset + items.size() < live,
              null,
              null,
              null);
        });
  }

  /**
   * {@code GET /api/v2/alert/paginated?cursor&limit}: the cursor is the last id of the previous
   * page.
   */
  public Page listAfter(String cursor, int limit) {
    SearchRequest.checkLimit(limit);
    Long after = null;
    if (cursor != null && !cursor.isEmpty()) {
      after = parse(cursor);
      if (after == null) {
        throw AlertStoreException.badRequest("Invalid cursor specified: " + cursor);
      }
    }
    Long from = after;
    return read(
        () -> {
          NavigableMap<Long, ObjectNode> tail = from == null ? alerts : alerts.tailMap(from, false);
          List<ObjectNode> items = new ArrayList<>();
          boolean more = false;
          for (ObjectNode a : tail.values()) {
            if (isTrash(a)) {
              continue;
            }
            if (items.size() == limit) {
              more = true;
              break;
            }
            items.add(a);
          }
          String next = more ? items.get(items.size() - 1).get("id").asText() : null;
          return new Page(
              List.copyOf(items), 0, limit, alerts.size() - trashed, more, next, null, null);
        });
  }

  /**
   * {@code POST /api/v2/search/alert} ({@code deleted=false}, with {@code alertCounts}) and {@code
   * /search/alert/deleted} ({@code deleted=true}). Subject to the {@link SearchLag}.
   */
  public Page search(JsonNode body, boolean deleted) {
    SearchRequest request = SearchRequest.parse(body, caseSensitive);
    long now = clock.millis();
    long seq = requestSeq.getAsLong();
    List<ObjectNode> matched =
        read(
            () -> {
              boolean lagging = laggedWrites.lagging();
              List<ObjectNode> out = new ArrayList<>();
              for (Long id : searchCandidates(request, lagging)) {
                ObjectNode a = alerts.get(id);
                if (lagging) {
                  a = laggedWrites.searchVersion(id, a, now, seq);
                }
                if (a != null && isTrash(a) == deleted && request.matches(a)) {
                  out.add(a);
                }
              }
              return out;
            });
    Comparator<ObjectNode> order = request.comparator();
    if (order != null) {
      matched.sort(order);
    }
    Map<String, Integer> counts = deleted ? null : countByState(matched);
    int total = matched.size();
    int from = Math.min(request.offset, total);
    int to = Math.min(total, from + request.limit);
    return new Page(
        List.copyOf(matched.subList(from, to)),
        request.offset,
        request.limit,
        total,
        to < total,
        null,
        request.sortNode,
        counts);
  }

  /**
   * {@code GET /api/v2/alert/summary}: counts of live alerts by state, plus TRASH. [assume] shape.
   */
  public Map<String, Integer> summary() {
    return read(() -> countByState(alerts.values()));
  }

  // -----------------------------------------------------------------------------------------------
  // inner

  private List<ObjectNode> copies(boolean inTrash) {
    return read(
        () -> {
          List<ObjectNode> out = new ArrayList<>();
          for (ObjectNode a : alerts.values()) {
            if (isTrash(a) == inTrash) {
              out.add(a.deepCopy());
            }
          }
          return out;
        });
  }

  /**
   * The ids, in order, that a search looks at: those the tag index gives, or every alert; with a
   * lag, also the alerts that search still sees in an older version.
   */
  private Collection<Long> searchCandidates(SearchRequest request, boolean lagging) {
    List<String> tags = request.indexableTags();
    if (tags == null && !lagging) {
      return alerts.keySet();
    }
    TreeSet<Long> ids = tags == null ? new TreeSet<>(alerts.keySet()) : tagIndex.idsWithAnyOf(tags);
    if (lagging) {
      ids.addAll(laggedWrites.ids());
    }
    return ids;
  }

  /** Counts by state ({@link #STATES}, each present, then any other) of these alerts. */
  private static Map<String, Integer> countByState(Collection<ObjectNode> of) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : STATES) {
      counts.put(s, 0);
    }
    for (ObjectNode a : of) {
      for (JsonNode s : a.path("status")) {
        counts.merge(s.asText(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private void writeTags(String id, String actor, UnaryOperator<List<String>> change) {
    write(
        () -> {
          long key = liveKey(id);
          ObjectNode prev = alerts.get(key);
          List<String> next = change.apply(tagsOf(prev));
          long now = clock.millis();
          ObjectNode alert = prev.deepCopy();
          var array = ((ObjectNode) alert.get("tags")).putArray("customerTags");
          next.forEach(array::add);
          stamp(alert, actor, now);
          put(key, alert, now);
          return null;
        });
  }

  /**
   * Stores (or, with null, removes) an alert; keeps the tag index, trash count and search lag in
   * step.
   */
  private void put(long id, ObjectNode next, long now) {
    ObjectNode prev = alerts.get(id);
    laggedWrites.written(id, prev, now, requestSeq.getAsLong());
    if (prev != null) {
      tagIndex.remove(id, tagsOf(prev));
      if (isTrash(prev)) {
        trashed--;
      }
    }
    if (next == null) {
      alerts.remove(id);
      return;
    }
    alerts.put(id, next);
    if (isTrash(next)) {
      trashed++;
    }
    tagIndex.add(id, tagsOf(next));
  }

  private static void stamp(ObjectNode alert, String actor, long now) {
    alert.put("updated", now);
    alert.put("updatedEpochMillis", now);
    alert.put("updaterId", actor);
    alert.put("updateUserId", actor);
  }

  private static List<String> tagsOf(ObjectNode alert) {
    List<String> out = new ArrayList<>();
    alert.path("tags").path("customerTags").forEach(t -> out.add(t.asText()));
    return out;
  }

  private static boolean isTrash(ObjectNode alert) {
    return alert.path("inTrash").asBoolean(false);
  }

  /** The key of a live alert, or 404. */
  private long liveKey(String id) {
    Long key = parse(id);
    ObjectNode a = key == null ? null : alerts.get(key);
    if (a == null || isTrash(a)) {
      throw AlertStoreException.notFound(id);
    }
    return key;
  }

  /** The key of a live or trashed alert, or 404. */
  private long anyKey(String id) {
    Long key = parse(id);
    if (key == null || !alerts.containsKey(key)) {
      throw AlertStoreException.notFound(id);
    }
    return key;
  }

  /** Ids are digit strings; anything else is simply unknown. */
  private static Long parse(String id) {
    if (id == null
        || id.isEmpty()
        || id.length() > 18
        || (id.length() > 1 && id.charAt(0) == '0')) {
      return null;
    }
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(id);
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
