package io.alertforge.compiler.schema;

import io.alertforge.compiler.diagnostic.Rule;

/**
 * One schema error, addressed by JSON Pointer. {@code atKey} says whether the key of that entry (an
 * unknown or misspelt field) rather than its value is the place to point at.
 */
public record SchemaViolation(Rule rule, String pointer, boolean atKey, String message) {}
