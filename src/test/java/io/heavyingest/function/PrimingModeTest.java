package io.heavyingest.function;

import io.heavyingest.function.FunctionConfig.Priming.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrimingModeTest {

    @Test
    void auto_snapStartOrProvisionedInitialization_shouldPrimeInTheInitPhase() {
        assertThat(FunctionPriming.decide(Mode.AUTO, "snap-start")).isEqualTo(Mode.ALWAYS);
        assertThat(FunctionPriming.decide(Mode.AUTO, "provisioned-concurrency")).isEqualTo(Mode.ALWAYS);
    }

    @Test
    void auto_onDemandInitialization_shouldOpenInTheBackground() {
        assertThat(FunctionPriming.decide(Mode.AUTO, "on-demand")).isEqualTo(Mode.BACKGROUND);
    }

    @Test
    void auto_outsideLambda_shouldNotPrime() {
        assertThat(FunctionPriming.decide(Mode.AUTO, null)).isEqualTo(Mode.NEVER);
    }

    @Test
    void explicitModes_anyInitialization_shouldDecideAlone() {
        assertThat(FunctionPriming.decide(Mode.ALWAYS, "on-demand")).isEqualTo(Mode.ALWAYS);
        assertThat(FunctionPriming.decide(Mode.ALWAYS, null)).isEqualTo(Mode.ALWAYS);
        assertThat(FunctionPriming.decide(Mode.BACKGROUND, "snap-start")).isEqualTo(Mode.BACKGROUND);
        assertThat(FunctionPriming.decide(Mode.NEVER, "snap-start")).isEqualTo(Mode.NEVER);
    }
}
