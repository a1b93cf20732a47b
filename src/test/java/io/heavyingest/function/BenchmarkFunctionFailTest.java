package io.heavyingest.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavyingest.json.Json;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.Fixtures;
import io.heavyingest.testsupport.FunctionTestResource;
import io.heavyingest.testsupport.Lambda;
import io.heavyingest.testsupport.ReportSchema;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.nio.charset.StandardCharsets;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/** One target configured impossibly low: the report fails naming exactly that item, and is still valid. */
@QuarkusTest
@TestProfile(BenchmarkTestProfiles.ImpossibleOptimizationTarget.class)
@WithTestResource(FunctionTestResource.class)
class BenchmarkFunctionFailTest {

    BucketEnv env;

    @Inject
    @Named("ingest")
    IngestFunction ingest;

    @Test
    void manifestEvent_optimizationTargetOneMillisecond_shouldFailNamingOptimization() {
        byte[] sample = Fixtures.sample();
        PutObjectResponse put = env.put(BUCKET, "incoming/fail/sensex.csv", sample);
        String event = Events.s3Put(BUCKET, "incoming/fail/sensex.csv", sample.length, put.eTag().replace("\"", ""),
                put.versionId());
        String id = ingest.handleRequest(Json.read(event.getBytes(StandardCharsets.UTF_8), JsonNode.class), null)
                .outcomes().get(0).datasetId();
        String manifestKey = "manifests/" + id + ".json";

        JsonPath out = Lambda.invoke(Events.s3Put(BUCKET, manifestKey, 100, "etag", "v1"))
                .then().statusCode(200).extract().jsonPath();

        assertThat(out.getString("outcomes[0].verdict")).isEqualTo("FAIL");
        assertThat(out.getList("outcomes[0].failing")).containsExactly("optimization");
        String json = env.text(BUCKET, out.getString("outcomes[0].report"));
        assertThat(ReportSchema.validate(json)).isEmpty();
        JsonPath r = new JsonPath(json);
        assertThat(r.getString("verdict")).isEqualTo("FAIL");
        assertThat(r.getList("failing")).containsExactly("optimization");
        assertThat(r.getBoolean("benchmarks.find { it.name == 'optimization' }.pass")).isFalse();
        assertThat(r.getDouble("benchmarks.find { it.name == 'optimization' }.target.value")).isEqualTo(0.001);
    }
}
