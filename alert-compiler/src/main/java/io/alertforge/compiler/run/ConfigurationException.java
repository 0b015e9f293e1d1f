package io.alertforge.compiler.run;

/**
 * The run could not do what it was asked: a setting has a wrong value, the source cannot be read or
 * the output cannot be written. The message says what is wrong and what to set; the plugin reports
 * it as an execution error, the command line with exit code 2.
 */
public final class ConfigurationException extends Exception {

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
