package io.alertforge.surefire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.ConsoleLogger;
import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SafeThrowable;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.StackTraceWriter;
import org.apache.maven.surefire.extensions.StatelessTestsetInfoConsoleReportEventListener;
import org.junit.jupiter.api.Test;

/** What the plugins print for one class, through the reporter as they call it. */
class FailedTestSetsReporterTest {
  static final String CLASS = "io.example.SomeTest";

  final List<String> console = new ArrayList<>();
  final StatelessTestsetInfoConsoleReportEventListener<WrappedReportEntry, TestSetStats> reporter =
      new FailedTestSetsReporter().createListener(new LinesLogger(console));
  final TestSetStats stats = new TestSetStats(false, false);

  @Test
  void aClassWhoseTestsPassedPrintsNothing() {
    run(
        entry("first", ReportEntryType.SUCCESS, null),
        entry("second", ReportEntryType.SUCCESS, null));

    assertThat(console).isEmpty();
  }

  @Test
  void aClassWithAFailedTestPrintsItsSummaryAndTheFailureWithItsStackTrace() {
    AssertionError failure = new AssertionError("expected: 2 but was: 3");
    run(
        entry("passes", ReportEntryType.SUCCESS, null),
        entry("fails", ReportEntryType.FAILURE, failure));

    assertThat(console).hasSize(2);
    assertThat(console.get(0))
        .startsWith("ERROR Tests run: 2, Failures: 1, Errors: 0, Skipped: 0")
        .contains("<<< FAILURE!", "-- in " + CLASS);
    assertThat(console.get(1))
        .startsWith("ERROR " + CLASS + ".fails")
        .contains("<<< FAILURE!", "java.lang.AssertionError: expected: 2 but was: 3")
        .contains("at " + FailedTestSetsReporterTest.class.getName());
  }

  @Test
  void aClassWithABrokenTestPrintsIt() {
    run(entry("breaks", ReportEntryType.ERROR, new IllegalStateException("no server")));

    assertThat(console).hasSize(2);
    assertThat(console.get(1)).contains("<<< ERROR!", "java.lang.IllegalStateException: no server");
  }

  @Test
  void aClassWithASkippedTestPrintsItsSummary() {
    run(
        entry("passes", ReportEntryType.SUCCESS, null),
        entry("waits", ReportEntryType.SKIPPED, null));

    assertThat(console)
        .singleElement()
        .asString()
        .startsWith("WARN Tests run: 2, Failures: 0, Errors: 0, Skipped: 1");
  }

  /** The plugin's calls for one class: start, one entry a test, end. */
  private void run(WrappedReportEntry... tests) {
    SimpleReportEntry testSet =
        new SimpleReportEntry(RunMode.NORMAL_RUN, 1L, CLASS, null, null, null);
    reporter.testSetStarting(testSet);
    stats.testSetStart();
    for (WrappedReportEntry test : tests) {
      switch (test.getReportEntryType()) {
        case SUCCESS -> stats.testSucceeded(test);
        case FAILURE -> stats.testFailure(test);
        case ERROR -> stats.testError(test);
        case SKIPPED -> stats.testSkipped(test);
      }
    }
    WrappedReportEntry completed =
        new WrappedReportEntry(testSet, ReportEntryType.SUCCESS, 0L, 12, null, null);
    reporter.testSetCompleted(completed, stats, stats.getTestResults());
  }

  private static WrappedReportEntry entry(String method, ReportEntryType type, Throwable failure) {
    StackTraceWriter trace = failure == null ? null : new ThrowableTrace(failure);
    SimpleReportEntry test =
        new SimpleReportEntry(RunMode.NORMAL_RUN, 1L, CLASS, null, method, null, trace, 5);
    return new WrappedReportEntry(test, type, 0L, 5, null, null);
  }

  /** The stack trace writer of a throwable, as surefire's providers send it. */
  private record ThrowableTrace(Throwable failure) implements StackTraceWriter {
    @Override
    public String writeTraceToString() {
      java.io.StringWriter out = new java.io.StringWriter();
      failure.printStackTrace(new java.io.PrintWriter(out));
      return out.toString();
    }

    @Override
    public String writeTrimmedTraceToString() {
      return writeTraceToString();
    }

    @Override
    public String smartTrimmedStackTrace() {
      return failure.toString();
    }

    @Override
    public SafeThrowable getThrowable() {
      return new SafeThrowable(failure);
    }
  }

  /** The plugin's console: one entry a message, with its level. */
  private record LinesLogger(List<String> lines) implements ConsoleLogger {
    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public void debug(String message) {
      lines.add("DEBUG " + message);
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public void info(String message) {
      lines.add("INFO " + message);
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public void warning(String message) {
      lines.add("WARN " + message);
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public void error(String message) {
      lines.add("ERROR " + message);
    }

    @Override
    public void error(String message, Throwable t) {
      lines.add("ERROR " + message + " " + t);
    }

    @Override
    public void error(Throwable t) {
      lines.add("ERROR " + t);
    }
  }
}
