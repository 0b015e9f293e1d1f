package io.alertforge.compiler.diff;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;

/**
 * What happens to one alert. {@code before} is null for a created alert, {@code after} for a
 * deleted one; a moved alert has the same spec under a new namespace or name. A created or changed
 * alert may have errors ({@link #errors()}): then it is shown as far as it rendered.
 */
public record AlertChange(
    Kind kind, RenderedAlert before, RenderedAlert after, List<FieldChange> fields) {

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
}
