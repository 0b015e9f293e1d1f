package io.alertforge.wavefront.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small test client: real HTTP through java.net.http against the running emulator. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String token;

  Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  Api withToken(String other) {
    return new Api(base, other);
  }

  record Resp(int status, HttpHeaders headers, JsonNode json) {
    JsonNode response() {
      return json.path("response");
    }

    String message() {
      return json.path("status").path("message").asText();
    }

    String id() {
      return response().path("id").asText();
    }
  }

  Resp get(String path) {
    return send("GET", path, null);
  }

  Resp post(String path, Object body) {
    return send("POST", path, body);
  }

  Resp put(String path, Object body) {
    return send("PUT", path, body);
  }

  Resp delete(String path) {
    return send("DELETE", path, null);
  }

  Resp create(ObjectNode alert) {
    Resp r = post("/api/v2/alert", alert);
    if (r.status() != 200) {
      throw new AssertionError("create failed: " + r.status() + " " + r.json());
    }
    return r;
  }

  Resp search(Object request) {
    return post("/api/v2/search/alert", request);
  }

  Resp send(String method, String path, Object body) {
    try {
      return sendOrThrow(method, path, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Like {@link #send} but lets the I/O error of a dropped connection through. */
  Resp sendOrThrow(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(text));
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    return new Resp(r.statusCode(), r.headers(), json);
  }

  /** A minimal valid CLASSIC alert. */
  static ObjectNode alert(String name) {
    ObjectNode a = JSON.createObjectNode();
    a.put("name", name);
    a.put("condition", "ts(app.errors) > 5");
    a.put("displayExpression", "ts(app.errors)");
    a.put("minutes", 5);
    a.put("severity", "warn");
    return a;
  }

  static ObjectNode alert(String name, String... tags) {
    ObjectNode a = alert(name);
    var arr = a.putObject("tags").putArray("customerTags");
    for (String t : tags) {
      arr.add(t);
    }
    return a;
  }

  /** {@code {"query":[{"key":k,"value":v,"matchingMethod":m}], "limit": ...}}. */
  static ObjectNode query(String key, String value, String method) {
    ObjectNode req = JSON.createObjectNode();
    ObjectNode q = req.putArray("query").addObject();
    q.put("key", key);
    q.put("value", value);
    if (method != null) {
      q.put("matchingMethod", method);
    }
    return req;
  }
}
