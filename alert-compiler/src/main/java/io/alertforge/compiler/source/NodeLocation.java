package io.alertforge.compiler.source;

/**
 * Where one node of a YAML document sits: its value, its key (for mapping entries; else the value),
 * and for scalars the style and extent needed to place a character of the value. Lines and columns
 * are 0-based here, as snakeyaml reports them.
 */
record NodeLocation(
    int line, int column, int keyLine, int keyColumn, char style, int endLine, int endColumn) {

  static final char NOT_A_SCALAR = 'n';
}
