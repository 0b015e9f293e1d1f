package io.alertforge.compiler.output;

import io.alertforge.compiler.diagnostic.Diagnostic;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=...::message}),
 * printed to standard output so the runner turns them into annotations on the changed lines.
 */
public final class GithubAnnotations {

  private GithubAnnotations() {}

  /**
   * @param pathPrefix prepended to each file so the path is relative to the workspace (the
   *     repository root), such as {@code alerts/} when alert.source is a subdirectory
   */
  public static List<String> lines(List<Diagnostic> diagnostics, String pathPrefix) {
    return diagnostics.stream().map(d -> line(d, pathPrefix)).toList();
  }

  static String line(Diagnostic d, String pathPrefix) {
    String command =
        switch (d.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO -> "notice";
        };
    StringBuilder line =
        new StringBuilder("::")
            .append(command)
            .append(" file=")
            .append(property(pathPrefix + d.position().file()));
    if (d.position().line() > 0) {
      line.append(",line=").append(d.position().line());
      if (d.position().column() > 0) {
        line.append(",col=").append(d.position().column());
      }
    }
    line.append(",title=").append(property(d.rule()));
    return line.append("::").append(data(d.message())).toString();
  }

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
