package io.alertforge.compiler.diff;

import io.alertforge.compiler.diagnostic.Diagnostic;

/**
 * A finding of the head in a file that the change touches; {@code isNew} when the base has no
 * finding with the same file, rule and message (lines may have moved).
 */
public record TouchedFinding(Diagnostic diagnostic, boolean isNew) {}
