package io.alertforge.model;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The annotation {@link Annotations#RENAMED_FROM} of a renamed WavefrontAlert, read: the name the
 * alert had before, in the same namespace. Only a name: a rename never crosses namespaces, since
 * the old alert's ownership tag is made from this alert's own namespace and the name given, and a
 * value that is not a Kubernetes name (with a {@code /} or a {@code :}, say) is refused.
 *
 * @param oldName the previous {@code metadata.name}, trimmed (null when {@code problem} is set)
 * @param problem why the annotation cannot be honoured (null when it can)
 */
public record RenamedFrom(String oldName, String problem) {

  /** A Kubernetes object name: an RFC 1123 subdomain of at most 253 characters. */
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_NAME = 253;

  /** The annotation of the alert {@code name}, or null when it has none. */
  public static RenamedFrom of(String name, Map<String, String> annotations) {
    String value = annotations == null ? null : annotations.get(Annotations.RENAMED_FROM);
    if (value == null) {
      return null;
    }
    String old = value.trim();
    if (old.length() > MAX_NAME || !NAME.matcher(old).matches()) {
      return new RenamedFrom(
          null,
          Annotations.RENAMED_FROM
              + " must be the previous metadata.name of this alert in its own namespace (lower-case"
              + " letters, digits, '-' and '.'; a rename cannot move an alert to another"
              + " namespace), not '"
              + (old.length() > 80 ? old.substring(0, 80) + "…" : old)
              + "'");
    }
    if (old.equals(name)) {
      return new RenamedFrom(
          null, Annotations.RENAMED_FROM + " names this alert itself ('" + old + "')");
    }
    return new RenamedFrom(old, null);
  }

  public static RenamedFrom of(ConcreteAlert alert) {
    return of(alert.name(), alert.annotations());
  }

  public boolean valid() {
    return problem == null;
  }
}
