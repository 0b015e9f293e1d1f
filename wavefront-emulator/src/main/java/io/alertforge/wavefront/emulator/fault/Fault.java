package io.alertforge.wavefront.emulator.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An immutable description of one fault: what happens (an error status, latency, or a dropped
 * connection), which requests it targets (method and path glob) and how often (the next N matching
 * requests, and/or with a probability drawn from a seeded random). Build with the static factories
 * and the fluent {@code with}-style methods, then {@link FaultInjector#add(Fault)} it.
 *
 * <pre>{@code
 * faults.add(Fault.status(429).retryAfterSeconds(2).on("POST", "/api/v2/alert").times(3));
 * faults.add(Fault.drop().on("PUT", "/api/v2/alert/*").probability(0.1, 42));
 * faults.add(Fault.status(503).afterProcessing().on("POST", "/api/v2/alert").once());
 * }</pre>
 *
 * <p>Path globs: {@code *} matches within one path segment, {@code **} matches across segments;
 * everything else is literal. A null method or path (or {@code *}) matches any.
 */
public final class Fault {
  /** What the fault does. */
  public enum Kind {
    /**
     * Answer with an error status and a Wavefront error envelope instead of (or after) handling.
     */
    STATUS,
    /** Sleep before handling; the request then proceeds (unless another fault stops it). */
    LATENCY,
    /** Close the connection without any response. */
    DROP
  }

  private final Kind kind;
  private final int status;
  private final String retryAfter;
  private final String message;
  private final long latencyMillis;
  private final String method;
  private final String path;
  private final int times;
  private final double probability;
  private final long seed;
  private final boolean afterProcessing;

  private Fault(Draft d) {
    this.kind = d.kind;
    this.status = d.status;
    this.retryAfter = d.retryAfter;
    this.message = d.message;
    this.latencyMillis = d.latencyMillis;
    this.method = d.method;
    this.path = d.path;
    this.times = d.times;
    this.probability = d.probability;
    this.seed = d.seed;
    this.afterProcessing = d.afterProcessing;
  }

  /**
   * The fields of a fault being made. Only {@link #of} and {@link #with} use it, so that every
   * factory and fluent method names just the fields it sets.
   */
  private static final class Draft {
    final Kind kind;
    int status;
    String retryAfter;
    String message;
    long latencyMillis;
    String method;
    String path;
    int times = -1;
    double probability = 1.0;
    long seed;
    boolean afterProcessing;

    Draft(Kind kind) {
      this.kind = kind;
    }
  }

  /** A new fault of this kind: any method and path, every time, with {@code init} applied. */
  private static Fault of(Kind kind, Consumer<Draft> init) {
    Draft d = new Draft(kind);
    init.accept(d);
    return new Fault(d);
  }

  /** A copy of this fault with {@code change} applied; this fault stays as it is. */
  private Fault with(Consumer<Draft> change) {
    return of(
        kind,
        d -> {
          d.status = status;
          d.retryAfter = retryAfter;
          d.message = message;
          d.latencyMillis = latencyMillis;
          d.method = method;
          d.path = path;
          d.times = times;
          d.probability = probability;
          d.seed = seed;
          d.afterProcessing = afterProcessing;
          change.accept(d);
        });
  }

  // --------------------------------------------------------------------------------------------
  // factories

  /**
   * An error response with this status (400..599) and the envelope {@code
   * {"status":{"result":"ERROR",...}}}.
   */
  public static Fault status(int code) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("fault status must be 400..599, got " + code);
    }
    return of(Kind.STATUS, d -> d.status = code);
  }

  /** 429 without {@code Retry-After}. */
  public static Fault tooManyRequests() {
    return status(429);
  }

  /** 429 with {@code Retry-After: seconds}. */
  public static Fault tooManyRequests(int retryAfterSeconds) {
    return status(429).retryAfterSeconds(retryAfterSeconds);
  }

  /** 406, Wavefront's push-back. */
  public static Fault notAcceptable() {
    return status(406);
  }

  public static Fault internalError() {
    return status(500);
  }

  public static Fault unavailable() {
    return status(503);
  }

  /** Delays matching requests by this much; they are then handled normally. */
  public static Fault latency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must be >= 0");
    }
    return of(Kind.LATENCY, d -> d.latencyMillis = delay.toMillis());
  }

  /** Closes the connection without a response: the client sees an I/O error. */
  public static Fault drop() {
    return of(Kind.DROP, d -> {});
  }

  // -------------------------------------------------------------------------------------------
  // modifiers

  /** Targets this method (null or {@code *} for any) and path glob (null or {@code **} for any). */
  public Fault on(String method, String pathGlob) {
    return method(method).path(pathGlob);
  }

  public Fault method(String m) {
    String norm =
        m == null || m.isBlank() || m.equals("*") ? null : m.trim().toUpperCase(Locale.ROOT);
    return with(d -> d.method = norm);
  }

  public Fault path(String glob) {
    String norm = glob == null || glob.isBlank() ? null : glob.trim();
    if (norm != null && !norm.startsWith("/")) {
      throw new IllegalArgumentException("fault path must start with '/': " + glob);
    }
    return with(d -> d.path = norm);
  }

  /**
   * Fires for the next {@code n} matching requests only (n >= 1); by default it fires for all of
   * them.
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("fault count must be >= 1, got " + n);
    }
    return with(d -> d.times = n);
  }

  public Fault once() {
    return times(1);
  }

  /**
   * Fires with probability {@code p} (0..1] for each matching request, drawn from {@code new
   * Random(seed)}.
   */
  public Fault probability(double p, long seed) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("fault probability must be in (0, 1], got " + p);
    }
    return with(
        d -> {
          d.probability = p;
          d.seed = seed;
        });
  }

  /**
   * The {@code Retry-After} header value to send (seconds or an HTTP date); only for {@link
   * Kind#STATUS}.
   */
  public Fault retryAfter(String headerValue) {
    requireKind(Kind.STATUS, "retryAfter");
    return with(d -> d.retryAfter = headerValue);
  }

  public Fault retryAfterSeconds(int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("Retry-After must be >= 0");
    }
    return retryAfter(Integer.toString(seconds));
  }

  /** The message in the error envelope; only for {@link Kind#STATUS}. */
  public Fault message(String text) {
    requireKind(Kind.STATUS, "message");
    return with(d -> d.message = text);
  }

  /**
   * The emulator handles the request first (an alert is created, updated or deleted), then answers
   * with this fault instead of the real response: the case where the client cannot know whether its
   * write happened. For {@link Kind#STATUS} and {@link Kind#DROP}.
   */
  public Fault afterProcessing() {
    if (kind == Kind.LATENCY) {
      throw new IllegalArgumentException("afterProcessing applies to status and drop faults only");
    }
    return with(d -> d.afterProcessing = true);
  }

  private void requireKind(Kind k, String what) {
    if (kind != k) {
      throw new IllegalArgumentException(
          what + " applies to " + k.name().toLowerCase(Locale.ROOT) + " faults only");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // parsing

  /**
   * Parses the command-line and admin-endpoint form: comma-separated {@code key=value} items,
   * exactly one of {@code status=CODE}, {@code latency=MILLIS} (or {@code 250ms}, {@code 2s}) or
   * {@code drop}, plus any of {@code method=M}, {@code path=GLOB}, {@code count=N}, {@code
   * probability=P}, {@code seed=S}, {@code retryAfter=V}, {@code message=TEXT} and {@code after}.
   * Example: {@code status=429,retryAfter=2,method=POST,path=/api/v2/alert,count=3}.
   */
  public static Fault parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty fault spec");
    }
    Fault f = null;
    String method = null;
    String path = null;
    Integer count = null;
    Double probability = null;
    long seed = 0;
    String retryAfter = null;
    String message = null;
    boolean after = false;
    for (String raw : spec.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      String key = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? null : item.substring(eq + 1).trim();
      switch (key) {
        case "status" -> f = kindOnce(f, status(parseInt(key, value)));
        case "latency" -> f = kindOnce(f, latency(Duration.ofMillis(parseMillis(value))));
        case "drop" -> f = kindOnce(f, drop());
        case "method" -> method = require(key, value);
        case "path" -> path = require(key, value);
        case "count", "times" -> count = parseInt(key, value);
        case "probability", "p" -> probability = parseDouble(key, value);
        case "seed" -> seed = parseLong(key, value);
        case "retryafter", "retry-after" -> retryAfter = require(key, value);
        case "message" -> message = require(key, value);
        case "after" -> after = value == null || Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("unknown fault item '" + key + "'");
      }
    }
    if (f == null) {
      throw new IllegalArgumentException(
          "fault spec needs one of status=CODE, latency=MILLIS or drop");
    }
    f = f.on(method, path);
    if (count != null) {
      f = f.times(count);
    }
    if (probability != null) {
      f = f.probability(probability, seed);
    }
    if (retryAfter != null) {
      f = f.retryAfter(retryAfter);
    }
    if (message != null) {
      f = f.message(message);
    }
    if (after) {
      f = f.afterProcessing();
    }
    return f;
  }

  private static Fault kindOnce(Fault current, Fault next) {
    if (current != null) {
      throw new IllegalArgumentException("a fault spec takes only one of status, latency and drop");
    }
    return next;
  }

  private static String require(String key, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("fault item '" + key + "' needs a value");
    }
    return value;
  }

  private static int parseInt(String key, String value) {
    long parsed = parseLong(key, value);
    if (parsed != (int) parsed) {
      throw new IllegalArgumentException(
          "fault item '" + key + "' is out of range, got '" + value + "'");
    }
    return (int) parsed;
  }

  private static long parseLong(String key, String value) {
    try {
      return Long.parseLong(require(key, value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault item '" + key + "' needs an integer, got '" + value + "'");
    }
  }

  private static double parseDouble(String key, String value) {
    try {
      return Double.parseDouble(require(key, value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault item '" + key + "' needs a number, got '" + value + "'");
    }
  }

  private static long parseMillis(String value) {
    String v = require("latency", value).toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return Long.parseLong(v.substring(0, v.length() - 2));
      }
      if (v.endsWith("s")) {
        return Long.parseLong(v.substring(0, v.length() - 1)) * 1000L;
      }
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault item 'latency' needs milliseconds, got '" + value + "'");
    }
  }

  // -------------------------------------------------------------------------------------------
  // accessors

  public Kind kind() {
    return kind;
  }

  /** The status of a {@link Kind#STATUS} fault, 0 otherwise. */
  public int status() {
    return status;
  }

  public String retryAfter() {
    return retryAfter;
  }

  /** The envelope message; a default is used when null. */
  public String message() {
    return message;
  }

  public long latencyMillis() {
    return latencyMillis;
  }

  /** The targeted method (upper case), or null for any. */
  public String method() {
    return method;
  }

  /** The targeted path glob, or null for any. */
  public String path() {
    return path;
  }

  /** How many times it fires, or -1 for unlimited. */
  public int times() {
    return times;
  }

  public double probability() {
    return probability;
  }

  public long seed() {
    return seed;
  }

  public boolean isAfterProcessing() {
    return afterProcessing;
  }

  /** The short label the request log records when the fault fires, e.g. {@code status=429}. */
  public String label() {
    String base =
        switch (kind) {
          case STATUS -> "status=" + status;
          case LATENCY -> "latency=" + latencyMillis + "ms";
          case DROP -> "drop";
        };
    return afterProcessing ? base + ",after" : base;
  }

  /** The spec form, parseable by {@link #parse(String)}. */
  public String spec() {
    StringBuilder sb =
        new StringBuilder(
            switch (kind) {
              case STATUS -> "status=" + status;
              case LATENCY -> "latency=" + latencyMillis;
              case DROP -> "drop";
            });
    if (method != null) {
      sb.append(",method=").append(method);
    }
    if (path != null) {
      sb.append(",path=").append(path);
    }
    if (times > 0) {
      sb.append(",count=").append(times);
    }
    if (probability < 1.0) {
      sb.append(",probability=").append(probability).append(",seed=").append(seed);
    }
    if (retryAfter != null) {
      sb.append(",retryAfter=").append(retryAfter);
    }
    if (message != null) {
      sb.append(",message=").append(message);
    }
    if (afterProcessing) {
      sb.append(",after");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "Fault{" + spec() + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault f && f.spec().equals(spec());
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec());
  }
}
