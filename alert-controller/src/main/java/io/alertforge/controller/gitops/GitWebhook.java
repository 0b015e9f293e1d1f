package io.alertforge.controller.gitops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /hooks/git}: a Git host's push webhook asks for a sync now. Authenticated as GitHub
 * does it: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body with the shared
 * secret>}, compared in constant time; the secret is read from its file on every request, so it can
 * be rotated. Answers 202 (sync requested), 200 to GitHub's {@code ping}, 401 for a missing or
 * wrong signature, 405 for other methods, 413 for a body over 1 MiB. The body is not otherwise
 * read: whatever it says, the controller fetches the branch it follows.
 */
public final class GitWebhook implements HttpHandler, AutoCloseable {
  public static final String PATH = "/hooks/git";
  static final int MAX_BODY = 1 << 20;

  private final Path secretFile;
  private final Runnable trigger;
  private HttpServer server;

  public GitWebhook(Path secretFile, Runnable trigger) {
    this.secretFile = secretFile;
    this.trigger = trigger;
  }

  /** Serves the endpoint on its own port (plain HTTP; TLS ends at the ingress). */
  public GitWebhook serve(InetSocketAddress address) throws IOException {
    server = HttpServer.create(address, 16);
    server.createContext(PATH, this);
    server.setExecutor(Executors.newSingleThreadExecutor());
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        respond(exchange, 405, "POST only\n");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        respond(exchange, 413, "body too large\n");
        return;
      }
      String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
      if (!valid(signature, body)) {
        respond(exchange, 401, "missing or wrong X-Hub-Signature-256\n");
        return;
      }
      if ("ping".equals(exchange.getRequestHeaders().getFirst("X-GitHub-Event"))) {
        respond(exchange, 200, "pong\n");
        return;
      }
      trigger.run();
      respond(exchange, 202, "sync requested\n");
    }
  }

  boolean valid(String header, byte[] body) throws IOException {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring("sha256=".length()).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(Files.readAllBytes(secretFile), body));
  }

  /** HMAC-SHA256 of {@code body}; the secret file's trailing newline is not part of the key. */
  public static byte[] hmac(byte[] secretFileBytes, byte[] body) {
    String secret = new String(secretFileBytes, StandardCharsets.UTF_8).strip();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
