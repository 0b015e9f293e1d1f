package io.alertforge.controller.reconcile;

/**
 * What a CR annotated {@code alertforge.io/renamed-from: <old>} finds of its old name, read only
 * when it has no Wavefront alert of its own yet: whether a CR {@code <old>} still exists in its
 * namespace (being deleted or not), and the alert that carries the old name's ownership tag
 * exactly, if any. {@link SyncPlan} decides from it: wait while the old CR exists (its alert is
 * still its own), take the alert over once the old CR is gone, create when there is none.
 *
 * @param oldName the previous name, in the CR's own namespace (null: no rename to consider)
 * @param oldCrExists a CR named {@code oldName} exists in the namespace, deleted or not
 * @param oldAlert the oldest alert with the old name's ownership tag, found by a fresh search
 *     (null: none, or not searched because the old CR exists)
 */
record RenameCandidate(String oldName, boolean oldCrExists, LiveAlert oldAlert) {

  static final RenameCandidate NONE = new RenameCandidate(null, false, null);

  boolean considered() {
    return oldName != null;
  }
}
