package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * JSON over HTTPS for one API base URL, with an authentication header that is sent to that base
 * only. Retries network errors, server errors (5xx) and rate limits (429, or 403 with no requests
 * left) with exponential backoff, honouring {@code Retry-After}, and says so on each retry. A
 * connection must be made within {@value #CONNECT_TIMEOUT_SECONDS} s and an answer come within
 * {@value #REQUEST_TIMEOUT_SECONDS} s.
 */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, headers and parsed body (null when empty). */
  record Response(int status, Map<String, java.util.List<String>> headers, JsonNode body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }
  }

  static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int REQUEST_TIMEOUT_SECONDS = 30;
  private static final int ATTEMPTS = 4;
  private static final long MAX_WAIT_MILLIS = 60_000;

  private final HttpClient http;
  private final String host;
  private final String base;
  private final String authHeader;
  private final String authValue;
  private final String token;
  private final long backoffMillis;
  private final Consumer<String> log;

  /**
   * @param host the name used in messages, e.g. {@code GitHub}
   * @param authValue the header's value, which holds {@code token}
   * @param backoffMillis the first retry's delay; doubled on each further retry
   * @param log where each retry is announced
   */
  ApiClient(
      String host,
      String base,
      String authHeader,
      String authValue,
      String token,
      long backoffMillis,
      Consumer<String> log) {
    this.http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS)).build();
    this.host = host;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authHeader = authHeader;
    this.authValue = authValue;
    this.token = token;
    this.backoffMillis = backoffMillis;
    this.log = log;
  }

  String base() {
    return base;
  }

  /**
   * Sends a request to a path under the base URL (or an absolute URL under it, e.g. a next-page
   * link) and returns a 2xx response; anything else is an {@link ApiException}.
   */
  Response send(String method, String pathOrUrl, JsonNode body, Map<String, String> headers)
      throws ApiException {
    String url = pathOrUrl.startsWith("/") ? base + pathOrUrl : pathOrUrl;
    if (!url.startsWith(base + "/")) {
      throw new ApiException(
          host + " API: refusing to send the token to " + pathOrUrl + ", outside " + base);
    }
    String call = method + " " + url.substring(base.length());
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
              .header(authHeader, authValue)
              .header("Accept", "application/json")
              .header("User-Agent", "alertforge");
      headers.forEach(request::setHeader); // e.g. GitHub's own Accept replaces the default
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        String problem = networkProblem(URI.create(url), e);
        if (attempt < ATTEMPTS) {
          retry(call, problem, backoffMillis << (attempt - 1), attempt);
          continue;
        }
        throw failure(
            call,
            problem
                + " (tried "
                + ATTEMPTS
                + " times; retried network errors, server errors and rate limits)");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(host + " API " + call + " interrupted");
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Response(status, response.headers().map(), parse(response.body()));
      }
      long wait = retryDelay(response, attempt);
      if (wait >= 0 && attempt < ATTEMPTS) {
        retry(call, "answered " + status, wait, attempt);
        continue;
      }
      throw failure(
          call,
          status
              + message(response.body())
              + (attempt > 1 ? " (after " + attempt + " attempts)" : "")
              + hint(status));
    }
  }

  private ApiException failure(String call, String detail) {
    return new ApiException(scrub(host + " API " + call + " failed: " + detail));
  }

  private void retry(String call, String problem, long waitMillis, int attempt)
      throws ApiException {
    log.accept(
        scrub(
            host
                + " API "
                + call
                + ": "
                + problem
                + "; retrying in "
                + seconds(waitMillis)
                + " (attempt "
                + (attempt + 1)
                + " of "
                + ATTEMPTS
                + ")"));
    sleep(waitMillis);
  }

  /** The token out of a text that quotes what a server said, in case it echoes the request. */
  private String scrub(String text) {
    return token.isEmpty() ? text : text.replace(token, "***");
  }

  /** What went wrong on the way to the server, naming it: the JDK's messages are often null. */
  static String networkProblem(URI uri, IOException e) {
    int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    String server = uri.getHost() + ":" + port;
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection to " + server + " within " + CONNECT_TIMEOUT_SECONDS + " s";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer from " + server + " within " + REQUEST_TIMEOUT_SECONDS + " s";
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "cannot resolve the host " + uri.getHost();
      }
    }
    String reason = null;
    for (Throwable cause = e; cause != null && reason == null; cause = cause.getCause()) {
      reason = cause.getMessage();
    }
    String what = e instanceof ConnectException ? "cannot connect to " : "connection to ";
    return what
        + server
        + (e instanceof ConnectException ? "" : " failed")
        + (reason == null ? "" : " (" + reason + ")");
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** How long to wait before retrying, or -1 when the failure is not worth retrying. */
  private long retryDelay(HttpResponse<String> response, int attempt) {
    int status = response.statusCode();
    boolean rateLimited =
        status == 429
            || (status == 403
                && (response.headers().firstValue("retry-after").isPresent()
                    || response
                        .headers()
                        .firstValue("x-ratelimit-remaining")
                        .orElse("")
                        .equals("0")));
    if (!rateLimited && status < 500) {
      return -1;
    }
    Optional<String> retryAfter = response.headers().firstValue("retry-after");
    if (retryAfter.isPresent()) {
      try {
        long seconds = Long.parseLong(retryAfter.get().trim());
        return seconds * 1000 <= MAX_WAIT_MILLIS ? seconds * 1000 : -1;
      } catch (NumberFormatException e) {
        // an HTTP date: fall back to backoff
      }
    }
    return backoffMillis << (attempt - 1);
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> ". The token was refused: check that the token variable holds a valid token";
      case 403, 404 ->
          ". Check the project and pull-request number, and that the token may write comments"
              + " (GitHub: 'permissions: pull-requests: write'; GitLab: a token with the api scope)";
      default -> "";
    };
  }

  private static String message(String body) {
    JsonNode json = parse(body);
    if (json != null && json.path("message").isTextual()) {
      return " " + shorten(json.path("message").asText());
    }
    if (json != null && json.path("message").isObject()) {
      return " " + shorten(json.path("message").toString());
    }
    if (json != null && json.path("error").isTextual()) {
      return " " + shorten(json.path("error").asText());
    }
    return body == null || body.isBlank() ? "" : " " + shorten(body.strip());
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static void sleep(long millis) throws ApiException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while waiting to retry");
    }
  }
}
