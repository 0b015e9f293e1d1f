package io.alertforge.testsupport;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * System.out and System.err of the test JVM, replaced once by streams that write into the {@link
 * HeldOutput} of the innermost running test or container, and to the streams they replaced when no
 * test runs (before and after the test plan). Logback's console appender writes to whatever
 * System.out is at each event, so it is held too; so is the output of threads a test started.
 *
 * <p>Tests run one at a time (JUnit's default; no module runs them in parallel), so the running
 * tests form a stack: a container starts before its tests and ends after them, and a launcher
 * started inside a test (FailedTestOutputTest) pushes its own tests on top.
 */
final class ConsoleSwitch {
  private static final Deque<HeldOutput> RUNNING = new ConcurrentLinkedDeque<>();
  private static PrintStream console;

  private ConsoleSwitch() {}

  /**
   * Replaces System.out and System.err, the first time; returns the System.out they replaced, where
   * a failed test's output is printed.
   */
  static synchronized PrintStream install() {
    if (console == null) {
      console = System.out;
      PrintStream err = System.err;
      System.setOut(switching(console));
      System.setErr(switching(err));
    }
    return console;
  }

  static void hold(HeldOutput output) {
    RUNNING.push(output);
  }

  static void release(HeldOutput output) {
    RUNNING.remove(output);
  }

  private static PrintStream switching(PrintStream replaced) {
    OutputStream toRunningTest =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            HeldOutput running = RUNNING.peek();
            if (running != null) {
              running.write(b, off, len);
            } else {
              replaced.write(b, off, len);
            }
          }

          @Override
          public void flush() {
            replaced.flush();
          }
        };
    return new PrintStream(toRunningTest, true, Charset.defaultCharset());
  }
}
