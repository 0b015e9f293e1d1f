package io.alertforge.controller.reconcile;

import java.util.Optional;

/**
 * What the Wavefront alert that a CR's status names is to that CR, decided before the controller
 * adopts, updates or deletes it. The status is a hint, never proof: whoever may patch {@code
 * wavefrontalerts/status} in a namespace can write any id there, so the live alert's ownership tag
 * decides. An untagged alert (keikoproj's controller made them) is adopted only in the migration
 * mode, only by a CR that has no alert of its own yet, only when its name is the CR's alertName and
 * no other CR's status names it too.
 *
 * @param id the status id
 * @param reason the condition reason of a conflict ({@code ForeignAlert}, {@code UntaggedAlert})
 * @param message what is wrong and what was done, for the condition and the event
 */
public record StatusClaim(Verdict verdict, String id, String reason, String message) {

  public enum Verdict {
    /** No status id, or the alert it names is gone. */
    NONE,
    /** The alert carries this CR's ownership tag. */
    OWNED,
    /** Untagged, and the migration mode adopts it. */
    ADOPTABLE,
    /** It carries another CR's ownership tag (this cluster's or another's): left alone. */
    FOREIGN,
    /** Untagged and not adoptable: left alone. */
    UNTAGGED
  }

  static final StatusClaim NONE = new StatusClaim(Verdict.NONE, null, null, null);

  /** The alert may be written as this CR's. */
  public boolean usable() {
    return verdict == Verdict.OWNED || verdict == Verdict.ADOPTABLE;
  }

  /** The status names an alert this CR must not touch. */
  public boolean conflict() {
    return verdict == Verdict.FOREIGN || verdict == Verdict.UNTAGGED;
  }

  /**
   * @param live the alert the status id names, as Wavefront has it now (empty: gone)
   * @param ownerTag this CR's ownership tag
   * @param desiredName the name this CR gives its alert
   * @param adoptUntagged the migration mode is on
   * @param hasOwnAlert an alert with this CR's tag exists already
   * @param claimedByAnother another CR's status names the same id
   */
  static StatusClaim of(
      String id,
      Optional<LiveAlert> live,
      String ownerTag,
      String desiredName,
      boolean adoptUntagged,
      boolean hasOwnAlert,
      boolean claimedByAnother) {
    if (live.isEmpty()) {
      return new StatusClaim(Verdict.NONE, id, null, null);
    }
    LiveAlert alert = live.get();
    if (ownerTag.equals(alert.ownerTag())) {
      return new StatusClaim(Verdict.OWNED, id, null, null);
    }
    String named = "the status names Wavefront alert " + id + ", which carries ";
    if (alert.ownerTag() != null) {
      return conflict(
          Verdict.FOREIGN,
          id,
          "ForeignAlert",
          named + "another WavefrontAlert's ownership tag: not this CR's, left alone");
    }
    String untagged = named + "no AlertForge ownership tag";
    if (!adoptUntagged) {
      return conflict(
          Verdict.UNTAGGED,
          id,
          "UntaggedAlert",
          untagged
              + ": left alone, and no alert is created beside it (an untagged alert, such as one"
              + " keikoproj's controller made, is adopted only with --adopt-untagged)");
    }
    String refused =
        hasOwnAlert
            ? "this CR has an alert with its own tag already"
            : claimedByAnother
                ? "the status of another WavefrontAlert names it too"
                : !desiredName.equals(alert.projection().name())
                    ? "its name differs from this CR's alertName"
                    : null;
    if (refused != null) {
      return conflict(
          Verdict.UNTAGGED, id, "UntaggedAlert", untagged + " and " + refused + ": not adopted");
    }
    return new StatusClaim(Verdict.ADOPTABLE, id, null, null);
  }

  private static StatusClaim conflict(Verdict v, String id, String reason, String message) {
    return new StatusClaim(v, id, reason, message);
  }
}
