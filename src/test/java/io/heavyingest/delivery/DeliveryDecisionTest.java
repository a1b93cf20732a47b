package io.heavyingest.delivery;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.testsupport.FaultInjectingWarehouse;
import io.heavyingest.testsupport.MemoryObjectStore;
import io.heavyingest.testsupport.WarehouseFaults;
import io.heavyingest.warehouse.LoadStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each decision the delivery layer makes, on a real embedded warehouse: what it answers, what it records, and that
 * it asks the history exactly once per delivery (a filtered lookup by dataset id), or not at all when the key is
 * not a load.
 */
class DeliveryDecisionTest {
    private static final String CSV = "Date,Day,a,b\n2024-01-04,Thursday,1.5,-2\n2024-01-11,Thursday,0.25,3\n";

    @TempDir
    Path dir;
    private Components components;
    private FaultInjectingWarehouse warehouse;
    private MemoryObjectStore bucket;
    private ObjectIngestService service;

    @BeforeEach
    void open() {
        Settings settings = Settings.load(Map.of(
                "heavy-ingest.warehouse.kind", "DUCKDB",
                "heavy-ingest.warehouse.duckdb.path", dir.resolve("w.duckdb").toString()));
        warehouse = new FaultInjectingWarehouse(Components.openWarehouse(settings), new WarehouseFaults());
        components = Components.on(settings, warehouse);
        bucket = new MemoryObjectStore();
        service = components.delivery(bucket, null);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private ObjectOutcome deliver(ObjectRef object) {
        warehouse.resetCounts();
        return service.onObjectCreated(object, Deadline.after(Duration.ofMinutes(1)));
    }

    private ObjectRef put(String key, String text) {
        return bucket.put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void staleClaim_ofACrashedLoader_shouldLogTheHolderAndExpiryThenLoadOnceItLapses() {
        ObjectRef object = put("incoming/a.csv", CSV);
        String datasetId = io.heavyingest.ingest.DatasetIds.of(object.identity(bucket.scheme()));
        Instant expiry = Instant.now().plusMillis(1500).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        // what a loader killed mid-load leaves behind: its claim, until its deadline
        assertThat(warehouse.claim(datasetId, "4242@crashed-host/attempt-1", expiry)).isTrue();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] params = record.getParameters();
                logged.add(params == null ? record.getMessage() : String.format(record.getMessage(), params));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(ObjectIngestService.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        ObjectOutcome outcome;
        try {
            outcome = deliver(object);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }

        assertThat(outcome).isInstanceOf(ObjectOutcome.Loaded.class);
        assertThat(logged).filteredOn(line -> line.contains("is claimed by")).singleElement().satisfies(line -> {
            assertThat(line).contains(datasetId).contains("4242@crashed-host/attempt-1").contains(expiry.toString());
        });
    }

    @Test
    void newObject_notPublished_shouldLoadWithOneHistoryLookup() {
        ObjectOutcome outcome = deliver(put("incoming/a.csv", CSV));

        assertThat(outcome).isInstanceOf(ObjectOutcome.Loaded.class);
        assertThat(warehouse.historyLookups()).isEqualTo(1);
        ObjectOutcome.Loaded loaded = (ObjectOutcome.Loaded) outcome;
        assertThat(loaded.result().record().rows()).isEqualTo(4);
        assertThat(bucket.written(loaded.manifestKey())).isNotNull();
    }

    @Test
    void sameObjectAgain_alreadyPublished_shouldBeADuplicateWithOneHistoryLookupAndNoRead() {
        ObjectRef object = put("incoming/a.csv", CSV);
        deliver(object);
        // the object's content is gone: a duplicate must not need a byte of it
        bucket.put("incoming/a.csv", 0, () -> {
            throw new AssertionError("a duplicate read the object");
        });

        ObjectOutcome outcome = deliver(object);

        assertThat(outcome).isInstanceOf(ObjectOutcome.Duplicate.class);
        assertThat(warehouse.historyLookups()).isEqualTo(1);
        assertThat(warehouse.history()).extracting(r -> r.status())
                .containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
    }

    @Test
    void badFile_notPublished_shouldBeRejectedWithOneHistoryLookupAndAnErrorReport() {
        ObjectOutcome outcome = deliver(put("incoming/bad.csv", "Date,a\n2024-01-04,x\n"));

        assertThat(outcome).isInstanceOf(ObjectOutcome.Rejected.class);
        assertThat(warehouse.historyLookups()).isEqualTo(1);
        ObjectOutcome.Rejected rejected = (ObjectOutcome.Rejected) outcome;
        assertThat(rejected.error().line()).isEqualTo(2);
        assertThat(bucket.written(rejected.errorReportKey())).isNotNull();
        warehouse.resetCounts();
        assertThat(warehouse.history()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LoadStatus.FAILED);
            assertThat(r.error()).isEqualTo(rejected.error().getMessage());
        });
    }

    @Test
    void keyOutsideIncoming_notALoad_shouldBeIgnoredWithoutAskingTheWarehouse() {
        ObjectOutcome outcome = deliver(put("manifests/x.json", "{}"));

        assertThat(outcome).isInstanceOf(ObjectOutcome.Ignored.class);
        assertThat(warehouse.historyLookups()).isZero();
        assertThat(warehouse.history()).isEmpty();
    }

    @Test
    void objectDeletedBeforeTheRead_notPublished_shouldBeIgnoredAfterOneHistoryLookup() {
        ObjectRef vanished = new ObjectRef(MemoryObjectStore.BUCKET, "incoming/gone.csv", null, "e", 10);

        ObjectOutcome outcome = deliver(vanished);

        assertThat(outcome).isInstanceOf(ObjectOutcome.Ignored.class);
        assertThat(((ObjectOutcome.Ignored) outcome).reason()).contains("no longer exists");
        assertThat(warehouse.historyLookups()).isEqualTo(1);
    }
}
