package io.alertforge.controller.crd;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;

/** The condition types and the one way they are set (lastTransitionTime moves on change only). */
public final class Conditions {
  /** The Wavefront alert exists and equals the spec (or drift is only being reported). */
  public static final String READY = "Ready";

  /** The last sync with Wavefront succeeded. */
  public static final String SYNCED = "Synced";

  /** The live Wavefront alert differs from the spec (edited outside the cluster). */
  public static final String DRIFTED = "Drifted";

  /**
   * The status names a Wavefront alert this CR does not own (another CR's, or untagged); present
   * only while that is so.
   */
  public static final String OWNERSHIP_CONFLICT = "OwnershipConflict";

  /**
   * This CR took over the Wavefront alert of the CR it was renamed from ({@code
   * alertforge.io/renamed-from}): True once done (kept as the record), False while it waits for the
   * old CR to be gone.
   */
  public static final String RENAMED = "Renamed";

  private Conditions() {}

  public static void remove(List<Condition> conditions, String type) {
    conditions.removeIf(c -> type.equals(c.getType()));
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /**
   * Sets the condition {@code type}, keeping its lastTransitionTime unless its status changes.
   *
   * @return whether the status changed
   */
  public static boolean set(
      List<Condition> conditions,
      String type,
      boolean status,
      String reason,
      String message,
      Long generation,
      String now) {
    String value = status ? "True" : "False";
    Optional<Condition> existing = find(conditions, type);
    boolean transition = existing.map(c -> !value.equals(c.getStatus())).orElse(true);
    Condition c = existing.orElseGet(Condition::new);
    if (existing.isEmpty()) {
      conditions.add(c);
    }
    c.setType(type);
    c.setStatus(value);
    c.setReason(reason);
    c.setMessage(message);
    c.setObservedGeneration(generation);
    if (transition || c.getLastTransitionTime() == null) {
      c.setLastTransitionTime(now);
    }
    return transition;
  }
}
