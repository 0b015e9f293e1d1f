package io.alertforge.compiler.diff;

import io.alertforge.compiler.model.RenderedAlert;
import java.util.List;

/**
 * What happens to one alert. {@code before} is null for a created alert, {@code after} for a
 * deleted one; a moved alert has the same spec under a new namespace or name.
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

  public String qualifiedName() {
    return current().qualifiedName();
  }
}
