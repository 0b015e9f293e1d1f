package io.alertforge.compiler.diff;

import io.alertforge.compiler.diff.AlertChange.Kind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic change between two compilations of an alert repository.
 *
 * @param base how the base was named, e.g. {@code origin/main (1a2b3c4d5e6f)}
 * @param head how the head was named, e.g. {@code working tree}
 * @param changes every created, changed, deleted and moved alert, by namespace and name
 * @param sources the blast radius of each changed source file, by file
 * @param patterns the changed alerts grouped by equal change, largest group first
 * @param findings head findings in the files the change touches
 * @param notes what the reader must know about the comparison itself, e.g. a base with errors
 */
public record AlertDiff(
    String base,
    String head,
    int baseAlerts,
    int headAlerts,
    long baseErrors,
    long headErrors,
    List<AlertChange> changes,
    List<SourceImpact> sources,
    List<ChangePattern> patterns,
    List<TouchedFinding> findings,
    List<String> notes) {

  public List<AlertChange> of(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  public long count(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /**
   * The changes that delete a Wavefront alert: the deletions, and the renames that delete it and
   * create another ({@link AlertChange#recreated()}). What {@code alert.failOnDelete} counts.
   */
  public List<AlertChange> wavefrontDeletions() {
    return changes.stream().filter(AlertChange::deletesWavefrontAlert).toList();
  }

  /** Renamed alerts whose Wavefront alert is deleted and created again under the new name. */
  public long recreated() {
    return changes.stream().filter(AlertChange::recreated).count();
  }

  /** The created, changed and moved alerts that have errors, in change order. */
  public List<AlertChange> withErrors() {
    return changes.stream().filter(c -> !c.errors().isEmpty()).toList();
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Every namespace an alert is created, changed, deleted or moved in (or out of). */
  public Set<String> namespaces() {
    Set<String> namespaces = new TreeSet<>();
    for (AlertChange change : changes) {
      if (change.before() != null) {
        namespaces.add(change.before().namespace());
      }
      if (change.after() != null) {
        namespaces.add(change.after().namespace());
      }
    }
    return namespaces;
  }

  /**
   * {@code +3 created, ~12 changed, -1 deleted in 2 namespaces}; moves are added when any, with how
   * many of them recreate their Wavefront alert ({@code , 2 renamed (recreated)} when all do,
   * {@code , 2 renamed (1 recreated)} when some do), and {@code ; 2 with errors} when some created,
   * changed or moved alerts have errors.
   */
  public String summaryLine() {
    if (changes.isEmpty()) {
      return "No alert changes (" + headAlerts + " alert" + (headAlerts == 1 ? "" : "s") + ")";
    }
    long moved = count(Kind.MOVED);
    int namespaces = namespaces().size();
    int invalid = withErrors().size();
    return "+"
        + count(Kind.CREATED)
        + " created, ~"
        + count(Kind.CHANGED)
        + " changed, -"
        + count(Kind.DELETED)
        + " deleted"
        + (moved > 0 ? ", " + moved + " renamed" + recreatedNote(moved) : "")
        + " in "
        + namespaces
        + (namespaces == 1 ? " namespace" : " namespaces")
        + (invalid > 0 ? "; " + invalid + " with errors" : "");
  }

  private String recreatedNote(long moved) {
    long recreated = recreated();
    return recreated == 0
        ? ""
        : recreated == moved ? " (recreated)" : " (" + recreated + " recreated)";
  }
}
