package io.alertforge.controller.wavefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void belowOnePerSecondAnIdleLimiterLetsOneRequestThroughAtOnce() throws Exception {
    RateLimiter limiter = new RateLimiter(0.5);
    assertThat(limiter.acquire(Duration.ZERO)).as("the first request").isTrue();
    assertThat(limiter.acquire(Duration.ZERO)).as("the next, 2 s later at the earliest").isFalse();
    assertThat(limiter.acquire(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void aSlotBeyondTheWaitAllowedIsNotTakenFromTheNextCaller() throws Exception {
    RateLimiter limiter = new RateLimiter(0.5);
    assertThat(limiter.acquire(Duration.ZERO)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire(Duration.ofMillis(100))).isFalse();
    }
    // the refused callers took nothing: the next slot is still the one 2 s after the first
    assertThat(limiter.acquire(Duration.ofMillis(2100))).isTrue();
  }
}
