package io.alertforge.controller.wavefront;

import java.time.Duration;

/** Told about every HTTP exchange with Wavefront (for metrics). */
@FunctionalInterface
public interface CallListener {
  CallListener NONE = (operation, outcome, elapsed) -> {};

  /**
   * @param operation create, get, update, delete or search
   * @param outcome the HTTP status as text ("200", "429"), or "io_error"
   */
  void onCall(String operation, String outcome, Duration elapsed);
}
