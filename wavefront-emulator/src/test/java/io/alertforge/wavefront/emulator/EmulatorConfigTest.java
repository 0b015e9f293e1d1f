package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.auth.Permission;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorConfigTest {
  static final String SECRET = "config-secret-91c2";

  @Test
  void itsStringNeverShowsAToken() {
    EmulatorConfig config =
        new EmulatorConfig(
            0,
            1,
            1,
            1,
            10,
            Clock.systemUTC(),
            List.of(new EmulatorConfig.TokenSpec(SECRET, "sa::x", Permission.full())),
            List.of(),
            List.of(),
            0,
            0,
            false);

    assertThat(config.toString()).doesNotContain(SECRET).contains("sa::x");
  }
}
