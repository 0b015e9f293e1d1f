package io.alertforge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnershipTagTest {
  private final OwnershipTag tags = new OwnershipTag("prod-eu.1");

  @Test
  void tagsAreWithinWavefrontsCharset() {
    assertThat(tags.clusterTag()).isEqualTo("alertforge-cluster:prod-eu.1");
    assertThat(tags.ownerTag("team-a", "cpu.high"))
        .isEqualTo("alertforge-owner:prod-eu.1:team-a:cpu.high");
    assertThat(tags.ownerTag("team-a", "x".repeat(253)))
        .matches("[A-Za-z0-9_:.-]{1,254}")
        .startsWith("alertforge-owner:prod-eu.1:team-a:_sha256_")
        .isNotEqualTo(tags.ownerTag("team-a", "x".repeat(252) + "y"));
  }

  @Test
  void aClusterNameOutsideTheCharsetIsRefused() {
    assertThatThrownBy(() -> new OwnershipTag("prod:eu")).hasMessageContaining("[A-Za-z0-9_.-]");
    assertThatThrownBy(() -> new OwnershipTag("prod eu"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ownershipPrefixesAreReserved() {
    assertThat(OwnershipTag.isReserved("Alertforge-Owner:x")).isTrue();
    assertThat(OwnershipTag.isReserved("alertforge-cluster:x")).isTrue();
    assertThat(OwnershipTag.isReserved("alertforge")).isFalse();
  }
}
