package io.alertforge.compiler.diagnostic;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A check with a stable id ({@code category/name}), the severity it reports at by default and a
 * one-line summary for the catalogue. Ids are an interface: never rename one.
 */
public record Rule(String id, Severity severity, String summary) {

  private static final Pattern ID = Pattern.compile("[a-z]+/[a-z]+(-[a-z]+)*");

  public Rule {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id must be lower-case category/name: " + id);
    }
  }
}
