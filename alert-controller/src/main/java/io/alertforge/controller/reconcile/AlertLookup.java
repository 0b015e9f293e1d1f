package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.AlertStatus;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads of a reconcile: the live alerts a CR may write, and what the alert its status names is
 * to it. The CR's own alerts are those with its ownership tag, exactly: the inventory's, or when it
 * knows none a fresh search (the look-up before any create, which finds what a crash or an
 * uncertain create left behind). The status id's alert joins them only if {@link StatusClaim} says
 * it may; whether another CR claims the same id comes from the informer's index.
 */
final class AlertLookup {
  /** The informer's index of the Wavefront ids each CR's status names. */
  static final String STATUS_ID_INDEX = "wavefront-status-id";

  /** What was found: the alerts this CR may write, and the verdict on its status id. */
  record Found(List<LiveAlert> live, StatusClaim claim) {}

  private final Inventory inventory;
  private final boolean adoptUntagged;

  AlertLookup(Inventory inventory, boolean adoptUntagged) {
    this.inventory = inventory;
    this.adoptUntagged = adoptUntagged;
  }

  Found find(
      WavefrontClient wf,
      WavefrontAlert cr,
      IndexedResourceCache<WavefrontAlert> crs,
      String ownerTag,
      String statusId,
      String desiredName) {
    inventory.ensureLoaded(wf);
    List<LiveAlert> live = new ArrayList<>(inventory.owned(ownerTag));
    if (live.isEmpty()) {
      live.addAll(searchOwned(wf, ownerTag));
      inventory.replaceOwned(ownerTag, live);
    }
    if (statusId == null) {
      return new Found(live, StatusClaim.NONE);
    }
    if (live.stream().anyMatch(a -> a.id().equals(statusId))) {
      return new Found(live, new StatusClaim(StatusClaim.Verdict.OWNED, statusId, null, null));
    }
    Optional<ObjectNode> named = wf.get(statusId);
    StatusClaim claim = claim(cr, crs, ownerTag, statusId, desiredName, !live.isEmpty(), named);
    if (claim.usable()) {
      live.add(LiveAlert.of(named.get()));
    }
    return new Found(live, claim);
  }

  /** The verdict on the alert {@code statusId} names, fetched as {@code named}. */
  StatusClaim claim(
      WavefrontAlert cr,
      IndexedResourceCache<WavefrontAlert> crs,
      String ownerTag,
      String statusId,
      String desiredName,
      boolean hasOwnAlert,
      Optional<ObjectNode> named) {
    boolean claimedByAnother =
        crs.byIndex(STATUS_ID_INDEX, statusId).stream()
            .anyMatch(other -> !ResourceID.fromResource(other).equals(ResourceID.fromResource(cr)));
    return StatusClaim.of(
        statusId,
        named.map(LiveAlert::of),
        ownerTag,
        desiredName == null ? "" : desiredName.trim(),
        adoptUntagged,
        hasOwnAlert,
        claimedByAnother);
  }

  /** The alerts that carry {@code ownerTag} exactly (the search itself ignores case). */
  static List<LiveAlert> searchOwned(WavefrontClient wf, String ownerTag) {
    return wf.searchByTag(ownerTag).stream()
        .map(LiveAlert::of)
        .filter(a -> ownerTag.equals(a.ownerTag()))
        .toList();
  }

  /** Every Wavefront id a CR's status names: the informer's index. */
  static List<String> statusIds(WavefrontAlert cr) {
    return cr.getStatus() == null
        ? List.of()
        : cr.getStatus().getAlertsStatus().values().stream()
            .map(AlertStatus::getId)
            .filter(id -> id != null && !id.isBlank())
            .distinct()
            .toList();
  }
}
