package io.alertforge.controller.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One running controller, a child JVM started by {@link ControllerProcesses}: its output files, its
 * metrics port, and the two ways it ends (SIGTERM, SIGKILL).
 */
final class ControllerProcess {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final int metricsPort;

  ControllerProcess(String name, Process process, Path stdout, Path stderr, int metricsPort) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.metricsPort = metricsPort;
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code /readyz} answers 200; fails as soon as the process ends instead. */
  ControllerProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/readyz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited with " + process.exitValue() + " before it was ready: " + stderr);
      }
      try {
        if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // the JVM is still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + name, e);
      }
      pause();
    }
    throw new AssertionError(name + " was not ready within " + timeout + ": " + stderr);
  }

  /** {@code GET /metrics}: the Prometheus text. */
  String metrics() throws IOException, InterruptedException {
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HTTP.send(get, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** SIGKILL: no shutdown hook runs, nothing is released. Returns the exit code (137). */
  int kill() {
    process.destroyForcibly();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the shutdown hook closes everything. Returns the exit code (143). */
  int stop() {
    process.destroy();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** The exit code, once the process ended by itself within {@code timeout}. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " still runs after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
    return process.exitValue();
  }

  /** Ends the process if it still runs (SIGKILL) and waits for it: the cleanup after a test. */
  void destroy() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  /** What a reader of a failed test needs: where it ran, how it ended, everything it printed. */
  String report() {
    String state = process.isAlive() ? "running" : "exit code " + process.exitValue();
    return "---- controller process "
        + name
        + " (pid "
        + process.pid()
        + ", "
        + state
        + ")\n---- stdout "
        + stdout
        + "\n"
        + stdout()
        + "---- stderr "
        + stderr
        + "\n"
        + stderr();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
