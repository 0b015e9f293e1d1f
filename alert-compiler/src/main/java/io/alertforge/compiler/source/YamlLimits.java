package io.alertforge.compiler.source;

/**
 * The bounds that keep a hostile file from exhausting memory or time: a file's size, the number of
 * aliases to collections (the "billion laughs" bomb), nesting depth, and the number of nodes after
 * alias expansion.
 */
public record YamlLimits(long maxFileBytes, int maxAliases, int maxDepth, int maxNodes) {

  public static final YamlLimits DEFAULT = new YamlLimits(16L * 1024 * 1024, 50, 64, 2_000_000);
}
