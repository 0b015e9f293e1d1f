package io.alertforge.controller.gitops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Serves a repository's {@code .git} over Git's "dumb" HTTP protocol (static files plus a generated
 * {@code info/refs}), behind HTTP basic auth: enough for JGit's fetch, with no servlet container.
 */
final class DumbGitHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Repository repository;
  private final String expectedAuth;
  final AtomicInteger unauthorized = new AtomicInteger();

  /** While set, every request waits (up to 20 s) for it to open: a slow Git host. */
  volatile CountDownLatch gate;

  /** One permit per request that reached the gate. */
  final Semaphore waiting = new Semaphore(0);

  DumbGitHttpServer(Repository repository, String user, String password) throws IOException {
    this.repository = repository;
    this.expectedAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/repo.git/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      CountDownLatch slow = gate;
      if (slow != null) {
        waiting.release();
        try {
          slow.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        unauthorized.incrementAndGet();
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath().substring("/repo.git/".length());
      byte[] body;
      if (path.equals("info/refs")) {
        StringBuilder refs = new StringBuilder();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/heads/")) {
          refs.append(ref.getObjectId().name()).append('\t').append(ref.getName()).append('\n');
        }
        body = refs.toString().getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("objects/info/packs")) {
        StringBuilder packs = new StringBuilder();
        Path dir = repository.getDirectory().toPath().resolve("objects/pack");
        if (Files.isDirectory(dir)) {
          try (var files = Files.list(dir)) {
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".pack"))
                .forEach(n -> packs.append("P ").append(n).append('\n'));
          }
        }
        body = packs.toString().getBytes(StandardCharsets.UTF_8);
      } else {
        Path file = repository.getDirectory().toPath().resolve(path).normalize();
        if (path.contains("..") || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        body = Files.readAllBytes(file);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
