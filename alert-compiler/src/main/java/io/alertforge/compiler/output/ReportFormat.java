package io.alertforge.compiler.output;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The report formats of {@code alert.format}, each with the file it writes (if any). */
public enum ReportFormat {
  /** The printed lines and the summary table. */
  CONSOLE(null),
  /** diagnostics.json; always written. */
  JSON(DiagnosticsReport.FILE_NAME),
  /** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
  SARIF(SarifReport.FILE_NAME),
  /** JUnit XML, so any CI shows findings as failed tests. */
  JUNIT(JunitReport.FILE_NAME),
  /** Checkstyle XML, for tools that read checkstyle results. */
  CHECKSTYLE(CheckstyleReport.FILE_NAME),
  /** GitHub Actions workflow commands on standard output: annotations on the pull request. */
  GITHUB(null);

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The file written under the output directory, or null for formats that print. */
  public String fileName() {
    return fileName;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma-separated list such as {@code console,sarif}.
   *
   * @throws IllegalArgumentException naming the unknown format and the known ones
   */
  public static Set<ReportFormat> parse(String list) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String item : list.split(",")) {
      String name = item.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      try {
        formats.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown report format '"
                + item.strip()
                + "'; use a comma-separated list of console, json, sarif, junit, checkstyle, github");
      }
    }
    return formats;
  }
}
