package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance extension field: a new emulator around each test, stopped afterwards. */
class ExtensionInstanceFieldTest {
  static WavefrontEmulator previous;

  @RegisterExtension
  final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken("instance-token");

  @Test
  void one() {
    check();
  }

  @Test
  void two() {
    check();
  }

  private void check() {
    WavefrontEmulator now = wavefront.emulator();
    assertThat(now.isRunning()).isTrue();
    if (previous != null) {
      assertThat(previous).isNotSameAs(now);
      assertThat(previous.isRunning()).isFalse();
    }
    previous = now;
    Api api = new Api(wavefront.baseUri(), "instance-token");
    assertThat(api.get("/api/v2/alert").status()).isEqualTo(200);
  }

  @AfterAll
  static void stopped() {
    assertThat(previous.isRunning()).isFalse();
  }
}
