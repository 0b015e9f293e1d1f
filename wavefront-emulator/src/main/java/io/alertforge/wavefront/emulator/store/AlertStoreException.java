package io.alertforge.wavefront.emulator.store;

/**
 * A request the store refuses, carrying the HTTP status the API answers with (400 for validation
 * and syntax errors, 404 for an unknown or trashed id) and a Wavefront-style message.
 */
public final class AlertStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public AlertStoreException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static AlertStoreException badRequest(String message) {
    return new AlertStoreException(400, message);
  }

  public static AlertStoreException notFound(String id) {
    return new AlertStoreException(404, "Alert not found: " + id);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }
}
