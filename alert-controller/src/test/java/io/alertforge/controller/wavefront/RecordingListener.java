package io.alertforge.controller.wavefront;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** What the client told its listener, as the metrics would see it. */
final class RecordingListener implements CallListener {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Duration> pauses = new CopyOnWriteArrayList<>();

  /** Counted down when a pause starts. */
  final CountDownLatch paused = new CountDownLatch(1);

  @Override
  public void onCall(String operation, String outcome, Duration elapsed) {
    calls.add(operation + " " + outcome);
  }

  @Override
  public void onPause(Duration length) {
    pauses.add(length);
    paused.countDown();
  }
}
