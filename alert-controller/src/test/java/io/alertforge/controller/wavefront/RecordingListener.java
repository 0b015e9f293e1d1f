package io.alertforge.controller.wavefront;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the client told its listener, as the metrics would see it. */
final class RecordingListener implements CallListener {
  final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public void onCall(String operation, String outcome, Duration elapsed) {
    calls.add(operation + " " + outcome);
  }
}
