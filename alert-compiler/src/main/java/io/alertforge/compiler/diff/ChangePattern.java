package io.alertforge.compiler.diff;

import java.util.List;

/**
 * Changed alerts whose changes are the same in meaning (typically every instance of an edited
 * template): shown once, with the first alert's values as the example.
 */
public record ChangePattern(List<FieldChange> fields, List<AlertChange> alerts) {

  public String summary() {
    return String.join("; ", fields.stream().map(FieldChange::summary).toList());
  }
}
