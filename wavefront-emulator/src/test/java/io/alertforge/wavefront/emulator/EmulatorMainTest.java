package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone program's main, run in-process. */
class EmulatorMainTest {
  static final String SECRET = "cli-secret-4f03-bf11";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private EmulatorMain.Launch launch(String... args) {
    return EmulatorMain.launch(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsExactlyOneReadyLineServesAndStopsOnClose() throws Exception {
    EmulatorMain.Launch launch =
        launch("--port", "0", "--token", SECRET, "--token-readonly", "ro-token");
    assertThat(launch.started()).isTrue();
    WavefrontEmulator emulator = launch.emulator();
    try {
      assertThat(out())
          .isEqualTo(
              WavefrontEmulator.READY_PREFIX
                  + "http://127.0.0.1:"
                  + emulator.port()
                  + System.lineSeparator());
      assertThat(out() + err()).doesNotContain(SECRET).doesNotContain("ro-token");

      Api api = new Api(emulator.baseUri(), SECRET);
      assertThat(api.create(Api.alert("cli")).status()).isEqualTo(200);
      assertThat(api.withToken("ro-token").post("/api/v2/alert", Api.alert("x")).status())
          .isEqualTo(403);
      assertThat(api.withToken("ro-token").get("/api/v2/alert").status()).isEqualTo(200);
    } finally {
      emulator.close();
    }
    assertThat(emulator.isRunning()).isFalse();
    emulator.awaitStop(); // returns at once after close
    Api api = new Api(emulator.baseUri(), SECRET);
    assertThatThrownBy(() -> api.sendOrThrow("GET", "/api/v2/alert", null))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void bindsTheRequestedPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmulatorMain.Launch launch = launch("--port", Integer.toString(port), "--token", SECRET);
    try {
      assertThat(launch.emulator().port()).isEqualTo(port);
      assertThat(out()).contains("http://127.0.0.1:" + port);
    } finally {
      launch.emulator().close();
    }
  }

  @Test
  void portInUseExitsWith1() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      EmulatorMain.Launch launch =
          launch("--port", Integer.toString(s.getLocalPort()), "--token", SECRET);
      assertThat(launch.started()).isFalse();
      assertThat(launch.exitCode()).isEqualTo(1);
      assertThat(err()).contains("cannot start").doesNotContain(SECRET);
      assertThat(out()).isEmpty();
    }
  }

  @Test
  void faultsPermissionsAndLagFromFlags() throws Exception {
    EmulatorMain.Launch launch =
        launch(
            "--token",
            SECRET + ":full",
            "--token",
            "none-token:none",
            "--fault",
            "status=429,retryAfter=5,method=POST,path=/api/v2/alert,count=1",
            "--reject-query",
            "bad.metric",
            "--search-lag-requests",
            "1",
            "--account",
            "sa::ci");
    WavefrontEmulator emulator = launch.emulator();
    try {
      Api api = new Api(emulator.baseUri(), SECRET);
      Api.Resp throttled = api.post("/api/v2/alert", Api.alert("a"));
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.headers().firstValue("Retry-After")).hasValue("5");
      Api.Resp created = api.post("/api/v2/alert", Api.alert("a"));
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.response().path("creatorId").asText()).isEqualTo("sa::ci");
      var bad = Api.alert("b");
      bad.put("condition", "ts(bad.metric) > 0");
      assertThat(api.post("/api/v2/alert", bad).status()).isEqualTo(400);
      assertThat(api.withToken("none-token").get("/api/v2/alert").status()).isEqualTo(403);
      assertThat(emulator.faults().searchLag().requests()).isEqualTo(1);
    } finally {
      emulator.close();
    }
  }

  @Test
  void tokenFileKeepsTokensOffTheCommandLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# tokens\n" + SECRET + "\nreader:browse\n\n");
    EmulatorMain.Launch launch = launch("--token-file", file.toString());
    try {
      Api api = new Api(launch.emulator().baseUri(), SECRET);
      assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
      assertThat(api.withToken("reader").post("/api/v2/alert", Api.alert("x")).status())
          .isEqualTo(403);
    } finally {
      launch.emulator().close();
    }
  }

  @Test
  void helpDocumentsEveryFlag() {
    EmulatorMain.Launch launch = launch("--help");
    assertThat(launch.started()).isFalse();
    assertThat(launch.exitCode()).isZero();
    assertThat(out())
        .contains(
            "--port",
            "--token",
            "--token-readonly",
            "--token-file",
            "--account",
            "--fault",
            "--reject-query",
            "--search-lag-ms",
            "--search-lag-requests",
            "--search-case-sensitive",
            "--max-email-targets",
            "--threads",
            "--help",
            "--version",
            "status=CODE",
            "/_emulator",
            "SIGTERM");
  }

  @Test
  void badArgumentsExitWith2AndNeverEchoATokenBack() {
    EmulatorMain.Launch noToken = launch("--port", "0");
    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(err()).contains("--token");

    err.reset();
    EmulatorMain.Launch badFault = launch("--token", SECRET, "--fault", "status=42");
    assertThat(badFault.exitCode()).isEqualTo(2);
    assertThat(err()).contains("invalid --fault").doesNotContain(SECRET);

    err.reset();
    EmulatorMain.Launch badPerm = launch("--token", SECRET + ":superuser");
    assertThat(badPerm.exitCode()).isEqualTo(2);
    assertThat(err()).contains("superuser").doesNotContain(SECRET);

    err.reset();
    EmulatorMain.Launch unknown = launch("--tokn", SECRET, "--token", SECRET);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(err()).contains("--tokn").doesNotContain(SECRET);

    err.reset();
    EmulatorMain.Launch typoOnly = launch("--tokn=" + SECRET);
    assertThat(typoOnly.exitCode()).isEqualTo(2);
    assertThat(err()).contains("--tokn").doesNotContain(SECRET);

    err.reset();
    EmulatorMain.Launch badPort = launch("--port", "eighty", "--token", SECRET);
    assertThat(badPort.exitCode()).isEqualTo(2);
    assertThat(err()).contains("--port").doesNotContain(SECRET);
    assertThat(out()).isEmpty();
  }
}
