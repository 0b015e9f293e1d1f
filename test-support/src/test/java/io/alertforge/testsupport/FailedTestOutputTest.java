package io.alertforge.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener on real tests: the nested classes below, run through a JUnit Platform launcher of
 * their own with a listener that prints to a buffer instead of the console. Surefire runs no nested
 * class by itself.
 */
class FailedTestOutputTest {
  static final Logger LOG = LoggerFactory.getLogger(FailedTestOutputTest.class);

  static class OnePassesOneFails {
    @Test
    void passes() {
      LOG.warn("logged by the passing test");
      System.out.println("printed by the passing test");
    }

    @Test
    void fails() throws InterruptedException {
      LOG.warn("logged by the failing test");
      System.err.println("printed by the failing test on stderr");
      java.util.logging.Logger.getLogger("some.jul.logger").warning("JUL of the failing test");
      Thread thread = new Thread(() -> LOG.error("logged by a thread of the failing test"));
      thread.start();
      thread.join();
      fail("deliberately");
    }
  }

  static class FailsInBeforeAll {
    @BeforeAll
    static void setUp() {
      LOG.warn("logged by the class's set-up");
      throw new IllegalStateException("deliberately");
    }

    @Test
    void neverRuns() {}
  }

  static class Parameterized {
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void failsForTwo(int n) {
      LOG.warn("logged for " + n);
      assertThat(n).isOne();
    }
  }

  @ShowsOutput
  static class ShowingItsOutput {
    @Test
    void passes() {
      System.out.println("BENCHMARK alerts=10");
    }
  }

  @Test
  void aFailingTestPrintsItsOutputAndAPassingOneNothing() {
    String console = run(OnePassesOneFails.class);

    String failing = OnePassesOneFails.class.getName() + ".fails()";
    assertThat(console)
        .startsWith(">>> " + failing + " failed; its output:\n")
        .contains(
            "WARN  [main] i.a.t.FailedTestOutputTest  logged by the failing test",
            "printed by the failing test on stderr",
            "WARN  [main] some.jul.logger  JUL of the failing test",
            "ERROR [Thread-",
            "logged by a thread of the failing test")
        .endsWith("<<< end of the output of " + failing + "\n")
        .doesNotContain("passing test");
  }

  @Test
  void theTestLogKeepsThePassingTestsLinesWithWhereEachTestStartedAndEnded() throws IOException {
    run(OnePassesOneFails.class);

    Path log = Path.of(System.getProperty("alertforge.testLog", "target/test-logs/tests.log"));
    String passing = OnePassesOneFails.class.getName() + ".passes()";
    assertThat(Files.readString(log, UTF_8))
        .contains(
            passing + " started",
            "logged by the passing test",
            passing + " SUCCESSFUL",
            OnePassesOneFails.class.getName() + ".fails() FAILED",
            "AssertionError: deliberately");
  }

  @Test
  void aClassWhoseSetUpFailsPrintsTheSetUpsOutput() {
    assertThat(run(FailsInBeforeAll.class))
        .contains(
            ">>> " + FailsInBeforeAll.class.getName() + " failed", "logged by the class's set-up");
  }

  @Test
  void eachInvocationOfAParameterizedTestHasItsOwnOutput() {
    assertThat(run(Parameterized.class))
        .contains(Parameterized.class.getName() + ".failsForTwo() [2] 2 failed", "logged for 2")
        .doesNotContain("logged for 1");
  }

  @Test
  void aClassThatShowsItsOutputPrintsItWhenItPasses() {
    assertThat(run(ShowingItsOutput.class)).isEqualTo("BENCHMARK alerts=10\n");
  }

  /** What the listener printed while a launcher ran {@code tests}. */
  private static String run(Class<?> tests) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LauncherConfig config =
        LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false)
            .addTestExecutionListeners(new FailedTestOutput(new PrintStream(console, true, UTF_8)))
            .build();
    LauncherFactory.create(config).execute(request().selectors(selectClass(tests)).build());
    return console.toString(UTF_8);
  }
}
