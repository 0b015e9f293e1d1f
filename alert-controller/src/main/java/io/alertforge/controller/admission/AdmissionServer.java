package io.alertforge.controller.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * The validating admission webhook over HTTPS: {@code POST /validate} takes an AdmissionReview v1
 * and answers with {@link AdmissionReviewer}'s decision. The certificate is reloaded when its files
 * change ({@link ReloadingKeyManager}). Bodies over 3 MiB (the API server's own object limit plus
 * room) get 413.
 */
public final class AdmissionServer implements AutoCloseable {
  public static final String PATH = "/validate";
  private static final int MAX_BODY = 3 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final AdmissionReviewer reviewer;

  public AdmissionServer(
      InetSocketAddress address, Path certFile, Path keyFile, AdmissionReviewer reviewer)
      throws IOException {
    this.reviewer = reviewer;
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(new KeyManager[] {new ReloadingKeyManager(certFile, keyFile)}, null, null);
      server = HttpsServer.create(address, 64);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
    server.createContext(PATH, this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      JsonNode review;
      try {
        review = JSON.readTree(body);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      byte[] answer = JSON.writeValueAsBytes(reviewer.review(review));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
