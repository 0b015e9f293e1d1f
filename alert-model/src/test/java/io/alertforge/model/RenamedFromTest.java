package io.alertforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamedFromTest {

  private static RenamedFrom of(String value) {
    return RenamedFrom.of("ledger-v2", Map.of(Annotations.RENAMED_FROM, value));
  }

  @Test
  void aNameInTheSameNamespaceIsHonouredTrimmed() {
    assertThat(of(" ledger \n")).isEqualTo(new RenamedFrom("ledger", null));
    assertThat(of("payments-api.pod-cpu-high").oldName()).isEqualTo("payments-api.pod-cpu-high");
  }

  @Test
  void noAnnotationIsNoRename() {
    assertThat(RenamedFrom.of("ledger-v2", Map.of())).isNull();
    assertThat(RenamedFrom.of("ledger-v2", null)).isNull();
  }

  @Test
  void anotherNamespaceOrAnythingButANameIsRefused() {
    for (String value :
        new String[] {"team-b/ledger", "team-b:ledger", "Ledger", "", "-ledger", "a..b", "x_y"}) {
      RenamedFrom refused = of(value);
      assertThat(refused.valid()).as(value).isFalse();
      assertThat(refused.oldName()).isNull();
      assertThat(refused.problem())
          .startsWith("alertforge.io/renamed-from must be the previous metadata.name of this alert")
          .contains("cannot move an alert to another namespace")
          .endsWith("not '" + value.trim() + "'");
    }
    assertThat(of("a".repeat(254)).valid()).isFalse();
    assertThat(of("a".repeat(253)).valid()).isTrue();
  }

  @Test
  void itsOwnNameIsRefused() {
    assertThat(of("ledger-v2").problem())
        .isEqualTo("alertforge.io/renamed-from names this alert itself ('ledger-v2')");
  }
}
