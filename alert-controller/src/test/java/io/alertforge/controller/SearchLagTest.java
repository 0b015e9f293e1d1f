package io.alertforge.controller;

import static io.alertforge.controller.Harness.alert;
import static io.alertforge.controller.Harness.alertId;
import static io.alertforge.controller.Harness.awaitCr;
import static io.alertforge.controller.Harness.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.wavefront.emulator.fault.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An uncertain create (the answer lost after Wavefront made the alert) while Wavefront's search
 * lags its writes: the search right after it does not show the alert, and a second create would
 * make a duplicate that only the next resync (10 minutes later) removes. The controller searches
 * again with backoff instead.
 */
class SearchLagTest extends ControllerTestCase {

  @Test
  void anUncertainCreateIsSearchedForAgainUntilTheSearchShowsIt() {
    wavefront.faults().searchLag(Duration.ofSeconds(3));
    wavefront
        .faults()
        .add(Fault.unavailable().afterProcessing().on("POST", "/api/v2/alert").once());
    controller = Harness.start(client, wavefront.emulator());

    create(client, alert("cpu"));
    WavefrontAlert waiting =
        awaitCr(
            client,
            "cpu",
            a ->
                a.getStatus() != null
                    && Conditions.find(a.getStatus().getConditions(), Conditions.SYNCED)
                        .map(c -> "CreateUncertain".equals(c.getReason()))
                        .orElse(false));
    assertThat(waiting.getStatus().getErrorDescription()).contains("searching again");
    WavefrontAlert cr = awaitCr(client, "cpu", Harness::ready);

    assertThat(wavefront.store().size()).isEqualTo(1);
    assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(1);
    assertThat(wavefront.store().get(alertId(cr))).isNotNull();
  }
}
