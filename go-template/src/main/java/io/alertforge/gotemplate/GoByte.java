package io.alertforge.gotemplate;

/**
 * A Go {@code uint8}, which is what {@code index} yields for a string: one byte of its UTF-8
 * encoding.
 */
record GoByte(int value) {}
