package io.alertforge.controller.admission;

import java.util.Optional;

/**
 * Where the admission webhook reads {@code alertforge.yaml}, the policy the objects are compiled
 * with: the commit the Git source applied ({@link GitPolicy}), or a ConfigMap ({@link
 * ConfigMapPolicy}) when there is no Git source.
 */
public interface PolicySource {

  /** No policy configured: the compiler's defaults, as a repository without alertforge.yaml. */
  PolicySource DEFAULTS = Optional::empty;

  /**
   * The bytes of alertforge.yaml; empty when the repository has none (the compiler's defaults).
   *
   * @throws Unavailable when it cannot be read now: the review is denied with its message
   */
  Optional<byte[]> read() throws Unavailable;

  /**
   * The policy cannot be read: the webhook denies (fail closed, as {@code failurePolicy: Fail} does
   * while it is down). The message is for the user who sent the object: what is missing and what to
   * do, never a local path.
   */
  final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message);
    }
  }
}
