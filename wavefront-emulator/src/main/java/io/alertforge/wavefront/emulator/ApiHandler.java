package io.alertforge.wavefront.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.auth.TokenRegistry.Principal;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.fault.FaultInjector;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.alertforge.wavefront.emulator.store.AlertStore;
import io.alertforge.wavefront.emulator.store.AlertStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code /api/**}: records the request, applies faults, authenticates, routes to the store
 * and wraps the result in the Wavefront envelope.
 */
final class ApiHandler {
  private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
  static final int MAX_BODY = 10 * 1024 * 1024;
  private static final int MAX_LOGGED_BODY = 64 * 1024;

  private final AlertStore store;
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
    this.store = store;
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
      response = process(exchange, method, uri.getRawPath(), query, body, principal);
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

  private HttpResponse process(
      HttpExchange exchange,
      String method,
      String rawPath,
      String query,
      byte[] body,
      Optional<Principal> principal) {
    try {
      if (body.length > MAX_BODY) {
        return HttpResponse.error(413, "Request body too large");
      }
      if (principal.isEmpty()) {
        return HttpResponse.error(401, "Unauthorized: missing, unknown or revoked API token");
      }
      List<String> seg = UriParts.segments(rawPath);
      Map<String, String> params = UriParts.params(query);
      if (seg.size() < 3 || !seg.get(0).equals("api") || !seg.get(1).equals("v2")) {
        return notFound(method, rawPath);
      }
      String actor = principal.get().account();
      if (seg.get(2).equals("alert")) {
        return alert(exchange, method, rawPath, seg, params, body, principal.get(), actor);
      }
      if (seg.get(2).equals("search") && seg.size() >= 4 && seg.get(3).equals("alert")) {
        boolean deleted = seg.size() == 5 && seg.get(4).equals("deleted");
        if (seg.size() == 4 || deleted) {
          if (!method.equals("POST")) {
            return methodNotAllowed(method, rawPath);
          }
          need(principal.get(), false);
          requireJson(exchange, body);
          return ok(store.search(Json.parse(body), deleted).toJson());
        }
      }
      return notFound(method, rawPath);
    } catch (AlertStoreException e) {
      return HttpResponse.error(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "unexpected error for " + method + " " + rawPath, e);
      return HttpResponse.error(500, "Internal server error: " + e.getClass().getSimpleName());
    }
  }

  private HttpResponse alert(
      HttpExchange exchange,
      String method,
      String rawPath,
      List<String> seg,
      Map<String, String> params,
      byte[] body,
      Principal principal,
      String actor) {
    int n = seg.size();
    if (n == 3) {
      switch (method) {
        case "GET" -> {
          need(principal, false);
          return ok(
              store.list(intParam(params, "offset", 0), intParam(params, "limit", 100)).toJson());
        }
        case "POST" -> {
          need(principal, true);
          requireJson(exchange, body);
          return ok(store.create(Json.parse(body), actor));
        }
        default -> {
          return methodNotAllowed(method, rawPath);
        }
      }
    }
    String id = seg.get(3);
    if (n == 4 && id.equals("paginated")) {
      if (!method.equals("GET")) {
        return methodNotAllowed(method, rawPath);
      }
      need(principal, false);
      return ok(store.listAfter(params.get("cursor"), intParam(params, "limit", 100)).toJson());
    }
    if (n == 4 && id.equals("summary")) {
      if (!method.equals("GET")) {
        return methodNotAllowed(method, rawPath);
      }
      need(principal, false);
      ObjectNode counts = Json.MAPPER.createObjectNode();
      store.summary().forEach(counts::put);
      return ok(counts);
    }
    if (n == 4) {
      switch (method) {
        case "GET" -> {
          need(principal, false);
          return ok(store.get(id));
        }
        case "PUT" -> {
          need(principal, true);
          requireJson(exchange, body);
          return ok(store.replace(id, Json.parse(body), actor));
        }
        case "DELETE" -> {
          need(principal, true);
          return ok(store.delete(id, boolParam(params, "skipTrash"), actor));
        }
        default -> {
          return methodNotAllowed(method, rawPath);
        }
      }
    }
    String action = seg.get(4);
    if (n == 5 && method.equals("POST")) {
      switch (action) {
        case "undelete" -> {
          need(principal, true);
          return ok(store.undelete(id, actor));
        }
        case "snooze" -> {
          need(principal, true);
          String seconds = params.get("seconds");
          return ok(
              store.snooze(id, seconds == null ? null : longParam("seconds", seconds), actor));
        }
        case "unsnooze" -> {
          need(principal, true);
          return ok(store.unsnooze(id, actor));
        }
        default -> {}
      }
    }
    if (action.equals("tag")) {
      if (n == 5) {
        switch (method) {
          case "GET" -> {
            need(principal, false);
            List<String> tags = store.tags(id);
            ObjectNode page = Json.MAPPER.createObjectNode();
            var items = page.putArray("items");
            tags.forEach(items::add);
            page.put("offset", 0);
            page.put("limit", tags.size());
            page.put("totalItems", tags.size());
            page.put("moreItems", false);
            return ok(page);
          }
          case "POST" -> {
            need(principal, true);
            requireJson(exchange, body);
            store.setTags(id, stringList(Json.parse(body)), actor);
            return HttpResponse.of(200, Json.okVoid());
          }
          default -> {
            return methodNotAllowed(method, rawPath);
          }
        }
      }
      if (n == 6) {
        String tag = seg.get(5);
        switch (method) {
          case "PUT" -> {
            need(principal, true);
            store.addTag(id, tag, actor);
            return HttpResponse.of(200, Json.okVoid());
          }
          case "DELETE" -> {
            need(principal, true);
            store.removeTag(id, tag, actor);
            return HttpResponse.of(200, Json.okVoid());
          }
          default -> {
            return methodNotAllowed(method, rawPath);
          }
        }
      }
    }
    return notFound(method, rawPath);
  }

  private static HttpResponse ok(JsonNode response) {
    return HttpResponse.of(200, Json.ok(response));
  }

  /** 403 unless the principal may read (write=false) or write alerts. */
  private static void need(Principal principal, boolean write) {
    boolean allowed =
        write
            ? principal.has(Permission.ALERTS)
            : principal.has(Permission.ALERTS) || principal.has(Permission.BROWSE);
    if (!allowed) {
      throw new AlertStoreException(
          403,
          write
              ? "Forbidden: this account does not have the Alerts permission"
              : "Forbidden: this account cannot browse alerts");
    }
  }

  /**
   * [assume] 415 for a body sent with a content type other than JSON; no content type is accepted.
   */
  private static void requireJson(HttpExchange exchange, byte[] body) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (body.length > 0 && type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
      throw new AlertStoreException(
          415, "Unsupported Media Type: " + type + " (use application/json)");
    }
  }

  private static HttpResponse notFound(String method, String rawPath) {
    return HttpResponse.error(404, "Unknown endpoint: " + method + " " + rawPath);
  }

  private static HttpResponse methodNotAllowed(String method, String rawPath) {
    return HttpResponse.error(405, "Method " + method + " not allowed on " + rawPath);
  }

  private static List<String> stringList(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw AlertStoreException.badRequest("Request body must be a JSON array of tag names");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode t : node) {
      if (!t.isTextual()) {
        throw AlertStoreException.badRequest("Request body must be a JSON array of tag names");
      }
      out.add(t.asText());
    }
    return out;
  }

  private static int intParam(Map<String, String> params, String name, int dflt) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw AlertStoreException.badRequest("Invalid " + name + " specified: " + v);
    }
  }

  private static long longParam(String name, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw AlertStoreException.badRequest("Invalid " + name + " specified: " + v);
    }
  }

  private static boolean boolParam(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw AlertStoreException.badRequest(
        "Invalid " + name + " specified: " + v + " (expected true or false)");
  }
}
