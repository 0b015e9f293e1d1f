package io.alertforge.compiler.diff;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;

/**
 * What happens to one alert. {@code before} is null for a created alert, {@code after} for a
 * deleted one; a moved alert is one alert under a new namespace or name. A created, changed or
 * moved alert may have errors ({@link #errors()}): then it is shown as far as it rendered.
 *
 * @param recreated for a moved alert: the controller deletes the Wavefront alert and creates a new
 *     one (new id; history, acknowledgements and snoozes lost), since Wavefront alerts belong to a
 *     CR by its namespace and name; false when the rename keeps it ({@code
 *     alertforge.io/renamed-from}). Always false for the other kinds.
 */
public record AlertChange(
    Kind kind,
    RenderedAlert before,
    RenderedAlert after,
    List<FieldChange> fields,
    boolean recreated) {

  public AlertChange(
      Kind kind, RenderedAlert before, RenderedAlert after, List<FieldChange> fields) {
    this(kind, before, after, fields, false);
  }

  public enum Kind {
    CREATED,
    CHANGED,
    DELETED,
    MOVED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The alert as it is after the change, or as it was for a deleted one. */
  public RenderedAlert current() {
    return after != null ? after : before;
  }

  /** The errors of the alert after the change (none for a deleted one): it rendered in part. */
  public List<Diagnostic> errors() {
    return after == null ? List.of() : after.errors();
  }

  public String qualifiedName() {
    return current().qualifiedName();
  }

  /** The change deletes a Wavefront alert: a deletion, or a rename that recreates it. */
  public boolean deletesWavefrontAlert() {
    return kind == Kind.DELETED || recreated;
  }
}
