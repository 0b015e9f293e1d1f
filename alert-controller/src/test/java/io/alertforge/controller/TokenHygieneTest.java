package io.alertforge.controller;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontException;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A token whose bytes hold a line break, a carriage return, a tab and a NUL never reaches a status,
 * an event, a log line (stack traces included, the resync's too), a metric or an exception message:
 * end to end, with the token handed straight to the client and with a token file rotated to such a
 * value. Every part of the token is distinctive, so a part found anywhere is a leak.
 */
class TokenHygieneTest extends ControllerTestCase {
  static final String SECRET = "s3cr3tA\ns3cr3tB\rs3cr3tC\ts3cr3tD\u0000s3cr3tE";
  static final String PART = "s3cr3t";

  final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  OutputStreamAppender<ILoggingEvent> appender;

  @BeforeEach
  void captureLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger %kvp %msg%n%ex");
    encoder.start();
    appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(logs);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
  }

  @AfterEach
  void releaseLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
  }

  private String everythingVisible(String... names) {
    StringBuilder all = new StringBuilder(logs.toString(StandardCharsets.UTF_8));
    for (String name : names) {
      WavefrontAlert cr = Harness.get(client, name);
      all.append(Serialization.asJson(cr.getStatus()));
    }
    all.append(
        client.v1().events().inNamespace(NS).list().getItems().stream()
            .map(Event::getMessage)
            .collect(Collectors.joining("\n")));
    all.append(controller.metrics().scrape());
    return all.toString();
  }

  /** What the resync's timer logs when its listing fails: the message, with its stack trace. */
  private String resyncFailure() {
    Throwable failure = catchThrowable(controller::resyncNow);
    assertThat(failure).isInstanceOf(WavefrontException.class);
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    return failure.getMessage() + trace;
  }

  private static boolean failedWithToken(WavefrontAlert a) {
    return a.getStatus() != null
        && "Error".equals(a.getStatus().getState())
        && a.getStatus().getErrorDescription().contains("token");
  }

  @Test
  void aTokenHandedStraightToTheClientLeaksNowhere() {
    TokenSource.Token bad = new TokenSource.Token(SECRET, 1, Instant.now());
    controller = Harness.start(client, wavefront.emulator(), Harness.settings(), () -> bad);
    create(client, alert("cpu"));
    WavefrontAlert cr = awaitCr(client, "cpu", TokenHygieneTest::failedWithToken);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !Harness.eventReasons(client, "cpu").isEmpty());
    String resync = resyncFailure(); // the resync's listing fails too, and logs this

    assertThat(cr.getStatus().getErrorDescription()).doesNotContain(PART);
    assertThat(everythingVisible("cpu") + resync).doesNotContain(PART);
    assertThat(wavefront.requests().size()).isZero(); // nothing was sent
  }

  @Test
  void aTokenFileRotatedToABadValueIsRefusedWithoutShowingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, Harness.TOKEN);
    controller =
        Harness.start(client, wavefront.emulator(), Harness.settings(), new FileTokenSource(file));
    create(client, alert("cpu"));
    awaitCr(client, "cpu", Harness::ready);

    Files.writeString(file, SECRET);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
    long sent = wavefront.requests().size();
    create(client, alert("disk"));
    WavefrontAlert cr = awaitCr(client, "disk", TokenHygieneTest::failedWithToken);
    String resync = resyncFailure();

    assertThat(cr.getStatus().getErrorDescription()).contains(file.getFileName().toString());
    assertThat(everythingVisible("cpu", "disk") + resync).doesNotContain(PART);
    assertThat(wavefront.requests().entries().subList((int) sent, wavefront.requests().size()))
        .noneMatch(r -> r.method().equals("POST") && r.path().equals("/api/v2/alert"));
  }
}
