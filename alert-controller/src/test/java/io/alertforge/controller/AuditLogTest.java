package io.alertforge.controller;

import static io.alertforge.controller.Harness.NS;
import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static io.alertforge.controller.Harness.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one line on {@code alertforge.audit} for every change made in Wavefront, with the
 * CR, the Wavefront id, the source annotations and the checksums before and after.
 */
class AuditLogTest extends ControllerTestCase {
  final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  Logger audit;
  Level level;

  @BeforeEach
  void captureLogs() {
    audit = (Logger) LoggerFactory.getLogger("alertforge.audit");
    level = audit.getLevel();
    audit.setLevel(Level.INFO);
    lines.start();
    audit.addAppender(lines);
  }

  @AfterEach
  void releaseLogs() {
    audit.detachAppender(lines);
    audit.setLevel(level);
  }

  private List<Map<String, Object>> entries() {
    return lines.list.stream()
        .map(
            e -> {
              Map<String, Object> m = new LinkedHashMap<>();
              e.getKeyValuePairs().forEach(kv -> m.put(kv.key, kv.value));
              return m;
            })
        .toList();
  }

  @Test
  void everyChangeInWavefrontIsOneAuditLineWithItsCrAndChecksums() {
    controller = Harness.start(client, wavefront.emulator());
    create(client, alert("cpu"));
    String id = alertId(awaitCr(client, "cpu", Harness::ready));
    Harness.editSpec(client, "cpu", spec -> spec.setMinutes(15));
    awaitCr(client, "cpu", a -> ready(a) && a.getStatus().getObservedGeneration() == 2);
    Harness.alerts(client).inNamespace(NS).withName("cpu").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> Harness.get(client, "cpu") == null);

    List<Map<String, Object>> entries = entries();
    assertThat(entries)
        .extracting(e -> e.get("action"))
        .containsExactly("create", "update", "delete");
    for (Map<String, Object> e : entries) {
      assertThat(e)
          .containsEntry("audit", true)
          .containsEntry("namespace", NS)
          .containsEntry("name", "cpu")
          .containsEntry("wavefrontId", id)
          .containsEntry("alertName", "cpu high cpu")
          .containsEntry("source", "alerts/cpu.yaml")
          .containsEntry("specHash", "abc123");
    }
    Map<String, Object> created = entries.get(0);
    Map<String, Object> updated = entries.get(1);
    assertThat(created.get("before")).isNull();
    assertThat(updated.get("before")).isEqualTo(created.get("after"));
    assertThat(updated.get("after")).isNotNull().isNotEqualTo(updated.get("before"));
    assertThat(entries.get(2).get("after")).isNull();
  }
}
