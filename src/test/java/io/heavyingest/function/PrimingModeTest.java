package io.heavyingest.function;

import io.heavyingest.function.FunctionConfig.Priming.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrimingModeTest {

    @Test
    void auto_snapStartOrProvisionedInitialization_shouldPrime() {
        assertThat(FunctionPriming.shouldPrime(Mode.AUTO, "snap-start")).isTrue();
        assertThat(FunctionPriming.shouldPrime(Mode.AUTO, "provisioned-concurrency")).isTrue();
    }

    @Test
    void auto_onDemandOrOutsideLambda_shouldNotPrime() {
        assertThat(FunctionPriming.shouldPrime(Mode.AUTO, "on-demand")).isFalse();
        assertThat(FunctionPriming.shouldPrime(Mode.AUTO, null)).isFalse();
    }

    @Test
    void alwaysAndNever_anyInitialization_shouldDecideAlone() {
        assertThat(FunctionPriming.shouldPrime(Mode.ALWAYS, "on-demand")).isTrue();
        assertThat(FunctionPriming.shouldPrime(Mode.ALWAYS, null)).isTrue();
        assertThat(FunctionPriming.shouldPrime(Mode.NEVER, "snap-start")).isFalse();
    }
}
