package io.alertforge.compiler.model;

import io.alertforge.compiler.diagnostic.Diagnostic;

/**
 * A schema error of a source document, as reported, with the field it concerns (a JSON Pointer into
 * the document), so the stages after the schema can leave out exactly what is broken.
 */
public record FieldError(String field, Diagnostic diagnostic) {}
