package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.controller.wavefront.WavefrontException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The effects of a plan: the Wavefront writes it asks for, the inventory kept current with them,
 * and the listener told of each. Nothing here decides: {@link SyncPlan} has.
 */
final class WavefrontWrites {
  private final Inventory inventory;
  private final SyncListener listener;

  WavefrontWrites(Inventory inventory, SyncListener listener) {
    this.inventory = inventory;
    this.listener = listener;
  }

  /**
   * Carries out {@code plan} for {@code cr}; returns the id of the alert that now stands for it.
   *
   * @param live the alerts the plan was made from (for the checksums before)
   * @param adopted the alert becomes this CR's now (found by tag, or adopted in migration mode)
   * @param firstDrift for a drift reported only: not reported before
   */
  String apply(
      WavefrontClient wf,
      WavefrontAlert cr,
      SyncPlan plan,
      DesiredAlert desired,
      List<LiveAlert> live,
      String ownerTag,
      boolean adopted,
      boolean firstDrift) {
    String name = desired.name();
    for (String dup : plan.duplicates()) {
      if (wf.delete(dup)) {
        listener.duplicateDeleted(cr, dup, name, checksumOf(live, dup));
      }
      inventory.remove(ownerTag, dup);
    }
    switch (plan.action()) {
      case CREATE, RECREATE -> {
        LiveAlert alert = LiveAlert.of(wf.create(desired.body()));
        inventory.put(alert);
        listener.created(
            cr, alert.id(), name, desired.checksum(), plan.action() == SyncPlan.Action.RECREATE);
        return alert.id();
      }
      case UPDATE, CORRECT_DRIFT -> {
        inventory.put(LiveAlert.of(update(wf, plan.id(), desired, ownerTag)));
        listener.updated(
            cr,
            plan.id(),
            name,
            checksumOf(live, plan.id()),
            desired.checksum(),
            plan.differences(),
            plan.action() == SyncPlan.Action.CORRECT_DRIFT,
            adopted);
        return plan.id();
      }
      case RENAME -> {
        // the old name's alert, found by its exact ownership tag while no CR of that name exists
        String oldTag = ownerTagOf(live, plan.id());
        LiveAlert alert = LiveAlert.of(update(wf, plan.id(), desired, oldTag));
        inventory.remove(oldTag, plan.id());
        inventory.put(alert);
        listener.renamed(
            cr,
            plan.id(),
            name,
            plan.renamedFrom(),
            checksumOf(live, plan.id()),
            desired.checksum());
        return plan.id();
      }
      case REPORT_DRIFT -> {
        listener.driftDetected(cr, plan.id(), plan.differences(), firstDrift);
        return plan.id();
      }
      default -> {
        listener.unchanged(cr, plan.id(), adopted);
        return plan.id();
      }
    }
  }

  /** Deletes {@code ids} (to the trash); returns those that were still there. */
  List<String> delete(WavefrontClient wf, List<String> ids, String ownerTag) {
    List<String> deleted = new ArrayList<>();
    for (String id : ids) {
      if (wf.delete(id)) {
        deleted.add(id);
      }
      inventory.remove(ownerTag, id);
    }
    return deleted;
  }

  private ObjectNode update(WavefrontClient wf, String id, DesiredAlert desired, String owner) {
    try {
      return wf.update(id, desired.body());
    } catch (WavefrontException e) {
      if (e.kind() == WavefrontException.Kind.NOT_FOUND) {
        inventory.remove(owner, id); // gone since the listing: the retry re-creates it
        throw new WavefrontException(
            WavefrontException.Kind.UNAVAILABLE, 404, e.getMessage() + " (gone; re-creating)", e);
      }
      throw e;
    }
  }

  private static String ownerTagOf(List<LiveAlert> live, String id) {
    return live.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().ownerTag();
  }

  private static String checksumOf(List<LiveAlert> live, String id) {
    Optional<LiveAlert> a = live.stream().filter(l -> l.id().equals(id)).findFirst();
    return a.map(l -> l.projection().checksum()).orElse(null);
  }
}
