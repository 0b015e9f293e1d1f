package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.WavefrontRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rendered alert's Wavefront request, through alert-model's mapping. That it is exactly what the
 * controller sends for the same CR is proven in alert-controller (GitSourceEndToEndTest), where the
 * CRs go through the cluster and the requests reach the Wavefront emulator.
 */
class WavefrontRequestOfRenderedAlertsTest {
  static final Path SAMPLE =
      Path.of(System.getProperty("alertforge.repoRoot", "..")).resolve("sample-repo");
  static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  static final OwnershipTag CLUSTER = new OwnershipTag("prod-eu");

  @TempDir Path root;

  @Test
  void everySampleRepoAlertHasABodyToWhichAClusterAddsOnlyItsOwnershipTags() throws IOException {
    List<RenderedAlert> alerts = new AlertCompiler().compile(SAMPLE).alerts();
    assertThat(alerts).hasSizeGreaterThan(10);

    for (RenderedAlert alert : alerts) {
      WavefrontRequest anyController = alert.wavefrontRequest(NOW);
      WavefrontRequest ours = alert.wavefrontRequest(NOW, CLUSTER);

      assertThat(anyController.errors()).as(alert.qualifiedName()).isEmpty();
      assertThat(anyController.name()).isEqualTo(alert.alertName().trim());
      assertThat(anyController.body().path("condition").asText())
          .isEqualTo(alert.spec().path("condition").asText().trim());
      assertThat(anyController.body().path("severity").asText())
          .isEqualTo(alert.spec().path("severity").asText().toUpperCase(Locale.ROOT));
      assertThat(anyController.body().toString()).doesNotContain("alertforge-");
      ObjectNode withTags = anyController.body().deepCopy();
      ((ArrayNode) withTags.path("tags").path("customerTags"))
          .add(CLUSTER.clusterTag())
          .add(CLUSTER.ownerTag(alert.namespace(), alert.name()));
      assertThat(ours.body()).as(alert.qualifiedName()).isEqualTo(withTags);
    }
  }

  @Test
  void aCheckFrequencyBeyondAnIntIsARefusalNotAnException() {
    Compilation compilation =
        new TestRepository(root)
            .file(
                "disk.yaml",
                """
                apiVersion: alertmanager.keikoproj.io/v1alpha1
                kind: WavefrontAlert
                metadata:
                  name: disk
                  namespace: payments
                spec:
                  alertType: CLASSIC
                  alertName: disk full
                  condition: ts(disk.used) > 90
                  displayExpression: ts(disk.used)
                  severity: warn
                  minutes: 5
                  resolveAfterMinutes: 10
                  alertCheckFrequency: 3000000000
                """)
            .compile();

    WavefrontRequest request = alert(compilation, "payments/disk").wavefrontRequest(NOW, CLUSTER);

    assertThat(request.valid()).isFalse();
    assertThat(request.errors())
        .containsExactly(
            "spec.alertCheckFrequency: Numeric value (3000000000) out of range of int"
                + " (-2147483648 - 2147483647)");
  }
}
