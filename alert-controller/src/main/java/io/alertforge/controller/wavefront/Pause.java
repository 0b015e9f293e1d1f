package io.alertforge.controller.wavefront;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Wavefront's {@code Retry-After}, for a whole client: no call is sent before {@link
 * State#until()}, whatever thread or view of the client makes it. A pause only ever grows: a
 * shorter Retry-After that arrives during a longer pause (from a request sent before it began)
 * leaves the longer one as it is.
 */
final class Pause {
  /** Until when, and the status of the answer that asked for it. */
  record State(Instant until, int status) {}

  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");

  private final AtomicReference<State> state = new AtomicReference<>(new State(Instant.MIN, 0));

  State current() {
    return state.get();
  }

  /**
   * Moves the end of the pause to {@code until}, unless a later end is in force.
   *
   * @return true if this starts a pause: none was in force at {@code now}
   */
  boolean extendTo(Instant until, int status, Instant now) {
    State before =
        state.getAndAccumulate(
            new State(until, status),
            (old, asked) -> asked.until().isAfter(old.until()) ? asked : old);
    return until.isAfter(now) && !before.until().isAfter(now);
  }

  /** What is left of the pause at {@code now}; zero when none is in force. */
  Duration remaining(Instant now) {
    Instant until = state.get().until();
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  /**
   * The instant a {@code Retry-After} value names: a number of seconds after {@code now}, or an
   * HTTP date; empty when it is neither.
   */
  static Optional<Instant> retryAfter(String value, Instant now) {
    String v = value.trim();
    try {
      if (SECONDS.matcher(v).matches()) {
        return Optional.of(now.plusSeconds(Long.parseLong(v)));
      }
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
      return Optional.of(Instant.MAX);
    }
  }
}
