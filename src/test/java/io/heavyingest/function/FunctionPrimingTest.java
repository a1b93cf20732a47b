package io.heavyingest.function;

import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Fixtures;
import io.heavyingest.testsupport.FunctionTestResource;
import io.heavyingest.testsupport.Lambda;
import io.heavyingest.warehouse.Warehouse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/** The function primes itself at start-up, writes nothing while doing so, and then loads as before. */
@QuarkusTest
@TestProfile(FunctionPrimingTest.PrimingOn.class)
@WithTestResource(FunctionTestResource.class)
class FunctionPrimingTest {

    public static final class PrimingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("heavy-ingest.function.priming.mode", "always",
                    "heavy-ingest.function.priming.strategies", "300",
                    "heavy-ingest.bucket.output-bucket", BUCKET);
        }
    }

    BucketEnv env;

    @Inject
    FunctionPriming priming;

    @Inject
    Warehouse warehouse;

    @Test
    void startUp_withPrimingOn_shouldRunEveryStepWriteNothingAndThenLoad() {
        // every step ran at start-up without failing (-1 marks a failed step)
        assertThat(priming.lastSteps()).containsOnlyKeys("json", "s3", "warehouse", "load-path");
        assertThat(priming.lastSteps().values()).allSatisfy(ms -> assertThat(ms).isNotNegative());
        // and left no trace: no history row, no current dataset, no object in the bucket
        assertThat(warehouse.history()).isEmpty();
        assertThat(warehouse.currentDatasetId()).isEmpty();
        assertThat(env.s3().listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();

        JsonPath out = Lambda.putAndInvoke(env, BUCKET, "incoming/after-priming.csv", Fixtures.sample());

        assertThat(out.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(out.getLong("outcomes[0].rows")).isEqualTo(Fixtures.SAMPLE_ROWS);
    }

    @Test
    void prime_whenS3IsUnreachable_shouldSkipThatStepAndStillPrimeTheRest() {
        env.proxy().refuseConnections(true);
        try {
            Map<String, Long> steps = priming.prime();

            assertThat(steps.get("s3")).isEqualTo(-1L);
            assertThat(steps.get("load-path")).isNotNegative();
            assertThat(steps.get("warehouse")).isNotNegative();
        } finally {
            env.proxy().refuseConnections(false);
        }
    }
}
