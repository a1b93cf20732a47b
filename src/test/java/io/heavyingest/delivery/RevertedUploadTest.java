package io.heavyingest.delivery;

import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.bucket.S3ObjectStore;
import io.heavyingest.ingest.DatasetIds;
import io.heavyingest.testsupport.InProcessS3;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unversioned bucket (the in-process S3 server) where one key goes A, then B, then A again, delivered to the
 * embedded warehouse: what the bucket holds must end up current, and repeated events of one upload stay duplicates.
 */
class RevertedUploadTest {
    private static final String BUCKET = "plain-bucket";
    private static final String KEY = "incoming/pnl.csv";
    private static final String A = "Date,Day,a,b\n2024-01-04,Thursday,1.5,-2\n2024-01-11,Thursday,0.25,3\n";
    private static final String B = "Date,Day,a,b\n2024-01-04,Thursday,9.5,-2\n2024-01-11,Thursday,0.25,3\n";

    @TempDir
    Path dir;

    @Test
    void deliver_revertedUploadInUnversionedBucket_shouldMakeTheRevertedContentCurrentAgain() throws Exception {
        try (InProcessS3 server = InProcessS3.inMemory(); S3Client s3 = s3Client(server);
             Components components = Components.open(settings())) {
            s3.createBucket(c -> c.bucket(BUCKET));
            ObjectIngestService service = components.delivery(new S3ObjectStore(s3), null);

            ObjectRef third = loadAThenBThenUploadAAgain(service, s3);

            assertThat(deliver(service, third)).isEqualTo("REPUBLISHED");

            String idOfA = DatasetIds.of(third.identity("s3"));
            assertThat(components.warehouse().currentDatasetId()).contains(idOfA);
            PnlMatrix current = components.warehouse().currentMatrix().orElseThrow();
            assertThat(current.datasetId()).isEqualTo(idOfA);
            assertThat(current.values()).containsExactly(1.5, 0.25, -2.0, 3.0);
            assertThat(components.warehouse().history()).extracting(LoadRecord::status).containsExactly(
                    LoadStatus.LOADED, LoadStatus.LOADED, LoadStatus.REPUBLISHED);
            assertThat(components.warehouse().history().get(2)).satisfies(r -> {
                assertThat(r.datasetId()).isEqualTo(idOfA);
                assertThat(r.tableName()).isEqualTo("strategy_pnl_" + idOfA);
                assertThat(r.rows()).isEqualTo(4);
                assertThat(r.parseMillis()).as("nothing read").isZero();
            });
        }
    }

    @Test
    void deliver_sameEventTwiceAfterARevert_shouldStayDuplicateAndKeepTheRevertCurrent() throws Exception {
        try (InProcessS3 server = InProcessS3.inMemory(); S3Client s3 = s3Client(server);
             Components components = Components.open(settings())) {
            s3.createBucket(c -> c.bucket(BUCKET));
            ObjectIngestService service = components.delivery(new S3ObjectStore(s3), null);
            ObjectRef a = loadAThenBThenUploadAAgain(service, s3);
            assertThat(deliver(service, a)).isEqualTo("REPUBLISHED");

            // the revert's event delivered again: the object was written before that republish began
            assertThat(deliver(service, a)).isEqualTo("DUPLICATE");
            assertThat(deliver(service, a)).isEqualTo("DUPLICATE");

            assertThat(components.warehouse().currentDatasetId()).contains(DatasetIds.of(a.identity("s3")));
            assertThat(components.warehouse().history()).extracting(LoadRecord::status).containsExactly(
                    LoadStatus.LOADED, LoadStatus.LOADED, LoadStatus.REPUBLISHED, LoadStatus.DUPLICATE,
                    LoadStatus.DUPLICATE);
        }
    }

    @Test
    void deliver_lateEventOfAnUploadOverwrittenSince_shouldStayDuplicateAndKeepTheBucketsContentCurrent()
            throws Exception {
        try (InProcessS3 server = InProcessS3.inMemory(); S3Client s3 = s3Client(server);
             Components components = Components.open(settings())) {
            s3.createBucket(c -> c.bucket(BUCKET));
            ObjectIngestService service = components.delivery(new S3ObjectStore(s3), null);
            ObjectRef a = upload(s3, A);
            assertThat(deliver(service, a)).isEqualTo("LOADED");
            Thread.sleep(1100);
            ObjectRef b = upload(s3, B);
            assertThat(deliver(service, b)).isEqualTo("LOADED");

            // A's event arrives again while the bucket holds B: it announces content the bucket no longer has
            assertThat(deliver(service, a)).isEqualTo("DUPLICATE");

            assertThat(components.warehouse().currentDatasetId()).contains(DatasetIds.of(b.identity("s3")));
        }
    }

    /**
     * Uploads and delivers A, then B over it (both LOADED), then uploads A again without delivering it; returns that
     * last upload, which is A's first one again (same content, same eTag: the same dataset id).
     */
    private static ObjectRef loadAThenBThenUploadAAgain(ObjectIngestService service, S3Client s3)
            throws InterruptedException {
        ObjectRef first = upload(s3, A);
        assertThat(deliver(service, first)).isEqualTo("LOADED");
        Thread.sleep(1100); // S3 answers write times in whole seconds
        assertThat(deliver(service, upload(s3, B))).isEqualTo("LOADED");
        Thread.sleep(1100);
        ObjectRef again = upload(s3, A);
        assertThat(again).as("same content, same eTag: the same dataset id").isEqualTo(first);
        return again;
    }

    private Settings settings() {
        return Settings.load(Map.of("heavy-ingest.warehouse.kind", "DUCKDB",
                "heavy-ingest.warehouse.duckdb.path", dir.resolve("w.duckdb").toString()));
    }

    static S3Client s3Client(InProcessS3 server) {
        return BucketEnv.client(server.endpoint());
    }

    static ObjectRef upload(S3Client s3, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String eTag = s3.putObject(c -> c.bucket(BUCKET).key(KEY), RequestBody.fromBytes(bytes)).eTag().replace("\"", "");
        return new ObjectRef(BUCKET, KEY, null, eTag, bytes.length);
    }

    static String deliver(ObjectIngestService service, ObjectRef object) {
        return service.onObjectCreated(object, Deadline.after(Duration.ofMinutes(1))).status();
    }
}
