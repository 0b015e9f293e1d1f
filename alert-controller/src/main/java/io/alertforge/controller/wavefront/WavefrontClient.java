package io.alertforge.controller.wavefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.wavefront.WavefrontException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The thin Wavefront alert client: {@code java.net.http} over HTTP/1.1 and Jackson, with the retry
 * policy of wavefront-api.md §5.
 *
 * <ul>
 *   <li>Retries 406, 429, 502, 503, 504 and connection errors with exponential backoff and full
 *       jitter, honouring {@code Retry-After} (seconds or HTTP date).
 *   <li>A create is retried only when Wavefront surely did not process it (406, 429, or no
 *       connection at all); any other failure of a create is {@link Kind#UNCERTAIN}, and the caller
 *       must look the alert up by its ownership tag before creating again.
 *   <li>A client-side rate limit and a bound on requests in flight.
 *   <li>After a 401 the same token is not sent again for {@code authProbeInterval} (calls fail
 *       fast, locally), unless the token changes: no retry storm with a bad token.
 * </ul>
 *
 * The token is sent as {@code Authorization: Bearer} and appears in no message.
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
  private volatile long rejectedTokenVersion = -1;
  private volatile Instant rejectedAt = Instant.MIN;

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
    String what = method + " /api/v2/" + path.replaceFirst("\\?.*", "");
    byte[] payload = serialize(body, what);
    for (int attempt = 1; ; attempt++) {
      TokenSource.Token token = token(what);
      failFastIfRejected(token, what);
      Duration retryAfter = null;
      WavefrontException failure;
      boolean notSent = false;
      long started = System.nanoTime();
      try {
        HttpResponse<String> response = send(what, method, path, payload, token);
        int status = response.statusCode();
        listener.onCall(operation, Integer.toString(status), since(started));
        if (status >= 200 && status < 300) {
          return parse(response.body(), what);
        }
        failure = failure(status, what, message(response.body(), token), idempotent);
        if (status == 401) {
          rejectedTokenVersion = token.version();
          rejectedAt = clock.instant();
        }
        retryAfter = retryAfter(response);
      } catch (IOException e) {
        listener.onCall(operation, "io_error", since(started));
        notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        failure =
            new WavefrontException(
                idempotent || notSent ? Kind.UNAVAILABLE : Kind.UNCERTAIN,
                0,
                what + ": " + describe(e, token),
                null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WavefrontException(Kind.UNAVAILABLE, 0, what + ": interrupted", null);
      }
      if (!retryable(failure, idempotent, notSent) || attempt >= options.maxAttempts()) {
        throw failure;
      }
      Duration delay = backoff(attempt, retryAfter);
      if (delay == null) {
        throw failure; // Retry-After beyond our patience: let the reconciler reschedule
      }
      sleep(delay);
    }
  }

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

  private static byte[] serialize(JsonNode body, String what) {
    try {
      return body == null
          ? null
          : JSON.writeValueAsBytes(body); // a serializer, never concatenation
    } catch (IOException e) {
      throw notSent(Kind.REJECTED, what, "the body cannot be written as JSON");
    }
  }

  private HttpResponse<String> send(
      String what, String method, String path, byte[] payload, TokenSource.Token t)
      throws IOException, InterruptedException {
    rateLimiter.acquire();
    inFlight.acquire();
    try {
      HttpRequest request;
      try {
        HttpRequest.Builder builder =
            HttpRequest.newBuilder(api.resolve(path))
                .timeout(options.requestTimeout())
                .header("Authorization", "Bearer " + t.value())
                .header("Accept", "application/json");
        if (payload != null) {
          builder
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
          builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        request = builder.build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (RuntimeException e) {
        // the JDK's messages quote header values, the token's among them
        throw notSent(
            Kind.UNAVAILABLE,
            what,
            "the HTTP client refused the request (" + e.getClass().getSimpleName() + ")");
      }
    } finally {
      inFlight.release();
    }
  }

  private void failFastIfRejected(TokenSource.Token token, String what) {
    if (token.version() == rejectedTokenVersion
        && clock.instant().isBefore(rejectedAt.plus(options.authProbeInterval()))) {
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
      int status, String what, String message, boolean idempotent) {
    String text = what + ": HTTP " + status + (message.isEmpty() ? "" : ": " + message);
    Kind kind =
        switch (status) {
          case 401 -> Kind.UNAUTHORIZED;
          case 403 -> Kind.FORBIDDEN;
          case 404 -> Kind.NOT_FOUND;
          case 406, 429 -> Kind.THROTTLED;
          default -> status < 500 ? Kind.REJECTED : idempotent ? Kind.UNAVAILABLE : Kind.UNCERTAIN;
        };
    return new WavefrontException(kind, status, text, null);
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

  private Duration backoff(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(options.maxBackoff()) > 0 ? null : retryAfter;
    }
    long cap =
        Math.min(
            options.maxBackoff().toMillis(),
            options.initialBackoff().toMillis() * (1L << Math.min(20, attempt - 1)));
    long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  Duration retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return null;
    }
    String v = header.get().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
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

  private static String describe(IOException e, TokenSource.Token token) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + truncate(redact(m, token)));
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WavefrontException(Kind.UNAVAILABLE, 0, "interrupted while backing off", e);
    }
  }
}
