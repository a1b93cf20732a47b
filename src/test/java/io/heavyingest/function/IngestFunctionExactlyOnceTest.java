package io.heavyingest.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.S3ObjectStore;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.delivery.DeliveryConfig;
import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.Fixtures;
import io.heavyingest.testsupport.FunctionTestResource;
import io.heavyingest.testsupport.Lambda;
import io.heavyingest.testsupport.WarehouseFaults;
import io.heavyingest.testsupport.WarehouseProbe;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.warehouse.Warehouse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static io.heavyingest.testsupport.BucketEnv.UNVERSIONED_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once: duplicates in sequence and at the same time, new versions, and real faults in the middle of a
 * load (a TCP connection cut in the object stream, a warehouse append failing) followed by the retry.
 */
@QuarkusTest
@WithTestResource(FunctionTestResource.class)
class IngestFunctionExactlyOnceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    BucketEnv env;

    @Inject
    Warehouse warehouse;

    @Inject
    WarehouseFaults faults;

    @Inject
    IngestFunction function;

    @Inject
    Settings settings;

    @Inject
    BucketConfig bucketConfig;

    @Inject
    DeliveryConfig deliveryConfig;

    @Inject
    S3Client functionS3;

    @AfterEach
    void healFaults() {
        faults.reset();
    }

    private WarehouseProbe probe() {
        return new WarehouseProbe(warehouse);
    }

    private static String etag(PutObjectResponse put) {
        return put.eTag().replace("\"", "");
    }

    private String putSample(String key) {
        byte[] sample = Fixtures.sample();
        PutObjectResponse put = env.put(BUCKET, key, sample);
        return Events.s3Put(BUCKET, key, sample.length, etag(put), put.versionId());
    }

    private static JsonPath ok(String event) {
        return Lambda.invoke(event).then().statusCode(200).extract().jsonPath();
    }

    private long manifestVersions(String datasetId) {
        return env.s3().listObjectVersions(b -> b.bucket(BUCKET).prefix("manifests/" + datasetId + ".json"))
                .versions().size();
    }

    @Test
    void duplicateEvent_deliveredTwiceInSequence_shouldLoadOnceAndRecordTheDuplicate() {
        String event = putSample("incoming/dup/sensex.csv");

        JsonPath first = ok(event);
        JsonPath second = ok(event);

        String id = first.getString("outcomes[0].datasetId");
        assertThat(first.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(second.getString("outcomes[0].status")).isEqualTo("DUPLICATE");
        assertThat(second.getString("outcomes[0].datasetId")).isEqualTo(id);
        assertThat(probe().statuses(id)).containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
        assertThat(probe().tablesOf(id)).containsExactly("strategy_pnl_" + id);
        assertThat(probe().count("strategy_pnl_" + id)).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(manifestVersions(id)).isEqualTo(1);
    }

    @Test
    void sameEvent_twoDeliveriesAtTheSameTime_shouldLoadOnceAndRecordOneDuplicate() throws Exception {
        JsonNode event = MAPPER.readTree(putSample("incoming/concurrent/sensex.csv"));
        faults.slowAppends(150);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<IngestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return function.handleRequest(event, null);
                }));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<IngestResponse> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS).outcomes().get(0).status());
            }
            String id = calls.get(0).get().outcomes().get(0).datasetId();

            assertThat(statuses).containsExactlyInAnyOrder("LOADED", "DUPLICATE");
            assertThat(probe().statuses(id)).containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
            assertThat(probe().count("strategy_pnl_" + id)).isEqualTo(Fixtures.SAMPLE_ROWS);
            assertThat(manifestVersions(id)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameEvent_twoFunctionInstancesAtTheSameTime_shouldCoordinateThroughTheWarehouseClaim() throws Exception {
        JsonNode event = MAPPER.readTree(putSample("incoming/instances/sensex.csv"));
        // a second function instance: its own service and in-process locks, sharing only the warehouse and bucket
        EventDispatcher otherInstance = new EventDispatcher(Components.on(settings, warehouse)
                .delivery(new S3ObjectStore(functionS3), null));
        faults.slowAppends(150);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<IngestResponse> a = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return function.handleRequest(event, null);
            });
            Future<IngestResponse> b = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return otherInstance.dispatch(event, io.heavyingest.delivery.Deadline.after(java.time.Duration.ofMinutes(1)));
            });
            String statusA = a.get(60, TimeUnit.SECONDS).outcomes().get(0).status();
            String statusB = b.get(60, TimeUnit.SECONDS).outcomes().get(0).status();
            String id = a.get().outcomes().get(0).datasetId();

            assertThat(List.of(statusA, statusB)).containsExactlyInAnyOrder("LOADED", "DUPLICATE");
            assertThat(probe().statuses(id)).containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
            assertThat(probe().count("strategy_pnl_" + id)).isEqualTo(Fixtures.SAMPLE_ROWS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameKey_reuploadedAsNewVersion_shouldLoadAgainAsANewDataset() {
        String key = "incoming/versions/daily.csv";
        byte[] v1 = Fixtures.tiny(3, "v1");
        byte[] v2 = Fixtures.tiny(5, "v2");
        PutObjectResponse put1 = env.put(BUCKET, key, v1);
        JsonPath first = ok(Events.s3Put(BUCKET, key, v1.length, etag(put1), put1.versionId()));
        PutObjectResponse put2 = env.put(BUCKET, key, v2);
        JsonPath second = ok(Events.s3Put(BUCKET, key, v2.length, etag(put2), put2.versionId()));
        JsonPath firstAgain = ok(Events.s3Put(BUCKET, key, v1.length, etag(put1), put1.versionId()));

        String id1 = first.getString("outcomes[0].datasetId");
        String id2 = second.getString("outcomes[0].datasetId");
        assertThat(put2.versionId()).isNotEqualTo(put1.versionId());
        assertThat(id2).isNotEqualTo(id1);
        assertThat(second.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(firstAgain.getString("outcomes[0].status")).isEqualTo("DUPLICATE");
        assertThat(probe().statuses(id1)).containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
        assertThat(probe().statuses(id2)).containsExactly(LoadStatus.LOADED);
        assertThat(probe().count("strategy_pnl_" + id1)).isEqualTo(9);
        assertThat(probe().count("strategy_pnl_" + id2)).isEqualTo(15);
        assertThat(warehouse.currentDatasetId()).contains(id2);
    }

    @Test
    void unversionedBucket_sameContentTwiceThenNewContent_shouldUseTheETagAsIdentity() {
        String key = "incoming/plain/daily.csv";
        byte[] v1 = Fixtures.tiny(2, "plain-1");
        byte[] v2 = Fixtures.tiny(4, "plain-2");
        PutObjectResponse put1 = env.put(UNVERSIONED_BUCKET, key, v1);
        String event1 = Events.s3Put(UNVERSIONED_BUCKET, key, v1.length, etag(put1), null);
        JsonPath first = ok(event1);
        JsonPath again = ok(event1);
        PutObjectResponse put2 = env.put(UNVERSIONED_BUCKET, key, v2);
        JsonPath second = ok(Events.s3Put(UNVERSIONED_BUCKET, key, v2.length, etag(put2), null));

        String id1 = first.getString("outcomes[0].datasetId");
        String id2 = second.getString("outcomes[0].datasetId");
        assertThat(first.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(again.getString("outcomes[0].status")).isEqualTo("DUPLICATE");
        assertThat(second.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(id2).isNotEqualTo(id1);
        assertThat(probe().count("strategy_pnl_" + id1)).isEqualTo(6);
        assertThat(probe().count("strategy_pnl_" + id2)).isEqualTo(12);
    }

    @Test
    void unversionedBucket_eventForContentThatWasOverwritten_shouldBeIgnoredNotLoadedWithTheNewContent() {
        String key = "incoming/plain/overwritten.csv";
        byte[] old = Fixtures.tiny(2, "old");
        PutObjectResponse putOld = env.put(UNVERSIONED_BUCKET, key, old);
        env.put(UNVERSIONED_BUCKET, key, Fixtures.tiny(3, "new"));
        int before = warehouse.history().size();

        JsonPath stale = ok(Events.s3Put(UNVERSIONED_BUCKET, key, old.length, etag(putOld), null));

        assertThat(stale.getString("outcomes[0].status")).isEqualTo("IGNORED");
        assertThat(stale.getString("outcomes[0].reason")).contains("overwritten");
        assertThat(warehouse.history()).hasSize(before);
    }

    @Test
    void connectionCutInTheMiddleOfTheObjectStream_thenRetry_shouldFailFirstLeaveNothingVisibleAndLoadOnRetry() {
        String event = putSample("incoming/cut/sensex.csv");
        String current = warehouse.currentDatasetId().orElse(null);
        int cutsBefore = env.proxy().cuts();
        env.proxy().cutAfter(200_000);

        String failure = Lambda.invoke(event).then().statusCode(500).extract().asString();

        assertThat(env.proxy().cuts()).isEqualTo(cutsBefore + 1);
        assertThat(failure).contains("incoming/cut/sensex.csv");
        String id = warehouse.history().get(warehouse.history().size() - 1).datasetId();
        assertThat(probe().statuses(id)).containsExactly(LoadStatus.FAILED);
        assertThat(probe().tablesOf(id)).isEmpty();
        assertThat(warehouse.currentDatasetId().orElse(null)).isEqualTo(current);
        assertThat(env.text(BUCKET, "manifests/" + id + ".json")).isNull();

        JsonPath retry = ok(event);

        assertThat(retry.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(retry.getString("outcomes[0].datasetId")).isEqualTo(id);
        assertThat(probe().statuses(id)).containsExactly(LoadStatus.FAILED, LoadStatus.LOADED);
        assertThat(probe().tablesOf(id)).containsExactly("strategy_pnl_" + id);
        assertThat(probe().count("strategy_pnl_" + id)).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(env.text(BUCKET, "manifests/" + id + ".json")).isNotNull();
    }

    @Test
    void warehouseFailingInTheMiddleOfTheLoad_thenRetry_shouldFailFirstLeaveNothingVisibleAndLoadOnRetry() {
        String event = putSample("incoming/warehouse-fault/sensex.csv");
        String current = warehouse.currentDatasetId().orElse(null);
        faults.failAppend(3);

        String failure = Lambda.invoke(event).then().statusCode(500).extract().asString();

        assertThat(failure).contains("injected failure");
        String id = warehouse.history().get(warehouse.history().size() - 1).datasetId();
        assertThat(probe().statuses(id)).containsExactly(LoadStatus.FAILED);
        assertThat(probe().history(id).get(0).error()).contains("injected failure");
        assertThat(probe().tablesOf(id)).isEmpty();
        assertThat(warehouse.currentDatasetId().orElse(null)).isEqualTo(current);

        JsonPath retry = ok(event);

        assertThat(retry.getString("outcomes[0].status")).isEqualTo("LOADED");
        assertThat(probe().statuses(id)).containsExactly(LoadStatus.FAILED, LoadStatus.LOADED);
        assertThat(probe().count("strategy_pnl_" + id)).isEqualTo(Fixtures.SAMPLE_ROWS);
        assertThat(warehouse.currentDatasetId()).contains(id);
    }
}
