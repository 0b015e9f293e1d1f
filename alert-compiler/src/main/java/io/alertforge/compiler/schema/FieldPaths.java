package io.alertforge.compiler.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** JSON Pointer helpers and the "did you mean" suggestion for misspelt fields. */
public final class FieldPaths {

  private FieldPaths() {}

  /** {@code /spec/alerts/cpu} as {@code spec.alerts.cpu}, the way users name a field. */
  public static String dotted(String pointer) {
    return String.join(".", segments(pointer));
  }

  public static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    if (pointer.isEmpty()) {
      return segments;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      segments.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  /** True when {@code pointer} is {@code ancestor} or a node under it. */
  public static boolean within(String pointer, String ancestor) {
    return ancestor.isEmpty() || pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
  }

  /** True when one pointer is the other or under it: an error at one concerns the other. */
  public static boolean related(String a, String b) {
    return within(a, b) || within(b, a);
  }

  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /**
   * {@code " (did you mean 'x'?)"} for the {@link #closest} candidate, or "" when none is close.
   */
  public static String didYouMean(String word, Collection<String> candidates) {
    String closest = closest(word, candidates);
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }

  /** The candidate within edit distance 2 (or a case-insensitive match), else null. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      int distance = candidate.equalsIgnoreCase(word) ? 0 : distance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
