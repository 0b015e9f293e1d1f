package io.alertforge.controller.wavefront;

/**
 * A failed Wavefront call. The message names the call and Wavefront's answer, never the token.
 * Callers decide on {@link #kind()}, not on the message.
 */
public final class WavefrontException extends RuntimeException {

  /** What a caller can do about it. */
  public enum Kind {
    /** 400: Wavefront rejected the alert; retrying the same body will not help. */
    REJECTED,
    /** 401: the token is unknown, revoked or missing. */
    UNAUTHORIZED,
    /** 403: the token lacks the Alerts permission. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 406/429 after every retry: nothing was done, try later. */
    THROTTLED,
    /** 5xx or no connection after every retry: nothing was changed (reads, idempotent writes). */
    UNAVAILABLE,
    /**
     * A create whose outcome is unknown: look the alert up by its ownership tag before retrying.
     */
    UNCERTAIN
  }

  private final Kind kind;
  private final int status;

  public WavefrontException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when there was no response. */
  public int status() {
    return status;
  }

  public boolean isAuth() {
    return kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN;
  }
}
