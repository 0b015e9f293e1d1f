package io.alertforge.compiler.schema;

import io.alertforge.compiler.diagnostic.Rule;

/**
 * One schema error, addressed by JSON Pointer. {@code atKey} says whether the key of that entry (an
 * unknown or misspelt field) rather than its value is the place to point at.
 *
 * @param field the node the error is about: {@code pointer}, except for a missing required field,
 *     which is reported at its parent but concerns the field itself
 */
public record SchemaViolation(
    Rule rule, String pointer, boolean atKey, String message, String field) {

  public SchemaViolation(Rule rule, String pointer, boolean atKey, String message) {
    this(rule, pointer, atKey, message, pointer);
  }
}
