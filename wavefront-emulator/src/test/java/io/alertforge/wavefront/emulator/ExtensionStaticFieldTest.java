package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A static extension field: one emulator for the class, reset to the configured state before each
 * test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionStaticFieldTest {
  static int port;

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.configure(
          b ->
              b.token("ext-token")
                  .fault(Fault.unavailable().on("GET", "/api/v2/alert/summary").once()));

  @Test
  @Order(1)
  void firstTestLeavesStateBehind(WavefrontEmulator injected) {
    assertThat(injected).isSameAs(wavefront.emulator());
    assertThat(wavefront.baseUri().toString()).startsWith("http://127.0.0.1:");
    port = wavefront.port();
    Api api = new Api(wavefront.baseUri(), "ext-token");
    api.create(Api.alert("left behind"));
    assertThat(api.get("/api/v2/alert/summary").status())
        .isEqualTo(503); // the configured fault, used up
    assertThat(api.get("/api/v2/alert/summary").status()).isEqualTo(200);
    wavefront.faults().add(Fault.unavailable());
    wavefront.faults().searchLagRequests(3);
    wavefront.tokens().revoke("ext-token");
  }

  @Test
  @Order(2)
  void secondTestStartsFromTheConfiguredState() {
    assertThat(wavefront.port()).isEqualTo(port);
    assertThat(wavefront.store().size()).isZero();
    assertThat(wavefront.requests().size()).isZero();
    assertThat(wavefront.faults().searchLag().enabled()).isFalse();
    assertThat(wavefront.faults().active()).hasSize(1);
    Api api = new Api(wavefront.baseUri(), "ext-token");
    assertThat(api.get("/api/v2/alert/summary").status()).isEqualTo(503); // a fresh count again
    Api.Resp summary = api.get("/api/v2/alert/summary");
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.response().path("CHECKING").asInt()).isZero();
    assertThat(api.get("/api/v2/alert").response().path("totalItems").asInt()).isZero();
  }
}
