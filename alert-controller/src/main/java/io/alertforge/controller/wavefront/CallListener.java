package io.alertforge.controller.wavefront;

import java.time.Duration;

/** Told about every HTTP exchange with Wavefront, and every pause it asks for (for metrics). */
@FunctionalInterface
public interface CallListener {
  CallListener NONE = (operation, outcome, elapsed) -> {};

  /**
   * @param operation create, get, update, delete or search
   * @param outcome the HTTP status as text ("200", "429"), or "io_error" (no answer, or none in
   *     time)
   */
  void onCall(String operation, String outcome, Duration elapsed);

  /**
   * A pause of every call of the client starts: Wavefront answered with {@code Retry-After} while
   * no pause was in force. An answer that lengthens the pause in force is not told again ({@link
   * WavefrontClient#pausedFor()} shows what is left).
   *
   * @param length from the answer to the end of the pause
   */
  default void onPause(Duration length) {}
}
