package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.fault.Fault;
import org.junit.jupiter.api.Test;

/** Fault's fields, set through the fluent methods and through the spec form. */
class FaultTest {
  static final String FULL_SPEC =
      "status=503,method=PUT,path=/api/v2/alert/*,count=2,probability=0.25,seed=7,"
          + "retryAfter=5,message=try later,after";

  @Test
  void eachFluentMethodSetsItsFieldAndKeepsTheOthers() {
    Fault f =
        Fault.status(503)
            .probability(0.25, 7)
            .retryAfter("5")
            .message("try later")
            .on("put", "/api/v2/alert/*")
            .times(2)
            .afterProcessing();

    assertThat(f.kind()).isEqualTo(Fault.Kind.STATUS);
    assertThat(f.status()).isEqualTo(503);
    assertThat(f.probability()).isEqualTo(0.25);
    assertThat(f.seed()).isEqualTo(7);
    assertThat(f.retryAfter()).isEqualTo("5");
    assertThat(f.message()).isEqualTo("try later");
    assertThat(f.method()).isEqualTo("PUT");
    assertThat(f.path()).isEqualTo("/api/v2/alert/*");
    assertThat(f.times()).isEqualTo(2);
    assertThat(f.isAfterProcessing()).isTrue();
    assertThat(f.latencyMillis()).isZero();
    assertThat(f.spec()).isEqualTo(FULL_SPEC);
  }

  @Test
  void aFluentMethodLeavesTheFaultItWasCalledOnAsItWas() {
    Fault base = Fault.drop().on("POST", "/api/v2/alert");

    Fault changed = base.once().probability(0.5, 3).afterProcessing();

    assertThat(base.spec()).isEqualTo("drop,method=POST,path=/api/v2/alert");
    assertThat(changed.spec())
        .isEqualTo("drop,method=POST,path=/api/v2/alert,count=1,probability=0.5,seed=3,after");
  }

  @Test
  void everySpecItemSurvivesParsingAndPrinting() {
    Fault parsed = Fault.parse(FULL_SPEC);

    assertThat(parsed.spec()).isEqualTo(FULL_SPEC);
    assertThat(parsed.seed()).isEqualTo(7);
    assertThat(parsed.message()).isEqualTo("try later");
    assertThat(Fault.parse("latency=250ms,path=/api/**").spec())
        .isEqualTo("latency=250,path=/api/**");
  }
}
