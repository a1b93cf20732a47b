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

import java.util.List;
import java.util.Map;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code priming.mode=background} (what AUTO does on an on-demand cold start) the function opens its S3 client
 * and warehouse on background threads at start-up, writes nothing, and loads as before.
 */
@QuarkusTest
@TestProfile(BackgroundOpeningTest.Background.class)
@WithTestResource(FunctionTestResource.class)
class BackgroundOpeningTest {

    public static final class Background implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("heavy-ingest.function.priming.mode", "background",
                    "heavy-ingest.bucket.output-bucket", BUCKET);
        }
    }

    BucketEnv env;

    @Inject
    FunctionPriming priming;

    @Inject
    Warehouse warehouse;

    @Test
    void startUp_inBackgroundMode_shouldOpenS3AndTheWarehouseWriteNothingAndThenLoad() throws InterruptedException {
        for (int i = 0; i < 300 && priming.lastSteps().size() < 2; i++) {
            Thread.sleep(100);
        }
        assertThat(priming.lastSteps()).containsOnlyKeys("s3", "warehouse");
        assertThat(priming.lastSteps().values()).allSatisfy(ms -> assertThat(ms).isNotNegative());
        assertThat(warehouse.history()).isEmpty();
        assertThat(env.s3().listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();

        JsonPath out = Lambda.putAndInvoke(env, BUCKET, "incoming/after-opening.csv", Fixtures.sample());

        assertThat(out.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(out.getLong("outcomes[0].rows")).isEqualTo(Fixtures.SAMPLE_ROWS);
    }

    @Test
    void openInBackground_whenS3IsUnreachable_shouldFailThatStepAndStillOpenTheWarehouse() throws InterruptedException {
        env.proxy().refuseConnections(true);
        try {
            List<Thread> threads = priming.openInBackground();
            for (Thread t : threads) {
                t.join(30_000);
                assertThat(t.isAlive()).isFalse();
            }
            assertThat(priming.lastSteps().get("s3")).isEqualTo(-1L);
            assertThat(priming.lastSteps().get("warehouse")).isNotNegative();
        } finally {
            env.proxy().refuseConnections(false);
        }
    }
}
