package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.AlertStatus;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.RenamedFrom;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reads of a reconcile: the live alerts a CR may write, and what the alert its status names is
 * to it. The CR's own alerts are those with its ownership tag, exactly: the inventory's, or when it
 * knows none a fresh search (the look-up before any create, which finds what a crash or an
 * uncertain create left behind). The status id's alert joins them only if {@link StatusClaim} says
 * it may; whether another CR claims the same id comes from the informer's index. For a CR renamed
 * from another ({@code alertforge.io/renamed-from}), what its old name left behind (a {@link
 * RenameCandidate}); for a CR being deleted, the CR renamed from it that will take its alert over.
 */
final class AlertLookup {
  /** The informer's index of the Wavefront ids each CR's status names. */
  static final String STATUS_ID_INDEX = "wavefront-status-id";

  /** The informer's index of {@code <namespace>/<old name>} of each CR's valid renamed-from. */
  static final String RENAMED_FROM_INDEX = "alertforge-renamed-from";

  /**
   * What was found: the alerts this CR may write, the verdict on its status id, and what its old
   * name left behind ({@link RenameCandidate#NONE} unless renamed and without an alert yet).
   */
  record Found(List<LiveAlert> live, StatusClaim claim, RenameCandidate rename) {

    /** The live alerts, and the old name's alert a rename takes over (for checksums before). */
    List<LiveAlert> candidates() {
      if (rename.oldAlert() == null) {
        return live;
      }
      List<LiveAlert> all = new ArrayList<>(live);
      all.add(rename.oldAlert());
      return all;
    }
  }

  private final Inventory inventory;
  private final OwnershipTag tags;
  private final boolean adoptUntagged;

  AlertLookup(Inventory inventory, OwnershipTag tags, boolean adoptUntagged) {
    this.inventory = inventory;
    this.tags = tags;
    this.adoptUntagged = adoptUntagged;
  }

  /**
   * @param renamedFrom the CR's old name (its valid {@code renamed-from}), or null
   */
  Found find(
      WavefrontClient wf,
      WavefrontAlert cr,
      IndexedResourceCache<WavefrontAlert> crs,
      String ownerTag,
      String statusId,
      String desiredName,
      String renamedFrom) {
    inventory.ensureLoaded(wf);
    List<LiveAlert> live = new ArrayList<>(inventory.owned(ownerTag));
    if (live.isEmpty()) {
      live.addAll(searchOwned(wf, ownerTag));
      inventory.replaceOwned(ownerTag, live);
    }
    if (statusId == null) {
      return new Found(live, StatusClaim.NONE, rename(wf, cr, crs, live, renamedFrom));
    }
    if (live.stream().anyMatch(a -> a.id().equals(statusId))) {
      return new Found(
          live,
          new StatusClaim(StatusClaim.Verdict.OWNED, statusId, null, null),
          RenameCandidate.NONE);
    }
    Optional<ObjectNode> named = wf.get(statusId);
    StatusClaim claim = claim(cr, crs, ownerTag, statusId, desiredName, !live.isEmpty(), named);
    if (claim.usable()) {
      live.add(LiveAlert.of(named.get()));
    }
    // a status naming an alert that is not this CR's says nothing about this CR's own alert
    RenameCandidate rename =
        claim.conflict() ? rename(wf, cr, crs, live, renamedFrom) : RenameCandidate.NONE;
    return new Found(live, claim, rename);
  }

  /**
   * What the old name left behind, for a CR with no alert of its own: whether the old CR exists
   * (then its alert is its own, and is not looked at), else the oldest alert that carries the old
   * name's ownership tag in this CR's namespace, by a fresh search compared exactly (the same check
   * as before any adoption).
   */
  private RenameCandidate rename(
      WavefrontClient wf,
      WavefrontAlert cr,
      IndexedResourceCache<WavefrontAlert> crs,
      List<LiveAlert> live,
      String renamedFrom) {
    if (renamedFrom == null || !live.isEmpty()) {
      return RenameCandidate.NONE;
    }
    String namespace = cr.getMetadata().getNamespace();
    if (crs.get(new ResourceID(renamedFrom, namespace)).isPresent()) {
      return new RenameCandidate(renamedFrom, true, null);
    }
    LiveAlert oldest =
        searchOwned(wf, tags.ownerTag(namespace, renamedFrom)).stream()
            .min(Comparator.comparingLong(LiveAlert::created).thenComparing(LiveAlert::id))
            .orElse(null);
    return new RenameCandidate(renamedFrom, false, oldest);
  }

  /**
   * The CR that will take over the alert of {@code cr}, which is being deleted: a CR of the same
   * namespace, not being deleted, annotated {@code renamed-from: <cr's name>}, that has no alert of
   * its own yet (its ownership tag found by a fresh search). Empty when there is none: then the
   * finalizer deletes the alert as always. A CR that has its own alert takes nothing over, so a
   * later CR of the old name is deleted with its alert.
   */
  Optional<WavefrontAlert> heir(
      WavefrontClient wf, WavefrontAlert cr, IndexedResourceCache<WavefrontAlert> crs) {
    String namespace = cr.getMetadata().getNamespace();
    for (WavefrontAlert other :
        crs.byIndex(RENAMED_FROM_INDEX, namespace + "/" + cr.getMetadata().getName())) {
      boolean sameNamespace = namespace.equals(other.getMetadata().getNamespace());
      boolean live = other.getMetadata().getDeletionTimestamp() == null;
      boolean itself = ResourceID.fromResource(other).equals(ResourceID.fromResource(cr));
      if (sameNamespace
          && live
          && !itself
          && !other.isTemplate()
          && searchOwned(wf, tags.ownerTag(namespace, other.getMetadata().getName())).isEmpty()) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  /** The index key of a CR's valid renamed-from: {@code <namespace>/<old name>}. */
  static List<String> renamedFrom(WavefrontAlert cr) {
    String old = oldName(cr);
    return old == null ? List.of() : List.of(cr.getMetadata().getNamespace() + "/" + old);
  }

  /** The old name of a CR's valid renamed-from, or null. */
  static String oldName(WavefrontAlert cr) {
    RenamedFrom r = RenamedFrom.of(cr.getMetadata().getName(), cr.getMetadata().getAnnotations());
    return r == null ? null : r.oldName();
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
