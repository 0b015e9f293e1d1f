package io.alertforge.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What one running test or container printed (log lines and System.out and System.err, in the order
 * written), kept in memory until it is known whether it failed. Bounded, so that a test that logs
 * without end fails alone rather than the whole test JVM; its log lines are in the test log file in
 * full.
 */
final class HeldOutput extends OutputStream {
  static final int LIMIT = 8 << 20;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private long dropped;

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int kept = Math.min(len, LIMIT - bytes.size());
    bytes.write(b, off, kept);
    dropped += len - kept;
  }

  synchronized boolean isEmpty() {
    return bytes.size() == 0;
  }

  /** Writes everything held to {@code console}, and how much was not held. */
  synchronized void printTo(PrintStream console) {
    console.write(bytes.toByteArray(), 0, bytes.size());
    if (dropped > 0) {
      console.println("[" + dropped + " more bytes of this output were not kept]");
    }
    console.flush();
  }
}
