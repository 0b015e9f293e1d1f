package io.alertforge.controller.wavefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A token whose bytes no HTTP header can carry, and the checks that no part of it shows anywhere:
 * not in a message, not in a cause's or a suppressed exception's message, whatever the depth.
 */
final class TokenLeaks {
  /** A line feed, a carriage return, a tab and a NUL inside. */
  static final String BAD_TOKEN = "abc\ndef\rghi\tjkl\u0000mno";

  private static final List<String> PARTS = List.of("abc", "def", "ghi", "jkl", "mno");

  private TokenLeaks() {}

  static void assertNoPartIn(String text) {
    for (String part : PARTS) {
      assertThat(text).as("text shown").doesNotContain(part);
    }
  }

  /** Every throwable reachable from {@code e} (causes and suppressed ones), each checked. */
  static void assertNoPartIn(Throwable e) {
    List<Throwable> pending = new ArrayList<>(List.of(e));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(pending.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      assertNoPartIn(String.valueOf(t.getMessage()));
      assertNoPartIn(String.valueOf(t.getLocalizedMessage()));
      assertNoPartIn(t.toString());
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
    }
  }
}
