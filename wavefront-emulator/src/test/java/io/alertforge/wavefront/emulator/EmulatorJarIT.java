package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as its own process (`java -jar ...`), as a developer would, and stops it with
 * SIGTERM ({@link Process#destroy()} on Linux). Runs in the integration-test phase, after
 * `package`.
 */
class EmulatorJarIT {
  static final String SECRET = "jar-secret-8ca05aab898d";

  @Test
  @Timeout(60)
  void runsStandalonePrintsOneReadyLineAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path jar =
        Path.of(System.getProperty("emulator.jar", "target/wavefront-emulator-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Output goes to files: Process.destroy() closes the pipes, which would cut off what the JVM
    // prints last.
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--token",
                SECRET,
                "--fault",
                "status=503,method=GET,path=/api/v2/alert/summary,count=1")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      String ready = awaitFirstLine(out, process);
      assertThat(ready).startsWith(WavefrontEmulator.READY_PREFIX + "http://127.0.0.1:");
      URI base = URI.create(ready.substring(WavefrontEmulator.READY_PREFIX.length()));

      Api api = new Api(base, SECRET);
      Api.Resp created = api.create(Api.alert("from the jar", "standalone"));
      assertThat(api.get("/api/v2/alert/" + created.id()).response().path("name").asText())
          .isEqualTo("from the jar");
      assertThat(api.get("/api/v2/alert/summary").status()).isEqualTo(503);
      assertThat(api.withToken("wrong").get("/api/v2/alert").status()).isEqualTo(401);
      assertThat(new Api(base, null).get("/_emulator/requests").json().path("count").asInt())
          .isEqualTo(4);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hook (which closes the server) and exited on
      // the signal
      assertThat(process.exitValue()).isIn(0, 143);

      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      assertThat(lines).as("exactly one line on stdout").containsExactly(ready);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertThat(stderr).doesNotContain(SECRET).doesNotContain("Exception");
    } finally {
      process.destroyForcibly();
    }
  }

  private static String awaitFirstLine(Path file, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      if (nl >= 0) {
        return text.substring(0, nl);
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "emulator exited with " + process.exitValue() + " before it was ready");
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no ready line within 30 s");
  }

  @Test
  @Timeout(60)
  void helpRunsFromTheJar() throws Exception {
    Path jar =
        Path.of(System.getProperty("emulator.jar", "target/wavefront-emulator-0.1.0-SNAPSHOT.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, "-jar", jar.toString(), "--help")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(output).contains("Usage: wavefront-emulator", "--token-readonly", "--fault");
    assertThat(Files.size(jar)).isGreaterThan(1_000_000); // Jackson and picocli are inside
  }
}
