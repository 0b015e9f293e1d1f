package io.alertforge.controller.wavefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.wavefront.WavefrontException.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The thin Wavefront alert client: {@code java.net.http} over HTTP/1.1 and Jackson, with the retry
 * policy of wavefront-api.md §5.
 *
 * <ul>
 *   <li>Retries 406, 429, 502, 503, 504 and connection errors with exponential backoff and full
 *       jitter.
 *   <li>A {@code Retry-After} (seconds or HTTP date) on a 406, 429 or 503 pauses every call of the
 *       client, from every thread, until the instant it names: a call waits for the end if the max
 *       backoff (and its deadline) allow, otherwise it is not sent and fails at once as {@link
 *       Kind#THROTTLED} with {@link WavefrontException#retryAfter()}.
 *   <li>A create is retried only when Wavefront surely did not process it (406, 429, or no
 *       connection at all); any other failure of a create is {@link Kind#UNCERTAIN}, and the caller
 *       must look the alert up by its ownership tag before creating again.
 *   <li>A client-side rate limit and a bound on requests in flight.
 *   <li>After a 401 the same token is not sent again for {@code authProbeInterval} (calls fail
 *       fast, locally), unless the token changes: no retry storm with a bad token.
 *   <li>{@link #within(Instant)}: a view whose calls end by a deadline, waits included.
 * </ul>
 *
 * The token is sent as {@code Authorization: Bearer} and appears in no message, whatever its bytes:
 * one that no header can carry is not sent ({@link Kind#UNAUTHORIZED}), and no exception of this
 * client quotes or carries one whose message could hold it.
 */
public final class WavefrontClient {

  /** Settings; {@link #builder(URI)} starts from sensible defaults. */
  public record Options(
      URI baseUri,
      boolean allowInsecure,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      double requestsPerSecond,
      int maxConcurrency,
      Duration authProbeInterval) {

    public static Builder builder(URI baseUri) {
      return new Builder(baseUri);
    }
  }

  /**
   * Defaults: https only, 10 s connect, 60 s per request, 6 attempts from 0.5 s to 30 s, 10/s, 4.
   */
  public static final class Builder {
    private final URI baseUri;
    private boolean allowInsecure;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxAttempts = 6;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double requestsPerSecond = 10;
    private int maxConcurrency = 4;
    private Duration authProbeInterval = Duration.ofMinutes(1);

    private Builder(URI baseUri) {
      this.baseUri = baseUri;
    }

    public Builder allowInsecure(boolean v) {
      allowInsecure = v;
      return this;
    }

    public Builder timeouts(Duration connect, Duration request) {
      connectTimeout = connect;
      requestTimeout = request;
      return this;
    }

    public Builder retries(int attempts, Duration initial, Duration max) {
      maxAttempts = attempts;
      initialBackoff = initial;
      maxBackoff = max;
      return this;
    }

    public Builder rateLimit(double perSecond, int concurrency) {
      requestsPerSecond = perSecond;
      maxConcurrency = concurrency;
      return this;
    }

    public Builder authProbeInterval(Duration d) {
      authProbeInterval = d;
      return this;
    }

    public Options build() {
      return new Options(
          baseUri,
          allowInsecure,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          requestsPerSecond,
          maxConcurrency,
          authProbeInterval);
    }
  }

  /** One page size for every listing: the API's maximum. */
  public static final int PAGE_SIZE = 1000;

  private static final Pattern ID = Pattern.compile("[0-9]{1,30}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_:.-]{1,254}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Options options;
  private final URI api;
  private final TokenSource tokens;
  private final CallListener listener;
  private final HttpClient http;
  private final RateLimiter rateLimiter;
  private final Semaphore inFlight;
  private final Clock clock;
  private final Pause pause;
  private final AtomicReference<Rejection> rejected;
  private final Deadline deadline; // null: none

  public WavefrontClient(Options options, TokenSource tokens, CallListener listener) {
    this(options, tokens, listener, Clock.systemUTC());
  }

  WavefrontClient(Options options, TokenSource tokens, CallListener listener, Clock clock) {
    this(
        options,
        tokens,
        listener,
        clock,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  WavefrontClient(
      Options options, TokenSource tokens, CallListener listener, Clock clock, HttpClient http) {
    this.options = options;
    this.api = apiRoot(options.baseUri(), options.allowInsecure());
    this.tokens = tokens;
    this.listener = listener;
    this.clock = clock;
    this.http = http;
    this.rateLimiter = new RateLimiter(options.requestsPerSecond());
    this.inFlight = new Semaphore(options.maxConcurrency(), true);
    this.pause = new Pause();
    this.rejected = new AtomicReference<>();
    this.deadline = null;
  }

  private WavefrontClient(WavefrontClient shared, Deadline deadline) {
    this.options = shared.options;
    this.api = shared.api;
    this.tokens = shared.tokens;
    this.listener = shared.listener;
    this.clock = shared.clock;
    this.http = shared.http;
    this.rateLimiter = shared.rateLimiter;
    this.inFlight = shared.inFlight;
    this.pause = shared.pause;
    this.rejected = shared.rejected;
    this.deadline = deadline;
  }

  /**
   * {@code <base>/api/v2/}. A base without a scheme means HTTPS (as keikoproj's bare host); plain
   * HTTP only with {@code allowInsecure}.
   */
  static URI apiRoot(URI base, boolean allowInsecure) {
    URI uri = base.getScheme() == null ? URI.create("https://" + base) : base;
    String scheme = uri.getScheme().toLowerCase();
    if (!scheme.equals("https") && !(scheme.equals("http") && allowInsecure)) {
      throw new IllegalArgumentException(
          "the Wavefront URL must use https ("
              + uri.getScheme()
              + " given); plain http only with --allow-insecure-wavefront");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the Wavefront URL has no host: " + base);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    if (path.endsWith("/api/v2")) {
      path = path.substring(0, path.length() - "/api/v2".length());
    }
    return uri.resolve(path + "/api/v2/");
  }

  /**
   * A view of this client whose every call ends by {@code deadline}: the waits for the rate
   * limiter, for a request slot and for Wavefront's pause, each attempt (its timeout is the request
   * timeout or the time left, whichever is shorter; a slow answer, headers or body, is given up at
   * the deadline) and each backoff. A call the deadline stops is {@link Kind#UNCERTAIN} if it is a
   * create that may have been sent, {@link Kind#UNAVAILABLE} otherwise. The view shares everything
   * else with this client and its other views: the HTTP client, the rate limiter, the bound on
   * requests in flight, the pause and the rejected token. A view of a view keeps the earlier
   * deadline.
   */
  public WavefrontClient within(Instant deadline) {
    if (this.deadline != null && !deadline.isBefore(this.deadline.at())) {
      return this;
    }
    return new WavefrontClient(this, Deadline.of(deadline, clock.instant()));
  }

  /**
   * What is left of the pause Wavefront asked for with {@code Retry-After}, during which no call of
   * this client is sent; zero when none is in force.
   */
  public Duration pausedFor() {
    return pause.remaining(clock.instant());
  }

  /** The UI link of an alert: {@code <base>/alerts/<id>} (keikoproj's status {@code link}). */
  public String link(String id) {
    return api.resolve("../../alerts/" + id).toString();
  }

  public ObjectNode create(ObjectNode alert) {
    return response(call("create", "POST", "alert", alert, false));
  }

  public Optional<ObjectNode> get(String id) {
    try {
      return Optional.of(response(call("get", "GET", "alert/" + checkId(id), null, true)));
    } catch (WavefrontException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Full replacement (PUT): fields absent from {@code alert} revert to Wavefront's defaults. */
  public ObjectNode update(String id, ObjectNode alert) {
    return response(call("update", "PUT", "alert/" + checkId(id), alert, true));
  }

  /**
   * Moves the alert to Wavefront's trash (restorable there for 30 days).
   *
   * @return false if it was already gone (404)
   */
  public boolean delete(String id) {
    try {
      call("delete", "DELETE", "alert/" + checkId(id) + "?skipTrash=false", null, true);
      return true;
    } catch (WavefrontException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Every live (not trashed) alert carrying the customer tag {@code tag}, in pages of {@link
   * #PAGE_SIZE}: {@code ceil(n / 1000)} calls, at least one.
   */
  public List<ObjectNode> searchByTag(String tag) {
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("not a Wavefront tag: " + tag);
    }
    List<ObjectNode> all = new ArrayList<>();
    int offset = 0;
    while (true) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode query = body.putArray("query");
      query.addObject().put("key", "tags").put("value", tag).put("matchingMethod", "EXACT");
      body.putObject("sort").put("field", "id").put("ascending", true);
      body.put("offset", offset).put("limit", PAGE_SIZE);
      JsonNode page = response(call("search", "POST", "search/alert", body, true));
      JsonNode items = page.path("items");
      items.forEach(i -> all.add((ObjectNode) i));
      if (!page.path("moreItems").asBoolean(false) || items.isEmpty()) {
        return all;
      }
      offset += items.size();
    }
  }

  private static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a Wavefront alert id: " + id);
    }
    return id;
  }

  private static ObjectNode response(JsonNode envelope) {
    JsonNode r = envelope.get("response");
    if (r == null || !r.isObject()) {
      throw new WavefrontException(
          Kind.UNAVAILABLE, 200, "Wavefront answered without a response object", null);
    }
    return (ObjectNode) r;
  }

  private JsonNode call(
      String operation, String method, String path, JsonNode body, boolean idempotent) {
    return new Call(operation, method, path, body, idempotent).run();
  }

  /** One API call: its attempts, what they got, and the waits between them. */
  private final class Call {
    private final String operation;
    private final String method;
    private final String path;
    private final String what;
    private final byte[] payload;
    private final boolean idempotent;
    private int made;
    private String lastOutcome;
    private int lastStatus;

    /** The pause this call last waited out (real time passed), so it is not waited for again. */
    private Pause.State waitedFor;

    Call(String operation, String method, String path, JsonNode body, boolean idempotent) {
      this.operation = operation;
      this.method = method;
      this.path = path;
      this.what = method + " /api/v2/" + path.replaceFirst("\\?.*", "");
      this.payload = serialize(body, what);
      this.idempotent = idempotent;
    }

    JsonNode run() {
      for (int attempt = 1; ; attempt++) {
        if (deadline != null && left().isZero()) {
          throw pastDeadline("passed before attempt " + attempt, false);
        }
        TokenSource.Token token = token(what);
        failFastIfRejected(token, what);
        Duration timeout = takeSlot();
        Attempt a;
        try {
          a = attempt(token, timeout, attempt);
        } finally {
          inFlight.release();
        }
        if (a.answer() != null) {
          return a.answer();
        }
        if (!retryable(a.failure(), idempotent, a.notSent()) || attempt >= options.maxAttempts()) {
          throw a.failure();
        }
        // after a Retry-After the pause does the waiting, for every call of the client
        Duration delay = a.pausing() ? Duration.ZERO : backoff(attempt);
        if (deadline != null && !delay.isZero() && delay.compareTo(left()) >= 0) {
          throw pastDeadline(
              "leaves no time for attempt " + (attempt + 1) + " (backoff " + seconds(delay) + ")",
              false);
        }
        sleep(delay);
      }
    }

    /** Time left before the deadline; null without one. */
    private Duration left() {
      return deadline == null ? null : deadline.left(clock.instant());
    }

    /**
     * Waits out (or fails on) the pause, then for the rate limiter and a request slot, each within
     * the deadline.
     *
     * @return the timeout of the attempt, which holds a request slot
     */
    private Duration takeSlot() {
      while (true) {
        awaitPause();
        try {
          if (!rateLimiter.acquire(left())) {
            throw pastDeadline("leaves no time to wait for the rate limiter", false);
          }
          Duration left = left();
          if (left == null) {
            inFlight.acquire();
          } else if (!inFlight.tryAcquire(left.toNanos(), TimeUnit.NANOSECONDS)) {
            throw pastDeadline(waitingForASlot(), false);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new WavefrontException(Kind.UNAVAILABLE, 0, what + ": interrupted", null);
        }
        if (!paused()) {
          Duration left = left();
          if (left == null) {
            return options.requestTimeout();
          }
          if (!left.isZero()) {
            return left.compareTo(options.requestTimeout()) < 0 ? left : options.requestTimeout();
          }
          inFlight.release();
          throw pastDeadline(waitingForASlot(), false);
        }
        inFlight.release(); // a pause began while this call waited: it applies here too
      }
    }

    private String waitingForASlot() {
      return "passed while waiting for a request slot (at most "
          + options.maxConcurrency()
          + " in flight)";
    }

    private boolean paused() {
      Pause.State p = pause.current();
      return p != waitedFor && p.until().isAfter(clock.instant());
    }

    /**
     * Waits for the end of Wavefront's pause if the client's max backoff and the deadline allow it;
     * otherwise the call is not sent and fails at once.
     */
    private void awaitPause() {
      while (true) {
        Pause.State p = pause.current();
        Instant now = clock.instant();
        if (p == waitedFor || !p.until().isAfter(now)) {
          return;
        }
        Duration left = Duration.between(now, p.until());
        if (left.compareTo(options.maxBackoff()) > 0) {
          throw throttled(
              p,
              left,
              "longer than the client waits (at most " + seconds(options.maxBackoff()) + ")");
        }
        if (deadline != null && !p.until().isBefore(deadline.at())) {
          throw throttled(p, left, "after " + deadline);
        }
        sleep(left);
        waitedFor = p;
      }
    }

    private WavefrontException throttled(Pause.State p, Duration left, String why) {
      return new WavefrontException(
          Kind.THROTTLED,
          p.status(),
          what
              + ": not sent: Wavefront asked to wait until "
              + p.until().truncatedTo(ChronoUnit.MILLIS)
              + " (Retry-After), "
              + why
              + (made == 0 ? "" : "; " + attempts()),
          null,
          left);
    }

    /**
     * @param mayHaveBeenProcessed an attempt in flight was given up: a create is uncertain
     */
    private WavefrontException pastDeadline(String stage, boolean mayHaveBeenProcessed) {
      boolean uncertain = mayHaveBeenProcessed && !idempotent;
      return new WavefrontException(
          uncertain ? Kind.UNCERTAIN : Kind.UNAVAILABLE,
          lastStatus,
          what
              + ": "
              + deadline
              + " "
              + stage
              + "; "
              + (made == 0 ? "not sent" : attempts())
              + (uncertain ? "; the create may have been processed" : ""),
          null);
    }

    private String attempts() {
      return made + (made == 1 ? " attempt" : " attempts") + " made, the last: " + lastOutcome;
    }

    private Attempt attempt(TokenSource.Token token, Duration timeout, int attempt) {
      CompletableFuture<HttpResponse<String>> answer;
      try {
        answer = http.sendAsync(request(token, timeout), HttpResponse.BodyHandlers.ofString());
      } catch (RuntimeException e) {
        // the JDK's messages quote header values, the token's among them
        throw notSent(
            Kind.UNAVAILABLE,
            what,
            "the HTTP client refused the request (" + e.getClass().getSimpleName() + ")");
      }
      made++;
      long started = System.nanoTime();
      boolean cutByDeadline = timeout.compareTo(options.requestTimeout()) < 0;
      try {
        // bounded, so that a slow answer (headers or body) cannot hold the thread longer
        return answered(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS), token, started);
      } catch (TimeoutException e) {
        answer.cancel(true);
        return noAnswer(timeout, cutByDeadline, attempt, started);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof HttpTimeoutException
            && !(cause instanceof HttpConnectTimeoutException)) {
          return noAnswer(timeout, cutByDeadline, attempt, started);
        }
        return failed(cause, token, started);
      } catch (InterruptedException e) {
        answer.cancel(true);
        Thread.currentThread().interrupt();
        throw new WavefrontException(Kind.UNAVAILABLE, 0, what + ": interrupted", null);
      }
    }

    private HttpRequest request(TokenSource.Token token, Duration timeout) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(api.resolve(path))
              .timeout(timeout)
              .header("Authorization", "Bearer " + token.value())
              .header("Accept", "application/json");
      if (payload != null) {
        builder
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
      } else {
        builder.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return builder.build();
    }

    private Attempt noAnswer(Duration timeout, boolean cutByDeadline, int attempt, long started) {
      listener.onCall(operation, "io_error", since(started));
      lastStatus = 0;
      if (cutByDeadline) {
        lastOutcome = "no answer yet";
        throw pastDeadline("passed during attempt " + attempt, true);
      }
      lastOutcome = "no answer within " + seconds(timeout);
      return Attempt.failed(
          new WavefrontException(
              idempotent ? Kind.UNAVAILABLE : Kind.UNCERTAIN, 0, what + ": " + lastOutcome, null),
          false,
          false);
    }

    private Attempt failed(Throwable cause, TokenSource.Token token, long started) {
      listener.onCall(operation, "io_error", since(started));
      boolean notSent =
          cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
      lastOutcome = describe(cause, token);
      lastStatus = 0;
      return Attempt.failed(
          new WavefrontException(
              idempotent || notSent ? Kind.UNAVAILABLE : Kind.UNCERTAIN,
              0,
              what + ": " + lastOutcome,
              null),
          notSent,
          false);
    }

    private Attempt answered(HttpResponse<String> response, TokenSource.Token token, long started) {
      int status = response.statusCode();
      listener.onCall(operation, Integer.toString(status), since(started));
      if (status >= 200 && status < 300) {
        return new Attempt(parse(response.body(), what), null, false, false);
      }
      if (status == 401) {
        rejected.set(new Rejection(token.version(), clock.instant()));
      }
      boolean pausing = false;
      if (status == 406 || status == 429 || status == 503) {
        Instant now = clock.instant();
        Optional<Instant> until =
            response.headers().firstValue("Retry-After").flatMap(v -> Pause.retryAfter(v, now));
        if (until.isPresent()) {
          pausing = true;
          if (pause.extendTo(until.get(), status, now)) {
            listener.onPause(Duration.between(now, until.get()));
          }
        }
      }
      String message = message(response.body(), token);
      lastOutcome = "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
      lastStatus = status;
      Duration retryAfter = pause.remaining(clock.instant());
      return Attempt.failed(
          failure(status, what, lastOutcome, idempotent, retryAfter.isZero() ? null : retryAfter),
          false,
          pausing);
    }
  }

  /**
   * What one attempt got: the answer, or the failure to retry or throw ({@code notSent}: surely not
   * processed; {@code pausing}: Wavefront asked for a pause).
   */
  private record Attempt(
      JsonNode answer, WavefrontException failure, boolean notSent, boolean pausing) {
    static Attempt failed(WavefrontException failure, boolean notSent, boolean pausing) {
      return new Attempt(null, failure, notSent, pausing);
    }
  }

  /** The token version Wavefront answered 401 to, and when. */
  private record Rejection(long version, Instant at) {}

  /**
   * The token to send, checked: whatever is wrong with it, or thrown by its source, fails the call
   * unsent as a token problem ({@link Kind#UNAUTHORIZED}), so the reconciler waits for a new one.
   */
  private TokenSource.Token token(String what) {
    TokenSource.Token token;
    try {
      token = tokens.current();
    } catch (InvalidTokenException e) {
      throw notSent(Kind.UNAUTHORIZED, what, e.getMessage());
    } catch (RuntimeException e) {
      // another source's message may quote what it read
      throw notSent(
          Kind.UNAUTHORIZED,
          what,
          "the token source failed (" + e.getClass().getSimpleName() + ")");
    }
    if (token == null || token.value() == null || token.value().isEmpty()) {
      throw notSent(Kind.UNAUTHORIZED, what, "the token source gave no token");
    }
    Optional<String> unsendable = InvalidTokenException.unsendable(token.value());
    if (unsendable.isPresent()) {
      throw notSent(Kind.UNAUTHORIZED, what, "the Wavefront token " + unsendable.get());
    }
    return token;
  }

  private static WavefrontException notSent(Kind kind, String what, String why) {
    return new WavefrontException(kind, 0, what + ": not sent: " + why, null);
  }

  /** The body by a serializer, never by concatenation. */
  private static byte[] serialize(JsonNode body, String what) {
    if (body == null) {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw notSent(Kind.REJECTED, what, "the body cannot be written as JSON");
    }
  }

  private void failFastIfRejected(TokenSource.Token token, String what) {
    Rejection r = rejected.get();
    if (r != null
        && token.version() == r.version()
        && clock.instant().isBefore(r.at().plus(options.authProbeInterval()))) {
      throw new WavefrontException(
          Kind.UNAUTHORIZED,
          401,
          what
              + ": not sent: Wavefront rejected this token (401) less than "
              + options.authProbeInterval().toSeconds()
              + "s ago; waiting for a new token",
          null);
    }
  }

  private static WavefrontException failure(
      int status, String what, String outcome, boolean idempotent, Duration retryAfter) {
    Kind kind =
        switch (status) {
          case 401 -> Kind.UNAUTHORIZED;
          case 403 -> Kind.FORBIDDEN;
          case 404 -> Kind.NOT_FOUND;
          case 406, 429 -> Kind.THROTTLED;
          default -> status < 500 ? Kind.REJECTED : idempotent ? Kind.UNAVAILABLE : Kind.UNCERTAIN;
        };
    return new WavefrontException(
        kind, status, what + ": " + outcome, null, kind == Kind.THROTTLED ? retryAfter : null);
  }

  /** 406 and 429 always (nothing was done); 502-504 and I/O errors only when safe to repeat. */
  private static boolean retryable(WavefrontException e, boolean idempotent, boolean notSent) {
    int s = e.status();
    if (s == 406 || s == 429) {
      return true;
    }
    if (s == 0) {
      return idempotent || notSent;
    }
    return idempotent && (s == 502 || s == 503 || s == 504);
  }

  private Duration backoff(int attempt) {
    long cap =
        Math.min(
            options.maxBackoff().toMillis(),
            options.initialBackoff().toMillis() * (1L << Math.min(20, attempt - 1)));
    long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  /** The parser's message quotes the answer, which is not ours to show: no cause. */
  private static JsonNode parse(String body, String what) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new WavefrontException(Kind.UNAVAILABLE, 200, what + ": unreadable JSON answer", null);
    }
  }

  /**
   * Wavefront's {@code status.message}, or the start of a non-JSON body: opaque text, in which a
   * proxy or Wavefront might echo the token.
   */
  private static String message(String body, TokenSource.Token token) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode n = JSON.readTree(body);
      String m = n.path("status").path("message").asText(n.path("message").asText(""));
      return truncate(redact(m, token));
    } catch (IOException e) {
      return truncate(redact(body.strip(), token));
    }
  }

  private static String redact(String text, TokenSource.Token token) {
    return text.replace(token.value(), "[the token]");
  }

  private static String truncate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** An I/O error with its message (the token replaced); anything else by its type only. */
  private static String describe(Throwable e, TokenSource.Token token) {
    String m = e instanceof IOException ? e.getMessage() : null;
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + truncate(redact(m, token)));
  }

  /** "0.5s", "30s", "120s". */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static void sleep(Duration d) {
    try {
      TimeUnit.NANOSECONDS.sleep(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WavefrontException(Kind.UNAVAILABLE, 0, "interrupted while backing off", e);
    }
  }
}
