package io.alertforge.controller.wavefront;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed Wavefront call. The message names the call and Wavefront's answer, never the token.
 * Callers decide on {@link #kind()}, not on the message.
 */
public final class WavefrontException extends RuntimeException {

  /** What a caller can do about it. */
  public enum Kind {
    /** 400: Wavefront rejected the alert; retrying the same body will not help. */
    REJECTED,
    /** 401, or a token that cannot be sent: the token is unknown, revoked, missing or unusable. */
    UNAUTHORIZED,
    /** 403: the token lacks the Alerts permission. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /**
     * 406/429 after every retry, or not sent while Wavefront's Retry-After pause lasts: nothing was
     * done, try later (at {@link #retryAfter()} when it is given).
     */
    THROTTLED,
    /**
     * 5xx, no connection or no answer in time after every retry: nothing was changed (reads,
     * idempotent writes, a create surely not sent).
     */
    UNAVAILABLE,
    /**
     * A create whose outcome is unknown: look the alert up by its ownership tag before retrying.
     */
    UNCERTAIN
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  public WavefrontException(Kind kind, int status, String message, Throwable cause) {
    this(kind, status, message, cause, null);
  }

  /**
   * @param retryAfter how long until Wavefront's pause ends, or null
   */
  public WavefrontException(
      Kind kind, int status, String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status, 0 when there was no response; for a call not sent during a pause, the status
   * of the answer that asked for the pause.
   */
  public int status() {
    return status;
  }

  /**
   * How long, from when this was thrown, until the pause Wavefront asked for with {@code
   * Retry-After} ends: present on {@link Kind#THROTTLED} while a pause is in force; empty otherwise
   * (a 429 without Retry-After included).
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean isAuth() {
    return kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN;
  }
}
