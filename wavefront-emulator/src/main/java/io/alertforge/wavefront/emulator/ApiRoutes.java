package io.alertforge.wavefront.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.auth.TokenRegistry.Principal;
import io.alertforge.wavefront.emulator.store.AlertStore;
import io.alertforge.wavefront.emulator.store.AlertStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /api/v2} alert routes: checks the caller's permission and the request's form, calls
 * the store and wraps its answer in the Wavefront envelope.
 */
final class ApiRoutes {
  private static final System.Logger LOG = System.getLogger(ApiRoutes.class.getName());

  private final AlertStore store;

  ApiRoutes(AlertStore store) {
    this.store = store;
  }

  /**
   * The response to an authenticated request; every error, even an unexpected one, is an error
   * envelope.
   */
  HttpResponse route(
      String method,
      String rawPath,
      String query,
      String contentType,
      byte[] body,
      Principal principal) {
    try {
      List<String> seg = UriParts.segments(rawPath);
      Map<String, String> params = UriParts.params(query);
      if (seg.size() < 3 || !seg.get(0).equals("api") || !seg.get(1).equals("v2")) {
        return notFound(method, rawPath);
      }
      String actor = principal.account();
      if (seg.get(2).equals("alert")) {
        return alert(method, rawPath, seg, params, contentType, body, principal, actor);
      }
      if (seg.get(2).equals("search") && seg.size() >= 4 && seg.get(3).equals("alert")) {
        boolean deleted = seg.size() == 5 && seg.get(4).equals("deleted");
        if (seg.size() == 4 || deleted) {
          if (!method.equals("POST")) {
            return methodNotAllowed(method, rawPath);
          }
          need(principal, false);
          requireJson(contentType, body);
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
      String method,
      String rawPath,
      List<String> seg,
      Map<String, String> params,
      String contentType,
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
          requireJson(contentType, body);
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
          requireJson(contentType, body);
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
            requireJson(contentType, body);
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
  private static void requireJson(String type, byte[] body) {
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
