package io.alertforge.gotemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The params a template uses, found without executing it.
 *
 * <p>{@link #keys()} maps each root param key the template names to the offset, in the template
 * text, of its first mention: the field token for {@code .name} and {@code $.name} (for {@code
 * .a.b}, the {@code .a}), or the key literal for {@code index . "name"}. A key in a branch that
 * never runs still counts.
 *
 * <p>{@link #dynamic()} is true when the whole params map flows somewhere that can use keys no one
 * can list, or all of them: {@code index . .k} (a computed key), printing or comparing the map
 * ({@code {{.}}}, {@code print $}, {@code printf "%v" .}, {@code eq . ...}) and {@code len .}. A
 * template that is dynamic may use any param, so "unused param" checks must not be made for it.
 * Testing the map's truth ({@code if .}, {@code not $}, {@code and . x}) is not dynamic: it only
 * asks whether there are params at all. Inside {@code with .} (or {@code with $}), dot is still the
 * params map, so {@code .name} there is a static key reference; inside {@code with .x}, {@code
 * .name} is a field of the string x and no param reference, while {@code $.name} still is.
 */
public final class ParamReferences {

  private final Map<String, Integer> keys;
  private final boolean dynamic;

  ParamReferences(Map<String, Integer> keys, boolean dynamic) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.dynamic = dynamic;
  }

  /**
   * Root param keys in order of first mention, each with the 0-based char offset of that mention.
   */
  public Map<String, Integer> keys() {
    return keys;
  }

  /**
   * Whether the template may use params beyond {@link #keys()}, so that none can be called unused.
   */
  public boolean dynamic() {
    return dynamic;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamReferences other
        && keys.equals(other.keys)
        && dynamic == other.dynamic;
  }

  @Override
  public int hashCode() {
    return keys.hashCode() * 31 + Boolean.hashCode(dynamic);
  }

  @Override
  public String toString() {
    return "ParamReferences" + keys + (dynamic ? " (dynamic)" : "");
  }
}
