package io.alertforge.compiler.git;

/**
 * The base or head of a diff cannot be read from Git. The message says what is wrong and how to fix
 * it; it is meant for the user, without a stack trace.
 */
public final class GitBaseException extends Exception {

  private static final long serialVersionUID = 1L;

  public GitBaseException(String message) {
    super(message);
  }

  public GitBaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
