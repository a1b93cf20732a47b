package io.heavyingest.warehouse.heavydb;

import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.heavydb.HeavyDbAuthenticationException;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.heavydb.HeavyDbServerException;
import io.heavyingest.heavydb.LoopbackCatalog;
import io.heavyingest.heavydb.LoopbackHeavyDb;
import io.heavyingest.ingest.DatasetIds;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.ingest.LocalFiles;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.testsupport.Delivered;
import io.heavyingest.testsupport.InProcessS3;
import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.bucket.S3ObjectStore;
import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.delivery.ObjectOutcome;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Full deliveries (the exactly-once service over {@link IngestService}) into the HeavyDB warehouse, against a Thrift server on a loopback
 * socket: every row that arrived, the batch sizes, the DDL, the publish step, the history, and the failures.
 */
class HeavyDbWarehouseLoopbackTest {
    private static final int DAYS = 12;
    private static final int STRATEGIES = 40;
    /** {line (1 = first data row), strategy index} of the cells left empty. */
    private static final int[][] EMPTY_CELLS = {{2, 5}, {5, 17}, {9, 39}};
    private static final String ID = DatasetIds.of("loopback-test-file");
    /** Prefix of the staging tables of this dataset; each attempt appends its own suffix. */
    private static final String STAGE = "strategy_pnl_" + ID + "_stage_";
    private static final String TARGET = "strategy_pnl_" + ID;

    @TempDir
    Path dir;
    private LoopbackHeavyDb server;
    private Settings settings;
    private HeavyIngestConfig config;
    private HeavyDbConfig heavyConfig;
    private Path file;
    private Map<String, Double> expected;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackHeavyDb();
        // 100 values a loader batch = 3 file rows (120 values); 250 rows a load call = two loader batches
        settings = Settings.load(Map.of("heavy-ingest.ingest.batch-values", "100",
                "heavy-ingest.heavydb.load-batch-rows", "250",
                "heavy-ingest.heavydb.reuse-session", "false",
                "heavy-ingest.heavydb.read-timeout", "5s"));
        config = settings.core();
        heavyConfig = settings.heavydb();
        file = writeFileWithEmptyCells();
        expected = expectedRows(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    @Test
    void ingest_generatedFile_shouldLoadEveryRowInLargeBatchesAndPublish() {
        Delivered result;
        try (HeavyDbWarehouse warehouse = open()) {
            result = deliver(warehouse);

            assertThat(result.record().status()).isEqualTo(LoadStatus.LOADED);
            assertThat(warehouse.kind()).isEqualTo("heavydb");
            assertThat(warehouse.location()).isEqualTo("127.0.0.1:" + server.port() + "/heavyai");
            assertEveryRowArrived(server.catalog().table(TARGET));

            assertThat(stageLoadSizes()).containsExactly(240, 240);
            assertThat(server.statements()).contains("CREATE TABLE " + stagingTables().get(0) + " (\n"
                    + "  trade_date DATE NOT NULL ENCODING DAYS(16),\n"
                    + "  strategy TEXT NOT NULL ENCODING DICT(8),\n"
                    + "  pnl DOUBLE\n"
                    + ") WITH (fragment_size = 40, sort_column = 'trade_date')");
            List<String> sql = server.statements();
            String stage = stagingTables().get(0);
            List<String> publish = sql.subList(sql.indexOf(createStatementOf(stage)), sql.size());
            assertThat(publish).hasSize(5);
            assertThat(publish.subList(0, 3)).containsExactly(
                    createStatementOf(stage),
                    "SELECT COUNT(*) AS n FROM " + stage,
                    "RENAME TABLE " + stage + " TO " + TARGET);
            // first publish: the view is built under its own name and renamed in (no view existed before)
            assertThat(publish.get(3)).matches("CREATE VIEW strategy_pnl_next_[0-9a-f]{8} AS SELECT trade_date, strategy,"
                    + " pnl FROM " + TARGET);
            assertThat(publish.get(4)).isEqualTo("RENAME TABLE " + publish.get(3).split(" ")[2] + " TO strategy_pnl");
            assertThat(server.catalog().tableNames()).containsExactlyInAnyOrder("load_history", TARGET);
            assertThat(server.catalog().viewTarget("strategy_pnl")).isEqualTo(TARGET);

            List<LoadRecord> history = warehouse.history();
            assertThat(history).singleElement().satisfies(r -> {
                assertThat(r.datasetId()).isEqualTo(ID);
                assertThat(r.status()).isEqualTo(LoadStatus.LOADED);
                assertThat(r.tableName()).isEqualTo(TARGET);
                assertThat(r.rows()).isEqualTo(DAYS * STRATEGIES);
                assertThat(r.strategies()).isEqualTo(STRATEGIES);
                assertThat(r.days()).isEqualTo(DAYS);
                assertThat(r.nullValues()).isEqualTo(EMPTY_CELLS.length);
                assertThat(r.firstDate()).isEqualTo(LocalDate.of(2024, 1, 4));
                assertThat(r.lastDate()).isEqualTo(result.record().lastDate());
                assertThat(r.source()).isEqualTo(file.toString());
                assertThat(r.startedAt().toEpochMilli()).isEqualTo(result.record().startedAt().toEpochMilli());
                assertThat(r.error()).isNull();
            });
            assertThat(warehouse.publishedLoad(ID)).isPresent();
            assertThat(warehouse.currentDatasetId()).contains(ID);

            AppliedSchema applied = warehouse.appliedSchema(TARGET).orElseThrow();
            assertThat(applied.fragmentSize()).isEqualTo(result.plan().fragmentRows()).isEqualTo(40);
            assertThat(applied.pageSize()).isEqualTo(2_097_152);
            assertThat(applied.columns()).extracting(AppliedSchema.Column::name, AppliedSchema.Column::type,
                            AppliedSchema.Column::encoding, AppliedSchema.Column::nullable)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("trade_date", "DATE", "DAYS(16)", false),
                            org.assertj.core.groups.Tuple.tuple("strategy", "TEXT", "DICT(8)", false),
                            org.assertj.core.groups.Tuple.tuple("pnl", "DOUBLE", "NONE", true));
            assertThat(warehouse.appliedSchema("strategy_pnl").orElseThrow().view()).isTrue();
            assertThat(warehouse.appliedSchema("no_such_table")).isEmpty();
        }
    }

    @Test
    void currentMatrix_afterIngest_shouldPivotTheLongTableWithNulls() {
        try (HeavyDbWarehouse warehouse = open()) {
            deliver(warehouse);

            PnlMatrix m = warehouse.currentMatrix().orElseThrow();

            assertThat(m.datasetId()).isEqualTo(ID);
            assertThat(m.days()).isEqualTo(DAYS);
            assertThat(m.strategyCount()).isEqualTo(STRATEGIES);
            assertThat(m.strategies()).isSorted();
            assertThat(m.nullCount()).isEqualTo(EMPTY_CELLS.length);
            for (int s = 0; s < m.strategyCount(); s++) {
                for (int d = 0; d < m.days(); d++) {
                    Double v = expected.get(key(m.dates().get(d), m.strategies().get(s)));
                    assertThat(m.value(s, d)).isEqualTo(v == null ? 0.0 : v);
                }
            }
        }
    }

    @Test
    void currentMatrix_readInPagesOfAtMost100Rows_shouldEqualTheMatrixReadInOnePage() {
        PnlMatrix whole;
        int before;
        try (HeavyDbWarehouse warehouse = open()) {
            deliver(warehouse);
            before = server.replies().size();
            whole = warehouse.currentMatrix().orElseThrow();
        }
        assertThat(pageReplies(before)).as("default page size: one reply").extracting(LoopbackHeavyDb.Reply::rows)
                .containsExactly(DAYS * STRATEGIES);
        Settings paged = Settings.load(Map.of("heavy-ingest.heavydb.reuse-session", "false",
                "heavy-ingest.heavydb.read-page-rows", "100"));
        before = server.replies().size();

        PnlMatrix m;
        try (HeavyDbWarehouse warehouse = HeavyDbWarehouse.open(paged.core(), paged.heavydb(), server.endpoint())) {
            m = warehouse.currentMatrix().orElseThrow();
        }

        // 40 rows a day: two days (80 rows) a page, 12 days in 6 replies, none over 100 rows
        assertThat(pageReplies(before)).extracting(LoopbackHeavyDb.Reply::rows).containsExactly(80, 80, 80, 80, 80, 80);
        assertThat(m.dates()).isEqualTo(whole.dates());
        assertThat(m.strategies()).isEqualTo(whole.strategies()).isSorted();
        assertThat(m.values()).containsExactly(whole.values());
        assertThat(m.nullCount()).isEqualTo(whole.nullCount()).isEqualTo(EMPTY_CELLS.length);
        for (int s = 0; s < m.strategyCount(); s++) {
            for (int d = 0; d < m.days(); d++) {
                Double v = expected.get(key(m.dates().get(d), m.strategies().get(s)));
                assertThat(m.value(s, d)).isEqualTo(v == null ? 0.0 : v);
            }
        }
    }

    /** The replies that carried dataset rows since reply {@code from}. */
    private List<LoopbackHeavyDb.Reply> pageReplies(int from) {
        List<LoopbackHeavyDb.Reply> all = server.replies();
        return all.subList(from, all.size()).stream()
                .filter(r -> r.sql().startsWith("SELECT trade_date, strategy, pnl FROM " + TARGET)).toList();
    }

    @Test
    void currentMatrix_beforeAnyLoad_shouldBeEmpty() {
        try (HeavyDbWarehouse warehouse = open()) {
            assertThat(warehouse.currentMatrix()).isEmpty();
            assertThat(warehouse.currentDatasetId()).isEmpty();
        }
    }

    @Test
    void ingest_whenServerRejectsALoad_shouldRecordFailurePublishNothingAndRetryCleanly() {
        server.failNextLoad(STAGE, LoopbackHeavyDb.Fault.SERVER_ERROR);
        try (HeavyDbWarehouse warehouse = open()) {

            assertThatThrownBy(() -> deliver(warehouse))
                    .isInstanceOfSatisfying(HeavyDbServerException.class, e -> assertThat(e.errorMessage())
                            .startsWith("Load into " + STAGE).endsWith(" failed: injected server error"));
            assertThat(server.catalog().tableNames()).containsExactly("load_history");
            assertThat(server.catalog().viewTarget("strategy_pnl")).isNull();
            assertThat(warehouse.history()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(LoadStatus.FAILED);
                assertThat(r.error()).contains("injected server error");
            });

            Delivered retry = deliver(warehouse);

            assertThat(retry.record().status()).isEqualTo(LoadStatus.LOADED);
            assertEveryRowArrived(server.catalog().table(TARGET));
            assertThat(warehouse.history()).extracting(LoadRecord::status)
                    .containsExactly(LoadStatus.FAILED, LoadStatus.LOADED);
        }
    }

    @Test
    void ingest_whenSocketClosesMidBatchBeforeCommit_shouldFailTheAttemptAndTheRetryLoadsOneCopy() {
        server.failNextLoad(STAGE, LoopbackHeavyDb.Fault.CLOSE_BEFORE_COMMIT);
        try (HeavyDbWarehouse warehouse = open()) {
            assertThatThrownBy(() -> deliver(warehouse)).isInstanceOf(BrokenLoadException.class);
            assertThat(server.catalog().tableNames()).containsExactly("load_history");

            Delivered retry = deliver(warehouse);

            assertThat(retry.record().status()).isEqualTo(LoadStatus.LOADED);
            assertEachStagingTableGotEachBatchOnce();
            assertEveryRowArrived(server.catalog().table(TARGET));
            assertThat(warehouse.history()).extracting(LoadRecord::status)
                    .containsExactly(LoadStatus.FAILED, LoadStatus.LOADED);
        }
    }

    @Test
    void ingest_whenSocketClosesAfterCommitBeforeReply_shouldFailTheAttemptAndTheRetryLoadsOneCopy() {
        server.failNextLoad(STAGE, LoopbackHeavyDb.Fault.CLOSE_AFTER_COMMIT);
        try (HeavyDbWarehouse warehouse = open()) {
            assertThatThrownBy(() -> deliver(warehouse)).isInstanceOf(BrokenLoadException.class);

            deliver(warehouse);

            assertEachStagingTableGotEachBatchOnce();
            assertEveryRowArrived(server.catalog().table(TARGET));
            assertThat(server.catalog().tableNames()).containsExactlyInAnyOrder("load_history", TARGET);
        }
    }

    @Test
    void ingest_whenServerCommitsABrokenLoadLate_shouldNeverSendABatchTwiceIntoOneStagingTable() throws Exception {
        server.failNextLoad(STAGE, LoopbackHeavyDb.Fault.CLOSE_THEN_COMMIT_LATE);
        try (HeavyDbWarehouse warehouse = open()) {
            try {
                deliver(warehouse);
            } catch (RuntimeException expected) {
                // the attempt fails; what matters is what reached the staging table
            }
            Thread.sleep(600); // the server's late commit lands (into a dropped table, or a table nobody reads)
            assertEachStagingTableGotEachBatchOnce();

            Delivered retry = deliver(warehouse);

            assertThat(retry.record().status()).isEqualTo(LoadStatus.LOADED);
            assertEveryRowArrived(server.catalog().table(TARGET));
            assertEachStagingTableGotEachBatchOnce();
        }
    }

    @Test
    void ingest_whenHistoryWriteFailsAfterRename_shouldLeaveACompleteTableThatTheRetryReplaces() {
        server.failNextLoad("load_history", LoopbackHeavyDb.Fault.SERVER_ERROR);
        try (HeavyDbWarehouse warehouse = open()) {

            assertThatThrownBy(() -> deliver(warehouse))
                    .isInstanceOf(HeavyDbServerException.class);
            // what a crash at this point leaves: a complete table, no LOADED history row
            assertThat(server.catalog().table(TARGET).rowCount()).isEqualTo(DAYS * STRATEGIES);
            assertThat(warehouse.publishedLoad(ID)).isEmpty();
            server.catalog().watch("strategy_pnl");

            deliver(warehouse);

            // the leftover was what the current view read: swapped out in one RENAME, never a moment without it
            assertThat(server.catalog().watchedGaps()).isEmpty();

            assertThat(server.catalog().tableNames()).containsExactlyInAnyOrder("load_history", TARGET);
            assertThat(server.catalog().viewTarget("strategy_pnl")).isEqualTo(TARGET);
            assertEveryRowArrived(server.catalog().table(TARGET));
            assertThat(warehouse.history()).extracting(LoadRecord::status)
                    .containsExactly(LoadStatus.FAILED, LoadStatus.LOADED);
        }
    }

    @Test
    void ingest_sameDatasetTwice_shouldRecordDuplicateWithoutLoading() {
        try (HeavyDbWarehouse warehouse = open()) {
            deliver(warehouse);
            server.forgetHistory();

            Delivered again = deliver(warehouse);

            assertThat(again.duplicate()).isTrue();
            assertThat(stageLoadSizes()).isEmpty();
            assertThat(warehouse.history()).extracting(LoadRecord::status)
                    .containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
        }
    }

    @Test
    void deliver_sameObjectByTwoServiceInstancesAtOnce_shouldRecordExactlyOneLoaded() throws Exception {
        // two instances that share only the bucket (an S3 server) and the HeavyDB server, as two Lambda instances do
        server.stallReplies(15); // every call slower, so the two loads overlap
        byte[] content = Files.readAllBytes(file);
        try (InProcessS3 s3 = InProcessS3.inMemory();
             S3Client s3a = s3Client(s3); S3Client s3b = s3Client(s3);
             HeavyDbWarehouse a = open(); HeavyDbWarehouse b = open()) {
            s3a.createBucket(c -> c.bucket("pnl-claims"));
            ObjectIngestService first = Components.on(settings, a).delivery(new S3ObjectStore(s3a), null);
            ObjectIngestService second = Components.on(settings, b).delivery(new S3ObjectStore(s3b), null);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    String key = "incoming/round-" + round + ".csv";
                    String eTag = s3a.putObject(c -> c.bucket("pnl-claims").key(key), RequestBody.fromBytes(content))
                            .eTag().replace("\"", "");
                    ObjectRef object = new ObjectRef("pnl-claims", key, null, eTag, content.length);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<ObjectOutcome> one = pool.submit(() -> {
                        go.await();
                        return first.onObjectCreated(object, Deadline.after(Duration.ofMinutes(1)));
                    });
                    Future<ObjectOutcome> two = pool.submit(() -> {
                        go.await();
                        return second.onObjectCreated(object, Deadline.after(Duration.ofMinutes(1)));
                    });
                    go.countDown();

                    String datasetId = DatasetIds.of(object.identity("s3"));
                    assertThat(List.of(one.get().status(), two.get().status())).as("round %d", round)
                            .containsExactlyInAnyOrder("LOADED", "DUPLICATE");
                    assertThat(a.history()).filteredOn(r -> r.datasetId().equals(datasetId))
                            .extracting(LoadRecord::status)
                            .containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
                    assertThat(s3a.listObjectsV2(c -> c.bucket("pnl-claims").prefix("claims/")).contents())
                            .as("claims released after the load").isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void deliver_revertedUploadInUnversionedBucket_shouldRepointTheViewAtTheKeptTableWithoutReloading() throws Exception {
        byte[] a = Files.readAllBytes(file);
        byte[] b = "Date,Day,x,y\n2024-01-04,Thursday,1.5,-2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (InProcessS3 s3 = InProcessS3.inMemory(); S3Client client = s3Client(s3); HeavyDbWarehouse warehouse = open()) {
            client.createBucket(c -> c.bucket("plain"));
            ObjectIngestService service = Components.on(settings, warehouse).delivery(new S3ObjectStore(client), null);
            ObjectRef first = upload(client, a);
            assertThat(deliverEvent(service, first)).isEqualTo("LOADED");
            Thread.sleep(1100); // S3 answers write times in whole seconds
            assertThat(deliverEvent(service, upload(client, b))).isEqualTo("LOADED");
            Thread.sleep(1100);
            ObjectRef third = upload(client, a);
            String idOfA = DatasetIds.of(third.identity("s3"));
            int loadsBefore = server.loads().size();
            server.catalog().watch("strategy_pnl");

            assertThat(deliverEvent(service, third)).isEqualTo("REPUBLISHED");
            assertThat(deliverEvent(service, third)).as("the same event again").isEqualTo("DUPLICATE");

            assertThat(server.catalog().viewTarget("strategy_pnl")).isEqualTo("strategy_pnl_" + idOfA);
            assertThat(warehouse.currentDatasetId()).contains(idOfA);
            assertThat(server.catalog().watchedGaps()).isEmpty();
            assertThat(server.loads().subList(loadsBefore, server.loads().size()))
                    .as("no staging load, only history rows").allMatch(l -> l.table().equals("load_history"));
            assertEveryRowArrived(server.catalog().table("strategy_pnl_" + idOfA));
            assertThat(warehouse.history()).extracting(LoadRecord::status).containsExactly(LoadStatus.LOADED,
                    LoadStatus.LOADED, LoadStatus.REPUBLISHED, LoadStatus.DUPLICATE);
        }
    }

    private static ObjectRef upload(S3Client client, byte[] content) {
        String eTag = client.putObject(c -> c.bucket("plain").key("incoming/pnl.csv"), RequestBody.fromBytes(content))
                .eTag().replace("\"", "");
        return new ObjectRef("plain", "incoming/pnl.csv", null, eTag, content.length);
    }

    private static String deliverEvent(ObjectIngestService service, ObjectRef object) {
        return service.onObjectCreated(object, Deadline.after(Duration.ofMinutes(1))).status();
    }

    @Test
    void deliver_afterKilledAttemptsLeftTablesAndViews_shouldDropThemButKeepThoseOfALiveClaimHolder() {
        Path bucket = file.getParent().resolve("bucket");
        io.heavyingest.delivery.ObjectStoreClaims claims = new io.heavyingest.delivery.ObjectStoreClaims(
                new LocalObjectStore(), bucket.toString(), "claims/");
        // "live" is being loaded by another process right now; "deadbeef"'s loader died and its claim lapsed
        assertThat(claims.claim("live", "4242@other-host/attempt", java.time.Instant.now().plusSeconds(600))).isTrue();
        assertThat(claims.claim("deadbeef", "4243@gone-host/attempt", java.time.Instant.now().minusSeconds(1)))
                .isTrue();
        try (io.heavyingest.heavydb.HeavyDbClient other = io.heavyingest.heavydb.HeavyDbClient.connect(
                server.endpoint(), new io.heavyingest.heavydb.HeavyDbClient.Options(2_000, 5_000, 1 << 20))) {
            for (String table : List.of("strategy_pnl_deadbeef", "strategy_pnl_live", "strategy_pnl_deadbeef_stage_0badf00d",
                    "strategy_pnl_deadbeef_old_12345678", "strategy_pnl_live_stage_cafebabe")) {
                other.execute("CREATE TABLE " + table + " (trade_date DATE NOT NULL ENCODING DAYS(16), strategy TEXT"
                        + " NOT NULL ENCODING DICT(8), pnl DOUBLE)");
            }
            other.execute("CREATE VIEW strategy_pnl_next_aaaaaaaa AS SELECT trade_date, strategy, pnl FROM strategy_pnl_live");
            other.execute("CREATE VIEW strategy_pnl_next_bbbbbbbb AS SELECT trade_date, strategy, pnl FROM strategy_pnl_deadbeef");
            other.execute("CREATE VIEW strategy_pnl_prev_cccccccc AS SELECT trade_date, strategy, pnl FROM strategy_pnl_deadbeef");
        }

        try (HeavyDbWarehouse warehouse = open()) {
            assertThat(deliver(warehouse).record().status()).isEqualTo(LoadStatus.LOADED);
        }

        assertThat(server.statements()).contains("DROP TABLE IF EXISTS strategy_pnl_deadbeef_stage_0badf00d",
                "DROP TABLE IF EXISTS strategy_pnl_deadbeef_old_12345678", "DROP VIEW IF EXISTS strategy_pnl_next_bbbbbbbb",
                "DROP VIEW IF EXISTS strategy_pnl_prev_cccccccc");
        assertThat(server.catalog().tableNames()).containsExactlyInAnyOrder("load_history", TARGET,
                "strategy_pnl_deadbeef", "strategy_pnl_live", "strategy_pnl_live_stage_cafebabe");
        assertThat(server.catalog().viewNames()).containsExactlyInAnyOrder("strategy_pnl", "strategy_pnl_next_aaaaaaaa");
        assertThat(server.catalog().viewTarget("strategy_pnl")).isEqualTo(TARGET);
    }

    @Test
    void dropLeftovers_tableTheCurrentViewReads_shouldKeepIt() {
        try (io.heavyingest.heavydb.HeavyDbClient other = io.heavyingest.heavydb.HeavyDbClient.connect(
                server.endpoint(), new io.heavyingest.heavydb.HeavyDbClient.Options(2_000, 5_000, 1 << 20));
             HeavyDbWarehouse warehouse = open()) {
            other.execute("CREATE TABLE strategy_pnl_x_old_12345678 (pnl DOUBLE)");
            other.execute("CREATE TABLE strategy_pnl_x_stage_12345678 (pnl DOUBLE)");
            other.execute("CREATE VIEW strategy_pnl AS SELECT pnl FROM strategy_pnl_x_old_12345678");

            assertThat(warehouse.dropLeftovers(id -> false)).containsExactly("strategy_pnl_x_stage_12345678");

            assertThat(server.catalog().tableNames()).contains("strategy_pnl_x_old_12345678");
        }
    }

    @Test
    void publish_secondDataset_shouldSwapTheViewWithNoMomentTheCurrentNameIsUnresolved() {
        try (HeavyDbWarehouse warehouse = open()) {
            server.catalog().watch("strategy_pnl");
            deliver(warehouse);
            deliverAs(warehouse, "second");

            assertThat(server.catalog().watchedGaps()).isEmpty();
            assertThat(server.catalog().viewTarget("strategy_pnl")).isEqualTo("strategy_pnl_second");
            assertThat(server.statements()).doesNotContain("DROP VIEW IF EXISTS strategy_pnl")
                    .anyMatch(q -> q.matches("RENAME TABLE strategy_pnl TO strategy_pnl_prev_[0-9a-f]{8},"
                            + " strategy_pnl_next_[0-9a-f]{8} TO strategy_pnl"));
            assertThat(server.catalog().tableNames()).containsExactlyInAnyOrder("load_history", TARGET,
                    "strategy_pnl_second");
            assertEveryRowArrived(server.catalog().table("strategy_pnl_second"));
        }
    }

    @Test
    void currentDatasetId_whenThePublishedTableWasDropped_shouldBeEmptyNotTheLastLoadedRow() {
        try (HeavyDbWarehouse warehouse = open()) {
            deliver(warehouse);
            deliverAs(warehouse, "second");
            assertThat(warehouse.currentDatasetId()).contains("second");

            warehouse.dropQuietly("strategy_pnl_second");

            assertThat(warehouse.currentDatasetId()).isEmpty();
            assertThat(warehouse.currentMatrix()).isEmpty();
        }
    }

    private Delivered deliverAs(HeavyDbWarehouse warehouse, String datasetId) {
        return Delivered.deliver(Components.on(settings, warehouse).delivery(new LocalObjectStore(),
                file.getParent().resolve("bucket").toString()), LocalObjectStore.ref(file), datasetId);
    }

    private static S3Client s3Client(InProcessS3 s3) {
        return BucketEnv.client(s3.endpoint());
    }

    @Test
    void open_withWrongPassword_shouldRaiseTypedAuthenticationError() {
        HeavyDbEndpoint wrong = HeavyDbEndpoint.parse(server.url(), "wrong-password");

        assertThatThrownBy(() -> HeavyDbWarehouse.open(config, heavyConfig, wrong))
                .isInstanceOfSatisfying(HeavyDbAuthenticationException.class,
                        e -> assertThat(e.errorMessage()).isEqualTo("Invalid credentials."))
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void warehouses_withHeavyDbUrlConfigured_shouldOpenHeavyDb() {
        Settings withUrl = Settings.load(Map.of(
                "heavy-ingest.heavydb.url", server.url(),
                "heavy-ingest.heavydb.password", LoopbackHeavyDb.PASSWORD,
                "heavy-ingest.heavydb.reuse-session", "false"));

        try (Warehouse warehouse = Components.openWarehouse(withUrl)) {
            assertThat(warehouse.kind()).isEqualTo("heavydb");
            assertThat(warehouse.location()).isEqualTo("127.0.0.1:" + server.port() + "/heavyai");
        }
        assertThat(server.connects()).isEqualTo(1);
    }

    /** Delivers the test file as the local command does: the one history lookup, then the load. */
    private Delivered deliver(HeavyDbWarehouse warehouse) {
        return Delivered.deliver(Components.on(settings, warehouse).delivery(new LocalObjectStore(),
                file.getParent().resolve("bucket").toString()), LocalObjectStore.ref(file), ID);
    }

    private HeavyDbWarehouse open() {
        return HeavyDbWarehouse.open(config, heavyConfig, server.endpoint());
    }

    private List<Integer> stageLoadSizes() {
        return server.loads().stream().filter(l -> l.table().startsWith(STAGE)).map(LoopbackHeavyDb.LoadCall::rows).toList();
    }

    /** Staging tables created so far, in order. */
    private List<String> stagingTables() {
        return server.statements().stream().filter(q -> q.startsWith("CREATE TABLE " + STAGE))
                .map(q -> q.substring("CREATE TABLE ".length(), q.indexOf(' ', "CREATE TABLE ".length()))).toList();
    }

    private String createStatementOf(String table) {
        return server.statements().stream().filter(q -> q.startsWith("CREATE TABLE " + table + " ")).findFirst()
                .orElseThrow();
    }

    /** No staging table received more rows than the file has: no batch was ever sent twice into one table. */
    private void assertEachStagingTableGotEachBatchOnce() {
        Map<String, Integer> sent = new HashMap<>();
        for (LoopbackHeavyDb.LoadCall call : server.loads()) {
            if (call.table().startsWith("strategy_pnl_" + ID + "_stage")) {
                sent.merge(call.table(), Math.max(0, call.rows()), Integer::sum);
            }
        }
        assertThat(sent).isNotEmpty();
        sent.forEach((table, rows) -> assertThat(rows).as(table).isLessThanOrEqualTo(DAYS * STRATEGIES));
    }

    /** Every (date, strategy) of the file once, with its value or NULL; dates as whole days. */
    private void assertEveryRowArrived(LoopbackCatalog.Table table) {
        assertThat(table.rowCount()).isEqualTo(DAYS * STRATEGIES);
        List<Object> dates = table.column("trade_date");
        List<Object> names = table.column("strategy");
        List<Object> values = table.column("pnl");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < table.rowCount(); i++) {
            long seconds = (Long) dates.get(i);
            assertThat(seconds % 86_400).isZero();
            String key = key(LocalDate.ofEpochDay(seconds / 86_400), (String) names.get(i));
            assertThat(seen.add(key)).as("one copy of %s", key).isTrue();
            assertThat(expected).containsKey(key);
            assertThat(values.get(i)).as(key).isEqualTo(expected.get(key));
        }
        assertThat(seen).isEqualTo(expected.keySet());
    }

    private Path writeFileWithEmptyCells() throws Exception {
        Path f = dir.resolve("pnl.csv");
        PnlFileGenerator.write(GeneratorSpec.of(DAYS, STRATEGIES, 7), f);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        for (int[] cell : EMPTY_CELLS) {
            String[] cells = lines.get(cell[0]).split(",", -1);
            cells[2 + cell[1]] = "";
            lines.set(cell[0], String.join(",", cells));
        }
        Files.write(f, lines);
        return f;
    }

    /** The file read independently of the product's reader: (date|strategy) to value, null for empty cells. */
    private static Map<String, Double> expectedRows(Path f) throws Exception {
        List<String> lines = Files.readAllLines(f);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Double> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (int s = 2; s < header.length; s++) {
                out.put(key(LocalDate.parse(cells[0]), header[s]), cells[s].isEmpty() ? null : Double.parseDouble(cells[s]));
            }
        }
        assertThat(out.values().stream().filter(v -> v == null).count()).isEqualTo(EMPTY_CELLS.length);
        return out;
    }

    private static String key(LocalDate date, String strategy) {
        return date + "|" + strategy;
    }
}
