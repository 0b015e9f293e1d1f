package io.alertforge.controller.wavefront;

import io.alertforge.controller.wavefront.TokenSource.Token;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a token source last read: the token, with a version that moves only when the value does, or
 * why the last read was refused. A refused read stays refused until the source changes: the last
 * good token is not used instead, since a rotation often retires it. Not thread-safe: the sources
 * call it under their own lock.
 */
final class TokenHistory {
  private Token token;
  private String refusal;

  /** Whether anything was read yet, good or refused. */
  boolean known() {
    return token != null || refusal != null;
  }

  /**
   * Records a fresh read: {@code check} gives the checked value or throws {@link
   * InvalidTokenException}, which is remembered and rethrown.
   */
  Token read(Supplier<String> check, Instant changedAt) {
    try {
      String value = check.get();
      refusal = null;
      if (token == null || !value.equals(token.value())) {
        token = new Token(value, token == null ? 1 : token.version() + 1, changedAt);
      }
      return token;
    } catch (InvalidTokenException e) {
      refusal = e.getMessage();
      throw e;
    }
  }

  /** The outcome of the last read again. */
  Token last() {
    if (refusal != null) {
      throw new InvalidTokenException(refusal);
    }
    return token;
  }
}
