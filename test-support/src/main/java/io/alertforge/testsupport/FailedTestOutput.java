package io.alertforge.testsupport;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * A passing test prints nothing; a failing one prints its own output. Everything a test or a
 * container (a class's {@code @BeforeAll} and {@code @AfterAll}, the threads it started) writes to
 * System.out or System.err, and so every line logback's console appender writes, is held while it
 * runs ({@link ConsoleSwitch}); when it ends, its output is printed to the console if it failed (or
 * if its class {@link ShowsOutput}), and dropped otherwise. Each module's logback-test.xml also
 * writes every event to the module's test log file (target/test-logs/), with where each test
 * started and ended, so nothing of a passing test is lost.
 *
 * <p>The JUnit Platform launcher registers it for every test run (surefire's, failsafe's, an IDE's)
 * of a module with test-support on its test class path (META-INF/services), whatever the engine: no
 * base class, annotation or configuration file in the module.
 */
public final class FailedTestOutput implements TestExecutionListener {
  /** Where each test starts and ends: to the test log file only (test-logging.xml). */
  private static final Logger TESTS = LoggerFactory.getLogger("alertforge.tests");

  private final PrintStream console;
  private final Map<String, HeldOutput> held = new ConcurrentHashMap<>();

  /** As the launcher registers it: a failed test's output goes to the console. */
  public FailedTestOutput() {
    this(ConsoleSwitch.install());
  }

  FailedTestOutput(PrintStream console) {
    ConsoleSwitch.install();
    // java.util.logging's console handler keeps the System.err of its creation, out of reach of
    // the switch: JUL events go to logback instead, at logback's levels (LevelChangePropagator)
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    this.console = console;
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    HeldOutput output = new HeldOutput();
    held.put(test.getUniqueId(), output);
    ConsoleSwitch.hold(output);
    TESTS.info("{} started", name(test));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    HeldOutput output = held.remove(test.getUniqueId());
    ConsoleSwitch.release(output);
    TESTS.info("{} {}", name(test), result.getStatus(), result.getThrowable().orElse(null));
    boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
    if (output.isEmpty() || !(failed || showsOutput(test))) {
      return;
    }
    if (failed) {
      console.println(">>> " + name(test) + " failed; its output:");
      output.printTo(console);
      console.println("<<< end of the output of " + name(test));
    } else {
      output.printTo(console);
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    TESTS.info("{} skipped: {}", name(test), reason);
  }

  /** The test's class and method as a person finds them, and which invocation it is. */
  private static String name(TestIdentifier test) {
    Optional<TestSource> source = test.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource method) {
      String name = method.getClassName() + "." + method.getMethodName() + "()";
      boolean invocation = !test.getDisplayName().startsWith(method.getMethodName() + "(");
      return invocation ? name + " " + test.getDisplayName() : name;
    }
    if (source.isPresent() && source.get() instanceof ClassSource type) {
      return type.getClassName();
    }
    return test.getDisplayName();
  }

  private static boolean showsOutput(TestIdentifier test) {
    Optional<Class<?>> type =
        test.getSource()
            .flatMap(
                source ->
                    source instanceof MethodSource method
                        ? Optional.of(method.getJavaClass())
                        : source instanceof ClassSource c
                            ? Optional.of(c.getJavaClass())
                            : Optional.empty());
    for (Class<?> c = type.orElse(null); c != null; c = c.getEnclosingClass()) {
      if (c.isAnnotationPresent(ShowsOutput.class)) {
        return true;
      }
    }
    return false;
  }
}
