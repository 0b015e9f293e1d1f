package io.alertforge.gotemplate;

/** A builtin function failed; the executor reports it as Go does, "error calling NAME: message". */
final class CallError extends Exception {

  private static final long serialVersionUID = 1L;

  CallError(String message) {
    super(message, null, false, false);
  }
}
