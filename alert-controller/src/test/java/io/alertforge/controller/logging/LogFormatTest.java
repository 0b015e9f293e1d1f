package io.alertforge.controller.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped logback configuration (src/main/resources/logback.xml, in a LoggerContext of its own,
 * its console output captured) with a message, a key-value pair and an exception message that each
 * try to forge a line: in both formats one event stays one line (plus, in text, a stack trace whose
 * lines cannot pass for events), and the values read back as they were logged.
 */
class LogFormatTest {
  static final Path CONFIG = Path.of("src/main/resources/logback.xml");
  static final String FORGED = "\n12:00:00.000 INFO  [main] forged line";
  static final String ESCAPED_FORGED = "\\n12:00:00.000 INFO  [main] forged line";

  /** An event line of the text format: time, level, thread. */
  static final Pattern EVENT = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ +\\[.*");

  /** The lines a stack trace may have after its first: frames, omissions, causes. */
  static final Pattern TRACE =
      Pattern.compile("\\tat .*|\\t\\.\\.\\. \\d+ common frames omitted|Caused by: .*");

  @Test
  void textEscapesTheMessageTheKeyValuePairsAndTheExceptionMessages() throws Exception {
    String out = log("text");
    List<String> lines = Arrays.asList(out.split("\n", -1));
    assertThat(lines.get(lines.size() - 1)).as("ends with a newline").isEmpty();
    lines = lines.subList(0, lines.size() - 1);
    assertThat(lines.get(0))
        .matches(EVENT)
        .endsWith(
            " forge.test alertName=\"cpu"
                + ESCAPED_FORGED
                + "\" note=\"a \\\"quoted\\\" \\\\n, \\r\\t\\u0000\\u2028\\u2029\\u0085\""
                + " wavefront said"
                + ESCAPED_FORGED);
    assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: commit" + ESCAPED_FORGED);
    assertThat(lines.subList(2, lines.size()))
        .as("the rest is the stack trace")
        .allMatch(l -> TRACE.matcher(l).matches())
        .contains("Caused by: java.lang.IllegalArgumentException: cause" + ESCAPED_FORGED);
    assertThat(out).doesNotContain("\r", "\u0000", "\u2028", "\u2029", "\u0085");
  }

  @Test
  void jsonKeepsEveryValueInsideItsOneLine() throws Exception {
    String out = log("json");
    assertThat(out).endsWith("\n");
    assertThat(out.substring(0, out.length() - 1))
        .as("one line")
        .doesNotContain("\n", "\r", "\u0000", "\u2028", "\u2029", "\u0085");
    JsonNode line = new ObjectMapper().readTree(out);
    assertThat(line.path("formattedMessage").asText()).isEqualTo("wavefront said" + FORGED);
    JsonNode kvp = line.path("kvpList");
    assertThat(kvp.get(0).path("alertName").asText()).isEqualTo("cpu" + FORGED);
    assertThat(kvp.get(1).path("note").asText())
        .isEqualTo("a \"quoted\" \\n, \r\t\u0000\u2028\u2029\u0085");
    assertThat(line.path("throwable").path("message").asText()).isEqualTo("commit" + FORGED);
    assertThat(line.path("throwable").path("cause").path("message").asText())
        .isEqualTo("cause" + FORGED);
  }

  /** One event logged through logback.xml with {@code LOG_FORMAT=format}: the output. */
  static String log(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putProperty("LOG_FORMAT", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(CONFIG.toFile());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ((OutputStreamAppender<?>) root.getAppender(format)).setOutputStream(out);
    Exception e =
        new IllegalStateException(
            "commit" + FORGED, new IllegalArgumentException("cause" + FORGED));
    context
        .getLogger("forge.test")
        .atWarn()
        .addKeyValue("alertName", "cpu" + FORGED)
        .addKeyValue("note", "a \"quoted\" \\n, \r\t\u0000\u2028\u2029\u0085")
        .setCause(e)
        .log("wavefront said" + FORGED);
    assertThat(new StatusUtil(context).getHighestLevel(0))
        .as("logback.xml configures and appends without errors")
        .isLessThan(Status.ERROR);
    context.stop();
    return out.toString(StandardCharsets.UTF_8);
  }
}
