package io.alertforge.controller.wavefront;

import java.time.Instant;

/** Where the API token comes from; re-read on change, so a rotated token needs no restart. */
public interface TokenSource {

  /** The current token. Never log it. */
  Token current();

  /**
   * A token value with a version that changes whenever the value does, and the time it last changed
   * (for the token-age metric). {@link #toString()} never shows the value.
   */
  record Token(String value, long version, Instant changedAt) {
    @Override
    public String toString() {
      return "Token[version=" + version + ", changedAt=" + changedAt + "]";
    }
  }
}
