package io.alertforge.maven.comment;

/**
 * A code-hosting API call failed. The message names the call, the status and the API's own message,
 * and never the token.
 */
public final class ApiException extends Exception {

  private static final long serialVersionUID = 1L;

  public ApiException(String message) {
    super(message);
  }
}
