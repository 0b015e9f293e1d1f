package io.alertforge.wavefront.emulator;

import com.sun.net.httpserver.HttpExchange;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.auth.TokenRegistry.Principal;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.fault.FaultInjector;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.alertforge.wavefront.emulator.store.AlertStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code /api/**}: records the request, applies faults, authenticates and hands the request
 * to {@link ApiRoutes}.
 */
final class ApiHandler {
  static final int MAX_BODY = 10 * 1024 * 1024;
  private static final int MAX_LOGGED_BODY = 64 * 1024;

  private final ApiRoutes routes;
  private final FaultInjector faults;
  private final RequestLog requests;
  private final TokenRegistry tokens;
  private final AtomicLong requestSeq;
  private final Clock clock;

  ApiHandler(
      AlertStore store,
      FaultInjector faults,
      RequestLog requests,
      TokenRegistry tokens,
      AtomicLong requestSeq,
      Clock clock) {
    this.routes = new ApiRoutes(store);
    this.faults = faults;
    this.requests = requests;
    this.tokens = tokens;
    this.requestSeq = requestSeq;
    this.clock = clock;
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    URI uri = exchange.getRequestURI();
    String path = uri.getPath() == null ? "" : uri.getPath();
    String query = uri.getRawQuery();
    long seq = requestSeq.incrementAndGet();
    var timestamp = clock.instant();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    Optional<Principal> principal = tokens.lookup(token(exchange));
    String account = principal.map(Principal::account).orElse(null);

    FaultInjector.Plan plan = faults.plan(method, path);
    if (plan.latencyMillis() > 0) {
      try {
        Thread.sleep(plan.latencyMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
    }
    HttpResponse response = null;
    if (!plan.before()) {
      response = respond(exchange, method, uri.getRawPath(), query, body, principal);
    }
    Fault fault = plan.terminal() == null ? null : plan.terminal().fault();
    if (fault != null) {
      response = fault.kind() == Fault.Kind.DROP ? null : faultResponse(fault);
    }
    String logged =
        body.length == 0
            ? null
            : new String(body, 0, Math.min(body.length, MAX_LOGGED_BODY), StandardCharsets.UTF_8);
    requests.record(
        new RecordedRequest(
            seq,
            timestamp,
            method,
            path,
            query,
            response == null ? 0 : response.status(),
            plan.labels(),
            account,
            logged));
    if (response == null) {
      // Dropped connection: close without sending a status line.
      exchange.close();
      return;
    }
    response.send(exchange);
  }

  private static HttpResponse faultResponse(Fault fault) {
    String message = fault.message() != null ? fault.message() : defaultMessage(fault.status());
    Map<String, String> headers = new HashMap<>();
    if (fault.retryAfter() != null) {
      headers.put("Retry-After", fault.retryAfter());
    }
    return new HttpResponse(fault.status(), Json.error(fault.status(), message), headers);
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 429 -> "User concurrent query limit exceeded. Please try again later.";
      case 406 -> "Request was pushed back. Please try again later.";
      case 500 -> "Internal server error";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> "Injected fault " + status;
    };
  }

  /** The token from {@code Authorization: Bearer} or {@code X-AUTH-TOKEN}; null if neither. */
  private static String token(HttpExchange exchange) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      String trimmed = auth.trim();
      if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String t = trimmed.substring(7).trim();
        return t.isEmpty() ? null : t;
      }
    }
    String header = exchange.getRequestHeaders().getFirst("X-AUTH-TOKEN");
    return header == null || header.isBlank() ? null : header.trim();
  }

  private HttpResponse respond(
      HttpExchange exchange,
      String method,
      String rawPath,
      String query,
      byte[] body,
      Optional<Principal> principal) {
    if (body.length > MAX_BODY) {
      return HttpResponse.error(413, "Request body too large");
    }
    if (principal.isEmpty()) {
      return HttpResponse.error(401, "Unauthorized: missing, unknown or revoked API token");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    return routes.route(method, rawPath, query, contentType, body, principal.get());
  }
}
