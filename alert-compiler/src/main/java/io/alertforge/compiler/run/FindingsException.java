package io.alertforge.compiler.run;

/**
 * The check ran and failed: findings at the fail-on severity. The message counts them and says
 * where they are listed; the plugin fails the build with it, the command line exits with 1.
 */
public final class FindingsException extends Exception {

  public FindingsException(String message) {
    super(message);
  }
}
