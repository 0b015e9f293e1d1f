package io.alertforge.wavefront.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.fault.ActiveFault;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.fault.FaultInjector;
import io.alertforge.wavefront.emulator.requestlog.RecordedRequest;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.alertforge.wavefront.emulator.store.AlertStore;
import io.alertforge.wavefront.emulator.store.AlertStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin endpoint under {@code /_emulator} (not under {@code /api}, not authenticated, never
 * faulted, not recorded in the request log). Plain JSON, no envelope; errors are {@code {"error":
 * "..."}}. See docs/wavefront-emulator.md for the routes.
 */
final class AdminHandler {
  static final String PREFIX = "/_emulator";

  private final URI baseUri;
  private final EmulatorConfig config;
  private final AlertStore store;
  private final FaultInjector faults;
  private final RequestLog requests;
  private final TokenRegistry tokens;

  AdminHandler(
      URI baseUri,
      EmulatorConfig config,
      AlertStore store,
      FaultInjector faults,
      RequestLog requests,
      TokenRegistry tokens) {
    this.baseUri = baseUri;
    this.config = config;
    this.store = store;
    this.faults = faults;
    this.requests = requests;
    this.tokens = tokens;
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(ApiHandler.MAX_BODY);
    }
    HttpResponse response;
    try {
      response =
          route(
              method,
              path.substring(PREFIX.length()),
              exchange.getRequestURI().getRawQuery(),
              body);
    } catch (IllegalArgumentException e) {
      response = error(400, e.getMessage());
    } catch (AlertStoreException e) {
      response = error(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      response = error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    response.send(exchange);
  }

  private HttpResponse route(String method, String sub, String rawQuery, byte[] body) {
    List<String> seg = UriParts.segments(sub);
    String what = seg.isEmpty() ? "" : seg.get(0);
    switch (what) {
      case "" -> {
        if (method.equals("GET")) {
          return json(status());
        }
      }
      case "reset" -> {
        if (method.equals("POST")) {
          config.restore(store, faults, requests, tokens);
          return json(status());
        }
      }
      case "faults" -> {
        if (seg.size() == 2 && method.equals("DELETE")) {
          int id = Integer.parseInt(seg.get(1));
          if (!faults.remove(id)) {
            return error(404, "no fault with id " + id);
          }
          return json(faultList());
        }
        switch (method) {
          case "GET" -> {
            return json(faultList());
          }
          case "POST" -> {
            JsonNode req = object(body);
            String spec = text(req, "spec");
            ActiveFault added = faults.add(Fault.parse(spec));
            return json(fault(added));
          }
          case "DELETE" -> {
            faults.clearFaults();
            return json(faultList());
          }
          default -> {}
        }
      }
      case "rejected-queries" -> {
        switch (method) {
          case "GET" -> {
            return json(rejected());
          }
          case "POST" -> {
            faults.rejectQuery(text(object(body), "contains"));
            return json(rejected());
          }
          case "DELETE" -> {
            faults.clearRejectedQueries();
            return json(rejected());
          }
          default -> {}
        }
      }
      case "search-lag" -> {
        switch (method) {
          case "GET" -> {
            return json(lag());
          }
          case "PUT", "POST" -> {
            JsonNode req = object(body);
            faults.searchLag().millis(req.path("millis").asLong(0));
            faults.searchLag().requests(req.path("requests").asInt(0));
            return json(lag());
          }
          case "DELETE" -> {
            faults.searchLag().clear();
            return json(lag());
          }
          default -> {}
        }
      }
      case "requests" -> {
        switch (method) {
          case "GET" -> {
            Map<String, String> params = UriParts.params(rawQuery);
            return json(requestList(params.get("method"), params.get("path")));
          }
          case "DELETE" -> {
            requests.clear();
            return json(requestList(null, null));
          }
          default -> {}
        }
      }
      case "tokens" -> {
        switch (method) {
          case "GET" -> {
            return json(principalList());
          }
          case "POST" -> {
            JsonNode req = object(body);
            String token = text(req, "token");
            String account =
                req.hasNonNull("account")
                    ? req.get("account").asText()
                    : TokenRegistry.DEFAULT_ACCOUNT;
            Set<Permission> perms = Permission.full();
            if (req.has("permissions")) {
              StringBuilder list = new StringBuilder();
              req.get("permissions").forEach(p -> list.append(p.asText()).append(','));
              perms = Permission.parseList(list.toString());
            }
            tokens.add(token, account, perms);
            return json(principalList());
          }
          case "DELETE" -> {
            tokens.revoke(text(object(body), "token"));
            return json(principalList());
          }
          default -> {}
        }
      }
      default -> {
        return error(404, "unknown admin endpoint " + PREFIX + sub);
      }
    }
    return error(405, "method " + method + " not allowed on " + PREFIX + sub);
  }

  private ObjectNode status() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("baseUri", baseUri.toString());
    out.put("alerts", store.size());
    out.put("trashed", store.trashSize());
    out.put("requests", requests.size());
    out.put("faults", faults.active().size());
    out.put("tokens", tokens.size());
    return out;
  }

  private ObjectNode faultList() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode items = out.putArray("faults");
    faults.active().forEach(f -> items.add(fault(f)));
    return out;
  }

  private static ObjectNode fault(ActiveFault f) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", f.id());
    out.put("spec", f.fault().spec());
    out.put("fired", f.fired());
    out.put("remaining", f.remaining());
    return out;
  }

  private ObjectNode rejected() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode items = out.putArray("rejectedQueries");
    faults.rejectedQueries().forEach(items::add);
    return out;
  }

  private ObjectNode lag() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("millis", faults.searchLag().millis());
    out.put("requests", faults.searchLag().requests());
    return out;
  }

  private ObjectNode requestList(String method, String path) {
    List<RecordedRequest> list = requests.entries(method, path);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("count", list.size());
    ArrayNode items = out.putArray("requests");
    for (RecordedRequest r : list) {
      ObjectNode e = items.addObject();
      e.put("seq", r.seq());
      e.put("timestamp", r.timestamp().toString());
      e.put("method", r.method());
      e.put("path", r.path());
      e.put("query", r.query());
      e.put("status", r.status());
      ArrayNode f = e.putArray("faults");
      r.faults().forEach(f::add);
      e.put("account", r.account());
    }
    return out;
  }

  private ObjectNode principalList() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode items = out.putArray("principals");
    for (TokenRegistry.Principal p : tokens.principals()) {
      ObjectNode e = items.addObject();
      e.put("account", p.account());
      ArrayNode perms = e.putArray("permissions");
      p.permissions().stream().sorted().forEach(x -> perms.add(x.name().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  private static JsonNode object(byte[] body) {
    JsonNode node = Json.parse(body);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException("field '" + field + "' (a non-empty string) is required");
    }
    return v.asText();
  }

  private static HttpResponse json(JsonNode node) {
    return HttpResponse.of(200, Json.bytes(node));
  }

  private static HttpResponse error(int status, String message) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("error", message == null ? "error" : message);
    return HttpResponse.of(status, Json.bytes(out));
  }
}
