package io.heavyingest.function;

import io.heavyingest.json.Json;
import io.heavyingest.bucket.Manifest;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.Fixtures;
import io.heavyingest.testsupport.FunctionTestResource;
import io.heavyingest.testsupport.Lambda;
import io.heavyingest.testsupport.WarehouseProbe;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.warehouse.Warehouse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event shape the function accepts, posted to the Lambda mock event server; objects in s3proxy. */
@QuarkusTest
@WithTestResource(FunctionTestResource.class)
class IngestFunctionEventsTest {

    BucketEnv env;

    @Inject
    Warehouse warehouse;

    private WarehouseProbe probe() {
        return new WarehouseProbe(warehouse);
    }

    private static String etag(PutObjectResponse put) {
        return put.eTag().replace("\"", "");
    }

    private JsonPath invokeOk(String event) {
        return Lambda.invoke(event).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void directS3Event_sampleUnderIncoming_shouldLoadPublishAndWriteManifest() {
        byte[] sample = Fixtures.sample();
        PutObjectResponse put = env.put(BUCKET, "incoming/direct/sensex.csv", sample);

        JsonPath out = invokeOk(Events.s3Put(BUCKET, "incoming/direct/sensex.csv", sample.length, etag(put), put.versionId()));

        assertThat(out.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(out.getLong("outcomes[0].rows")).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(out.getList("batchItemFailures")).isEmpty();
        String id = out.getString("outcomes[0].datasetId");
        assertThat(probe().statuses(id)).containsExactly(LoadStatus.LOADED);
        String table = probe().history(id).get(0).tableName();
        assertThat(probe().count(table)).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(warehouse.currentDatasetId()).contains(id);

        Manifest manifest = Json.read(env.text(BUCKET, "manifests/" + id + ".json").getBytes(StandardCharsets.UTF_8),
                Manifest.class);
        assertThat(manifest.datasetId()).isEqualTo(id);
        assertThat(manifest.object().key()).isEqualTo("incoming/direct/sensex.csv");
        assertThat(manifest.object().versionId()).isEqualTo(put.versionId());
        assertThat(manifest.rows()).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(manifest.strategies()).isEqualTo(500);
        assertThat(manifest.days()).isEqualTo(82);
        assertThat(manifest.firstDate()).isEqualTo("2024-01-04");
        assertThat(manifest.lastDate()).isEqualTo("2025-07-21");
        assertThat(manifest.table()).isEqualTo(table);
        assertThat(manifest.warehouse()).isEqualTo("duckdb");
        assertThat(manifest.timings().totalMillis()).isPositive();
    }

    @Test
    void sqsBatch_onePoisonMessage_shouldReportOnlyThatItemAndLoadTheOthers() {
        byte[] first = Fixtures.tiny(3, "sqs-1");
        byte[] second = Fixtures.tiny(4, "sqs-2");
        PutObjectResponse p1 = env.put(BUCKET, "incoming/sqs/one.csv", first);
        PutObjectResponse p2 = env.put(BUCKET, "incoming/sqs/two.csv", second);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("msg-1", Events.s3Put(BUCKET, "incoming/sqs/one.csv", first.length, etag(p1), p1.versionId()));
        bodies.put("msg-poison", "{\"Records\": [ this is not JSON");
        bodies.put("msg-2", Events.s3Put(BUCKET, "incoming/sqs/two.csv", second.length, etag(p2), p2.versionId()));

        JsonPath out = invokeOk(Events.sqs(bodies));

        assertThat(out.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-poison");
        assertThat(out.getList("outcomes.status")).containsExactly("LOADED", "LOADED");
        assertThat(out.getList("outcomes.rows", Long.class)).containsExactly(9L, 12L);
        for (String id : out.getList("outcomes.datasetId", String.class)) {
            assertThat(probe().statuses(id)).containsExactly(LoadStatus.LOADED);
        }
    }

    @Test
    void eventBridgeEvent_objectCreated_shouldLoad() {
        byte[] file = Fixtures.tiny(5, "eventbridge");
        PutObjectResponse put = env.put(BUCKET, "incoming/eb/week.csv", file);

        JsonPath out = invokeOk(Events.eventBridge(BUCKET, "incoming/eb/week.csv", file.length, etag(put), put.versionId()));

        assertThat(out.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(out.getLong("outcomes[0].rows")).isEqualTo(15L);
        String id = out.getString("outcomes[0].datasetId");
        assertThat(probe().count(probe().history(id).get(0).tableName())).isEqualTo(15L);
        assertThat(env.text(BUCKET, "manifests/" + id + ".json")).contains("\"key\" : \"incoming/eb/week.csv\"");
    }

    @Test
    void s3Event_keyWithSpacesAndNonAsciiCharacters_shouldDecodeTheKeyAndLoad() {
        String key = "incoming/Python Multi Consolidated – Zürich €+50%.csv";
        byte[] file = Fixtures.tiny(2, "unicode");
        PutObjectResponse put = env.put(BUCKET, key, file);
        String event = Events.s3Put(BUCKET, key, file.length, etag(put), put.versionId());
        assertThat(event).contains("Python+Multi+Consolidated+").contains("%E2%82%AC").contains("%2B50%25");

        JsonPath out = invokeOk(event);

        assertThat(out.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(out.getString("outcomes[0].key")).isEqualTo(key);
        String id = out.getString("outcomes[0].datasetId");
        assertThat(probe().history(id).get(0).source()).isEqualTo("s3://" + BUCKET + "/" + key);
        assertThat(probe().count(probe().history(id).get(0).tableName())).isEqualTo(6L);
    }

    @Test
    void s3Event_gzippedCsv_shouldBeGunzippedWhileStreaming() {
        byte[] gz = Fixtures.gzip(Fixtures.sample());
        PutObjectResponse put = env.put(BUCKET, "incoming/gz/sensex.csv.gz", gz);

        JsonPath out = invokeOk(Events.s3Put(BUCKET, "incoming/gz/sensex.csv.gz", gz.length, etag(put), put.versionId()));

        assertThat(out.getString("outcomes[0].status")).isEqualTo("LOADED");
        String id = out.getString("outcomes[0].datasetId");
        assertThat(probe().count(probe().history(id).get(0).tableName())).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(probe().history(id).get(0).bytes()).isEqualTo(Fixtures.sample().length);
    }

    @Test
    void events_outsideIncomingPrefixOrWithoutCsvSuffixOrNotCreations_shouldBeAcknowledgedAndIgnored() {
        int before = warehouse.history().size();
        List<String> keys = List.of("manifests/abc.json", "reports/errors/abc.json", "incoming/readme.txt",
                "incoming/data.csv.zip", "archive/incoming/old.csv", "incoming/");
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (String key : keys) {
            env.put(BUCKET, key.endsWith("/") ? key + "marker" : key, "x".getBytes(StandardCharsets.UTF_8));
            records.add(Events.s3Record("ObjectCreated:Put", BUCKET, key, 1, "e", null));
        }
        records.add(Events.s3Record("ObjectRemoved:Delete", BUCKET, "incoming/gone.csv", 0, "e", null));

        JsonPath out = invokeOk(Events.s3Notification(records));
        JsonPath test = invokeOk("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"" + BUCKET + "\"}");

        assertThat(out.getList("outcomes.status")).hasSize(keys.size() + 1).containsOnly("IGNORED");
        assertThat(out.getList("outcomes.reason", String.class)).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(test.getList("outcomes")).isEmpty();
        assertThat(warehouse.history()).hasSize(before);
    }

    @Test
    void unknownEvent_shouldFailTheInvocationWithTheReason() {
        String body = Lambda.invoke("{\"hello\":\"world\"}").then().statusCode(500).extract().asString();

        assertThat(body).contains("not an S3, SQS or EventBridge event");
    }
}
