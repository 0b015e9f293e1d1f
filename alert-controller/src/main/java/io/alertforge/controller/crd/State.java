package io.alertforge.controller.crd;

/** The values of {@code .status.state} this controller writes: keikoproj's own names. */
public final class State {
  public static final String READY = "Ready";
  public static final String ERROR = "Error";
  public static final String MALFORMED_SPEC = "MalformedSpec";

  /** keikoproj's state for a template that is waiting to be instantiated. */
  public static final String READY_TO_BE_USED = "ReadyToBeUsed";

  private State() {}
}
