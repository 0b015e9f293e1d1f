package io.alertforge.controller.gitops;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the Git source pruned within the prune window, and the guard that reads it. The guard adds
 * what was pruned within the window to what a plan would prune and compares the sum with the
 * largest number of managed objects of any state within the window (the baseline): commits that
 * each delete a little cannot together erode everything, and a restart forgets nothing, because the
 * history is kept in the status ConfigMap.
 *
 * <p>There, under {@link #KEY}, one line per prune, oldest first: {@code 2026-11-27T08:00:00Z
 * pruned 14 of 29 at 1f916ae4cf1a}: when, how many objects, how many were managed just before, and
 * the commit. The baseline is the largest of those "of" counts within the window and the number
 * managed now. Lines older than the window are ignored, and dropped at the next write.
 *
 * @param prunes oldest first
 */
record PruneHistory(List<Prune> prunes) {
  static final String KEY = "pruneHistory";
  static final PruneHistory EMPTY = new PruneHistory(List.of());

  private static final Pattern LINE =
      Pattern.compile("(\\S+) pruned (\\d{1,9}) of (\\d{1,9}) at ([0-9a-f]{7,40})");

  /** One prune: at {@code time}, {@code pruned} of the {@code managedBefore} managed objects. */
  record Prune(Instant time, int pruned, int managedBefore, String commit) {}

  PruneHistory {
    prunes = List.copyOf(prunes);
  }

  /** Reads the ConfigMap's value (null or blank: no prunes). A line it cannot read is an error. */
  static PruneHistory parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    List<Prune> prunes = new ArrayList<>();
    List<String> lines = text.strip().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i).strip());
      Instant time = null;
      if (m.matches()) {
        try {
          time = Instant.parse(m.group(1));
        } catch (DateTimeParseException e) {
          // reported below, with the line's number
        }
      }
      if (time == null) {
        // the line's text is not repeated: it reaches log lines and events
        throw new IllegalArgumentException(
            KEY
                + " line "
                + (i + 1)
                + " is not '<UTC time> pruned <count> of <managed> at <commit>'");
      }
      prunes.add(
          new Prune(time, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
    }
    return new PruneHistory(prunes);
  }

  /** The ConfigMap's value: one line per prune. */
  String format() {
    return prunes.stream()
        .map(
            p ->
                String.format(
                    Locale.ROOT,
                    "%s pruned %d of %d at %s",
                    p.time(),
                    p.pruned(),
                    p.managedBefore(),
                    p.commit()))
        .collect(Collectors.joining("\n"));
  }

  /** The prunes within {@code window} before {@code now}. */
  PruneHistory within(Instant now, Duration window) {
    Instant start = now.minus(window);
    return new PruneHistory(prunes.stream().filter(p -> p.time().isAfter(start)).toList());
  }

  PruneHistory plus(Prune prune) {
    List<Prune> more = new ArrayList<>(prunes);
    more.add(prune);
    return new PruneHistory(more);
  }

  /**
   * Why pruning {@code pruning} of the {@code managed} objects now is refused, or null when the
   * guard lets it through: it would delete every managed object, or what was pruned within the
   * window plus {@code pruning} is more than {@code maxRatio} of the baseline.
   */
  String refusal(int pruning, int managed, Instant now, Duration window, double maxRatio) {
    if (pruning == 0) {
      return null;
    }
    if (pruning >= managed) {
      return "the commit would delete all " + managed + " WavefrontAlerts managed from Git";
    }
    List<Prune> recent = within(now, window).prunes();
    long before = recent.stream().mapToLong(Prune::pruned).sum();
    long baseline =
        Math.max(managed, recent.stream().mapToLong(Prune::managedBefore).max().orElse(0));
    long total = before + pruning;
    if (total <= maxRatio * baseline) {
      return null;
    }
    long percent = Math.round(maxRatio * 100);
    if (before == 0) {
      return String.format(
          Locale.ROOT,
          "the commit would delete %d of the %d WavefrontAlerts managed from Git (more than %d%%)",
          pruning,
          baseline,
          percent);
    }
    return String.format(
        Locale.ROOT,
        "the commit would delete %d WavefrontAlerts; with the %d pruned since %s that is %d of %d"
            + " managed from Git within --git-prune-window %s (more than %d%%)",
        pruning,
        before,
        recent.get(0).time(),
        total,
        baseline,
        window.toString().substring(2).toLowerCase(Locale.ROOT),
        percent);
  }
}
