package io.alertforge.maven.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment endpoints of GitHub's REST API v3 or GitLab's API v4 for one pull (merge) request,
 * holding its comments: it checks each request as the real API does (the token in the right header,
 * the path, the method, a JSON body with a string {@code body} within the host's limit) and answers
 * as it does, with its status codes and error bodies, pages and paging headers. What it does not
 * know is a 404, never a success.
 */
public final class FakeCodeHost implements AutoCloseable {

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** A request as it arrived: the raw path and query, as the server saw them. */
  public record Request(String method, String uri, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A comment as the host stores it. */
  public record StoredComment(long id, String author, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GITHUB_LIST =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/([0-9]+)/comments");
  private static final Pattern GITHUB_EDIT =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/([0-9]+)");
  private static final Pattern GITLAB_NOTES =
      Pattern.compile("/api/v4/projects/([^/]+)/merge_requests/([0-9]+)/notes(?:/([0-9]+))?");

  private final boolean gitlab;
  private final String token;
  private final String project;
  private final String number;
  private final int pageSize;
  private final HttpServer server;
  private final Map<Long, StoredComment> comments = new LinkedHashMap<>();
  private long nextId = 1000;

  public final List<Request> requests = new CopyOnWriteArrayList<>();

  /**
   * @param project GitHub: {@code owner/name}; GitLab: the project's path, which the client sends
   *     URL-encoded
   * @param pageSize the most comments per page, below the requested per_page to exercise paging
   */
  private FakeCodeHost(boolean gitlab, String token, String project, String number, int pageSize)
      throws IOException {
    this.gitlab = gitlab;
    this.token = token;
    this.project = project;
    this.number = number;
    this.pageSize = pageSize;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeCodeHost github(String token, String repository, String number, int pageSize)
      throws IOException {
    return new FakeCodeHost(false, token, repository, number, pageSize);
  }

  public static FakeCodeHost gitlab(String token, String project, String iid, int pageSize)
      throws IOException {
    return new FakeCodeHost(true, token, project, iid, pageSize);
  }

  /** GitHub: the value of GITHUB_API_URL; GitLab: of CI_API_V4_URL. */
  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + (gitlab ? "/api/v4" : "");
  }

  /** A comment someone else wrote. */
  public synchronized void add(String author, String body) {
    long id = nextId++;
    comments.put(id, new StoredComment(id, author, body));
  }

  public synchronized List<StoredComment> comments() {
    return List.copyOf(comments.values());
  }

  private void handle(HttpExchange exchange) throws IOException {
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(request);
    Map<String, String> headers = new LinkedHashMap<>();
    String reply;
    int status;
    synchronized (this) {
      Answer answer = gitlab ? gitlab(request) : github(request);
      status = answer.status;
      reply = answer.body;
      headers.putAll(answer.headers);
    }
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, String body, Map<String, String> headers) {
    static Answer of(int status, String body) {
      return new Answer(status, body, Map.of());
    }
  }

  private static Answer message(int status, String message) {
    return Answer.of(status, JSON.createObjectNode().put("message", message).toString());
  }

  private Answer github(Request request) {
    if (!("Bearer " + token).equals(request.header("Authorization"))) {
      return Answer.of(
          401,
          "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
    }
    if (!"application/vnd.github+json".equals(request.header("Accept"))
        || !"2022-11-28".equals(request.header("X-GitHub-Api-Version"))) {
      return message(400, "Unsupported Accept header or API version");
    }
    String path = request.uri().replaceFirst("\\?.*", "");
    Map<String, String> query = query(request.uri());
    Matcher list = GITHUB_LIST.matcher(path);
    if (list.matches() && list.group(1).equals(project) && list.group(2).equals(number)) {
      if (request.method().equals("GET")) {
        return page(request, query, "Link");
      }
      if (request.method().equals("POST")) {
        return write(request, null, 201, 65_536, "Body is too long (maximum is 65536 characters)");
      }
    }
    Matcher edit = GITHUB_EDIT.matcher(path);
    if (edit.matches()
        && edit.group(1).equals(project)
        && request.method().equals("PATCH")
        && comments.containsKey(Long.parseLong(edit.group(2)))) {
      return write(
          request,
          Long.parseLong(edit.group(2)),
          200,
          65_536,
          "Body is too long (maximum is 65536 characters)");
    }
    return message(404, "Not Found");
  }

  private Answer gitlab(Request request) {
    if (!token.equals(request.header("PRIVATE-TOKEN")) || request.header("Authorization") != null) {
      return message(401, "401 Unauthorized");
    }
    String path = request.uri().replaceFirst("\\?.*", "");
    Matcher notes = GITLAB_NOTES.matcher(path);
    if (!notes.matches()
        || !notes.group(1).equals(project.replace("/", "%2F"))
        || !notes.group(2).equals(number)) {
      return message(404, "404 Not found");
    }
    if (notes.group(3) == null && request.method().equals("GET")) {
      Map<String, String> query = query(request.uri());
      if (!"asc".equals(query.get("sort")) || !"created_at".equals(query.get("order_by"))) {
        return Answer.of(400, "{\"error\":\"sort does not have a valid value\"}");
      }
      return page(request, query, "X-Next-Page");
    }
    if (notes.group(3) == null && request.method().equals("POST")) {
      return write(
          request, null, 201, 1_000_000, "Note is too long (maximum is 1000000 characters)");
    }
    if (notes.group(3) != null
        && request.method().equals("PUT")
        && comments.containsKey(Long.parseLong(notes.group(3)))) {
      return write(
          request,
          Long.parseLong(notes.group(3)),
          200,
          1_000_000,
          "Note is too long (maximum is 1000000 characters)");
    }
    return message(404, "404 Not found");
  }

  /** One page of the comments, oldest first, with the host's header for the next page. */
  private Answer page(Request request, Map<String, String> query, String nextHeader) {
    int perPage = Math.min(Integer.parseInt(query.getOrDefault("per_page", "30")), pageSize);
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    List<StoredComment> all = new ArrayList<>(comments.values());
    ArrayNode body = JSON.createArrayNode();
    for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
      body.add(json(all.get(i)));
    }
    boolean more = page * perPage < all.size();
    Map<String, String> headers = new LinkedHashMap<>();
    if (nextHeader.equals("Link") && more) {
      String path = request.uri().replaceFirst("\\?.*", "");
      headers.put(
          "Link",
          "<"
              + apiUrl()
              + path
              + "?per_page="
              + query.getOrDefault("per_page", "30")
              + "&page="
              + (page + 1)
              + ">; rel=\"next\"");
    }
    if (nextHeader.equals("X-Next-Page")) {
      headers.put("X-Next-Page", more ? String.valueOf(page + 1) : "");
    }
    return new Answer(200, body.toString(), headers);
  }

  /** Creates ({@code id} null) or updates a comment from a request body {"body": "..."}. */
  private Answer write(Request request, Long id, int status, int limit, String tooLong) {
    String type = request.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return message(415, "Unsupported Media Type");
    }
    JsonNode json;
    try {
      json = JSON.readTree(request.body());
    } catch (IOException e) {
      return message(400, "Problems parsing JSON");
    }
    if (json == null || !json.isObject() || !json.path("body").isTextual() || json.size() != 1) {
      return message(422, "Invalid request: body must be a string");
    }
    String text = json.path("body").asText();
    if (text.length() > limit) {
      return message(422, tooLong);
    }
    long commentId = id != null ? id : nextId++;
    StoredComment comment = new StoredComment(commentId, "alertforge-bot", text);
    comments.put(commentId, comment);
    return Answer.of(status, json(comment).toString());
  }

  private ObjectNode json(StoredComment comment) {
    ObjectNode node = JSON.createObjectNode().put("id", comment.id()).put("body", comment.body());
    if (gitlab) {
      node.put("system", false).putObject("author").put("username", comment.author());
    } else {
      node.putObject("user").put("login", comment.author());
    }
    return node;
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> query = new LinkedHashMap<>();
    int q = uri.indexOf('?');
    if (q >= 0) {
      for (String pair : uri.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length == 2 ? kv[1] : "");
      }
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
