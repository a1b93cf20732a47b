package io.heavyingest.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavyingest.bucket.Manifest;
import io.heavyingest.json.Json;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.Fixtures;
import io.heavyingest.testsupport.FunctionTestResource;
import io.heavyingest.testsupport.Lambda;
import io.heavyingest.testsupport.ReportSchema;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Warehouse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole hand-off, end to end: a CSV uploaded to the in-process S3 server, the ingest event, the manifest, then
 * the manifest's S3 event posted to the Lambda mock event server running the benchmark handler; the report and
 * its page land in the bucket.
 */
@QuarkusTest
@TestProfile(BenchmarkTestProfiles.DefaultTargets.class)
@WithTestResource(FunctionTestResource.class)
class BenchmarkFunctionTest {

    BucketEnv env;

    @Inject
    @Named("ingest")
    IngestFunction ingest;

    @Inject
    Warehouse warehouse;

    /** Uploads the sample at {@code key} and runs the ingest event for it; returns the dataset id. */
    private String ingested(String key) {
        byte[] sample = Fixtures.sample();
        PutObjectResponse put = env.put(BUCKET, key, sample);
        String event = Events.s3Put(BUCKET, key, sample.length, put.eTag().replace("\"", ""), put.versionId());
        IngestResponse out = ingest.handleRequest(Json.read(event.getBytes(StandardCharsets.UTF_8), JsonNode.class),
                null);
        assertThat(out.outcomes()).hasSize(1);
        assertThat(out.outcomes().get(0).status()).isEqualTo("LOADED");
        return out.outcomes().get(0).datasetId();
    }

    private JsonPath benchmarkManifest(String datasetId) {
        String key = "manifests/" + datasetId + ".json";
        String manifest = env.text(BUCKET, key);
        assertThat(manifest).as("manifest written by the ingest").isNotNull();
        return Lambda.invoke(Events.s3Put(BUCKET, key, manifest.length(), "etag-" + datasetId, "v1"))
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath report(String json) {
        return new JsonPath(json);
    }

    @Test
    void manifestEvent_afterIngest_shouldWriteValidPassingReportAndHtml() {
        String id = ingested("incoming/e2e/sensex.csv");

        JsonPath out = benchmarkManifest(id);

        assertThat(out.getString("outcomes[0].status")).isEqualTo("REPORTED");
        assertThat(out.getString("outcomes[0].datasetId")).isEqualTo(id);
        assertThat(out.getString("outcomes[0].verdict")).isEqualTo("PASS");
        String jsonKey = out.getString("outcomes[0].report");
        String htmlKey = out.getString("outcomes[0].html");
        assertThat(jsonKey).startsWith("reports/" + id + "/compliance-").endsWith(".json");
        assertThat(htmlKey).isEqualTo(jsonKey.replace(".json", ".html"));

        String json = env.text(BUCKET, jsonKey);
        assertThat(ReportSchema.validate(json)).isEmpty();
        assertThat(env.text(BUCKET, "reports/latest.json")).isEqualTo(json);
        JsonPath r = report(json);
        assertThat(r.getString("verdict")).isEqualTo("PASS");
        assertThat(r.getList("failing")).isEmpty();
        assertThat(r.getString("dataset.datasetId")).isEqualTo(id);
        assertThat(r.getLong("dataset.rows")).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(r.getString("environment.engine")).isEqualTo("duckdb");
        assertThat(r.getList("benchmarks.name")).containsExactly("load-time", "memory", "correlation-top-1000",
                "correlation-sql", "optimization", "date-range-query", "strategy-lookup", "function-memory");
        assertThat(r.getList("schema.key")).hasSize(5);

        // the plan is the one recorded with the load, not a recomputation
        LoadRecord load = warehouse.publishedLoad(id).orElseThrow();
        assertThat(load.plan()).isNotNull();
        assertThat(r.getInt("plan.dictionaryBits")).isEqualTo(load.plan().dictionaryBits());
        assertThat(r.getLong("plan.fragmentRows")).isEqualTo(load.plan().fragmentRows());
        assertThat(r.getList("plan.reasons")).isEqualTo(load.plan().reasons());

        ResponseBytes<GetObjectResponse> html = env.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(htmlKey));
        assertThat(html.response().contentType()).startsWith("text/html");
        assertThat(html.asUtf8String()).contains("id=\"targets-chart\"", "id=\"correlation-heatmap\"",
                "id=\"equity-curve\"", "id=\"schema-table\"").doesNotContain("http://", "https://");
        assertThat(env.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(jsonKey)).response().contentType())
                .startsWith("application/json");
        assertThat(env.text(BUCKET, "reports/latest.html")).isEqualTo(html.asUtf8String());
    }

    @Test
    void manifestEvent_queriesAndCorrelation_shouldMatchTheDataset() {
        String id = ingested("incoming/e2e/queries.csv");

        JsonPath r = report(env.text(BUCKET, benchmarkManifest(id).getString("outcomes[0].report")));

        // the sample has one date a week and 500 strategies over 82 days
        assertThat(r.getList("benchmarks.find { it.name == 'date-range-query' }.checks.actual"))
                .containsExactly("500");
        assertThat(r.getList("benchmarks.find { it.name == 'strategy-lookup' }.checks.actual"))
                .containsExactly("82");
        assertThat(r.getString("benchmarks.find { it.name == 'date-range-query' }.sql"))
                .contains("BETWEEN DATE '2024-01-04' AND DATE '2024-01-10'");
        // all 500 strategies are the "top 1000": 124,750 pairs, function and SQL agreeing
        assertThat(r.getList("benchmarks.find { it.name == 'correlation-top-1000' }.checks.pass"))
                .containsOnly(true).hasSize(3);
        assertThat(r.getList("benchmarks.find { it.name == 'correlation-sql' }.checks.actual").get(0))
                .isEqualTo("124750");
        assertThat(r.getList("benchmarks.find { it.name == 'correlation-sql' }.checks.pass"))
                .containsOnly(true).hasSize(3);
        assertThat(r.getLong("benchmarks.find { it.name == 'correlation-top-1000' }.details.pairs"))
                .isEqualTo(124_750L);
    }

    @Test
    void manifestOfOlderDataset_afterNewerLoad_shouldBenchmarkTheOlderDataset() {
        String older = ingested("incoming/e2e/older.csv");
        String newer = ingested("incoming/e2e/newer.csv");
        assertThat(warehouse.currentDatasetId()).contains(newer);

        JsonPath out = benchmarkManifest(older);

        assertThat(out.getString("outcomes[0].datasetId")).isEqualTo(older);
        JsonPath r = report(env.text(BUCKET, out.getString("outcomes[0].report")));
        assertThat(r.getString("dataset.datasetId")).isEqualTo(older);
        assertThat(r.getString("dataset.source.key")).isEqualTo("incoming/e2e/older.csv");
        assertThat(r.getString("dataset.table")).endsWith(older);
    }

    @Test
    void manifestOfDroppedDataset_shouldAnswerMissingWithoutRetry() {
        String id = ingested("incoming/e2e/dropped.csv");
        String table = warehouse.publishedLoad(id).orElseThrow().tableName();
        warehouse.query("DROP VIEW IF EXISTS strategy_pnl");
        warehouse.query("DROP TABLE " + table);

        JsonPath out = benchmarkManifest(id);

        assertThat(out.getString("outcomes[0].status")).isEqualTo("MISSING");
        assertThat(out.getString("outcomes[0].reason")).contains(table).contains("no longer exists");
    }

    @Test
    void objectsOutsideManifests_shouldBeIgnored() {
        JsonPath out = Lambda.invoke(Events.s3Put(BUCKET, "reports/latest.json", 10, "e", "v"))
                .then().statusCode(200).extract().jsonPath();

        assertThat(out.getString("outcomes[0].status")).isEqualTo("IGNORED");
        assertThat(out.getString("outcomes[0].reason")).contains("manifests/");
    }

    @Test
    void directInvocation_datasetId_shouldBenchmarkThatDataset() {
        String id = ingested("incoming/e2e/direct.csv");

        JsonPath out = Lambda.invoke("{\"datasetId\": \"" + id + "\", \"bucket\": \"" + BUCKET + "\"}")
                .then().statusCode(200).extract().jsonPath();

        assertThat(out.getString("outcomes[0].status")).isEqualTo("REPORTED");
        assertThat(out.getString("outcomes[0].datasetId")).isEqualTo(id);
        Manifest manifest = Json.read(env.text(BUCKET, "manifests/" + id + ".json").getBytes(StandardCharsets.UTF_8),
                Manifest.class);
        assertThat(manifest.plan()).isNotNull();
        assertThat(manifest.timings().totalMillis()).isEqualTo(warehouse.publishedLoad(id).orElseThrow().totalMillis());
        assertThat(List.of(out.getString("outcomes[0].verdict"))).containsAnyOf("PASS", "FAIL");
    }
}
