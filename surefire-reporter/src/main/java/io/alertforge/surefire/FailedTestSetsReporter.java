package io.alertforge.surefire;

import java.util.List;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessTestsetInfoReporter;
import org.apache.maven.plugin.surefire.log.api.ConsoleLogger;
import org.apache.maven.plugin.surefire.report.ConsoleReporter;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.TestSetReportEntry;
import org.apache.maven.surefire.extensions.StatelessTestsetInfoConsoleReportEventListener;

/**
 * Surefire's and failsafe's per-class console lines ({@code Running <class>}, {@code Tests run: …
 * -- in <class>}) for the classes that did not pass only: their summary and, for each failed,
 * broken or skipped test, the lines surefire prints today (the failure's message and stack trace).
 * A class whose tests all passed prints nothing; the module's totals ({@code Results:}, {@code
 * Tests run: N, Failures: …}) and the list of failures at the end are printed by the plugin itself,
 * and the per-class {@code target/*-reports/*.txt} files are written as before.
 *
 * <p>Neither plugin has such an option: {@code printSummary=false} drops the totals too, and {@code
 * <disable>true</disable>} drops the failures' stack traces (and the {@code .txt} files).
 */
public class FailedTestSetsReporter extends SurefireStatelessTestsetInfoReporter {
  @Override
  public StatelessTestsetInfoConsoleReportEventListener<WrappedReportEntry, TestSetStats>
      createListener(ConsoleLogger logger) {
    return new FailedTestSetsConsoleReporter(logger);
  }

  @Override
  public String toString() {
    return "FailedTestSetsReporter{disable=" + isDisable() + "}";
  }

  /** Surefire's console reporter, silent for a class that passed. */
  static final class FailedTestSetsConsoleReporter extends ConsoleReporter {
    FailedTestSetsConsoleReporter(ConsoleLogger logger) {
      super(logger, false, false);
    }

    /** Nothing: the class's summary line names it if it fails. */
    @Override
    public void testSetStarting(TestSetReportEntry report) {}

    @Override
    public void testSetCompleted(
        WrappedReportEntry report, TestSetStats stats, List<String> testResults) {
      if (stats.getFailures() + stats.getErrors() + stats.getSkipped() > 0) {
        super.testSetCompleted(report, stats, testResults);
      }
    }
  }
}
