package io.heavyingest.warehouse.duckdb;

import io.heavyingest.app.Settings;
import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.ingest.LocalFiles;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.Staging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbStagedLoadTest {
    private static final String[] NAMES = {"SENSEX 1336-1406 SL71%", "b,c", "q\"uote", "δ", "e", "f", "g"};

    /** A file of {@code days} dates (not in date order) x the names above, random doubles and some blank cells. */
    private static Map<String, Double> writeFile(Path csv, int days, long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, Double> expected = new HashMap<>();
        StringBuilder text = new StringBuilder("Date");
        for (String n : NAMES) {
            text.append(',').append(n.contains(",") || n.contains("\"") ? '"' + n.replace("\"", "\"\"") + '"' : n);
        }
        text.append('\n');
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d % 2 == 0 ? d : days + d); // two interleaved runs: out of date order
            text.append(date);
            for (String n : NAMES) {
                text.append(',');
                if (random.nextInt(9) == 0) {
                    expected.put(date + "|" + n, null);
                    continue;
                }
                double v = switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble() * 1e4 - 5e3;
                    case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
                    case 2 -> random.nextInt(2000) / 100.0 - 10;
                    default -> -0.0;
                };
                text.append(Double.toString(v));
                expected.put(date + "|" + n, v);
            }
            text.append('\n');
        }
        Files.writeString(csv, text);
        return expected;
    }

    private static HeavyIngestConfig config(Path dir, String... overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("heavy-ingest.warehouse.duckdb.path", dir.resolve("warehouse.duckdb").toString());
        for (int i = 0; i < overrides.length; i += 2) {
            all.put(overrides[i], overrides[i + 1]);
        }
        return ConfigLoader.load(all);
    }

    private static Map<String, Double> published(DuckDbWarehouse warehouse) {
        Map<String, Double> found = new HashMap<>();
        for (List<Object> row : warehouse.query("SELECT trade_date, strategy::VARCHAR, pnl FROM strategy_pnl").rows()) {
            String key = row.get(0) + "|" + row.get(1);
            assertThat(found).as("one row per date and strategy").doesNotContainKey(key);
            found.put(key, row.get(2) == null ? null : ((Number) row.get(2)).doubleValue());
        }
        return found;
    }

    private static void assertBitIdentical(Map<String, Double> actual, Map<String, Double> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (var e : expected.entrySet()) {
            Double got = actual.get(e.getKey());
            if (e.getValue() == null) {
                assertThat(got).as(e.getKey()).isNull();
            } else {
                assertThat(Double.doubleToRawLongBits(got)).as(e.getKey())
                        .isEqualTo(Double.doubleToRawLongBits(e.getValue()));
            }
        }
    }

    @Test
    void load_moreValuesThanOneUnnestSlice_shouldStoreEveryValueBitIdenticalAtItsDateAndStrategy(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("pnl.csv");
        Map<String, Double> expected = writeFile(csv, 23, 7);
        // 7 strategies and slices of 20 values: three rows per slice, the last slice partial
        HeavyIngestConfig config = config(dir, "heavy-ingest.warehouse.duckdb.unnest-values", "20",
                "heavy-ingest.ingest.batch-values", "14");
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            new IngestService(warehouse, config).load(LocalFiles.request(csv, null));

            assertBitIdentical(published(warehouse), expected);
            assertThat(warehouse.query("SELECT count(*) FROM strategy_pnl").singleLong()).isEqualTo(23L * NAMES.length);
        }
    }

    @Test
    void load_strategyColumn_shouldStayTheDatasetsEnumAndCompareWithText(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pnl.csv");
        Map<String, Double> expected = writeFile(csv, 5, 11);
        HeavyIngestConfig config = config(dir);
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            String table = new IngestService(warehouse, config).load(LocalFiles.request(csv, null)).record().tableName();

            assertThat(warehouse.query("SELECT count(*) FROM strategy_pnl WHERE strategy = 'b,c'").singleLong()).isEqualTo(5);
            assertThat(warehouse.query("SELECT count(*) FROM strategy_pnl WHERE strategy = 'no such name'").singleLong())
                    .isZero();
            String type = (String) warehouse.query("SELECT data_type FROM duckdb_columns() WHERE table_name = '" + table
                    + "' AND column_name = 'strategy'").rows().get(0).get(0);
            assertThat(type).startsWith("ENUM('SENSEX 1336-1406 SL71%', 'b,c'");
            // the dictionary keeps the header's order
            List<Object> order = warehouse.query("SELECT unnest(enum_range(NULL::" + DuckDbDdl.strategyType(table) + "))")
                    .rows().stream().map(r -> r.get(0)).toList();
            assertThat(order).containsExactly((Object[]) NAMES);
            assertBitIdentical(published(warehouse), expected);
        }
    }

    @Test
    void pnlCompression_default_shouldStoreThePnlColumnUncompressed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pnl.csv");
        writeFile(csv, 30, 3);
        HeavyIngestConfig config = config(dir);
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            String table = new IngestService(warehouse, config).load(LocalFiles.request(csv, null)).record().tableName();
            warehouse.query("CHECKPOINT");

            List<Object> kinds = warehouse.query("SELECT DISTINCT compression FROM pragma_storage_info('" + table
                    + "') WHERE column_name = 'pnl' AND segment_type = 'DOUBLE'").rows().stream().map(r -> r.get(0)).toList();
            assertThat(kinds).containsExactly("Uncompressed");
        }
    }

    @Test
    void memoryLimit_default_shouldLimitDuckDbTo256MB(@TempDir Path dir) {
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config(dir))) {
            // DuckDB reports 256 MB (10^6 bytes) in MiB
            assertThat(warehouse.query("SELECT current_setting('memory_limit')").rows().get(0).get(0)).isEqualTo("244.1 MiB");
        }
    }

    @Test
    void memoryLimit_notASize_shouldFailNamingTheProperty() {
        assertThatThrownBy(() -> Settings.load(Map.of("heavy-ingest.warehouse.duckdb.memory-limit", "lots")))
                .hasMessageContaining("heavy-ingest.warehouse.duckdb.memory-limit")
                .hasMessageContaining("lots");
    }

    @Test
    void abandonedLoad_afterSlicesWereUnnested_shouldLeaveNothingAndKeepThePreviousDatasetCurrent(@TempDir Path dir)
            throws Exception {
        Path first = dir.resolve("first.csv");
        Map<String, Double> expected = writeFile(first, 4, 1);
        Path second = dir.resolve("second.csv");
        writeFile(second, 12, 2);
        HeavyIngestConfig config = config(dir, "heavy-ingest.warehouse.duckdb.unnest-values", "7",
                "heavy-ingest.warehouse.duckdb.max-pool-size", "1");
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            new IngestService(warehouse, config).load(LocalFiles.request(first, null));
            long tablesBefore = warehouse.query("SELECT count(*) FROM duckdb_tables()").singleLong();
            long typesBefore = warehouse.query("SELECT count(*) FROM duckdb_types() WHERE NOT internal").singleLong();

            List<String> calls = new ArrayList<>();
            Staging failingVerify = (datasetId, plan) -> new FailingVerify(warehouse.stage(datasetId, plan), calls);
            assertThatThrownBy(() -> new IngestService(failingVerify, config).load(LocalFiles.request(second, null)))
                    .hasMessageContaining("injected");
            assertThat(calls).contains("append");

            assertThat(warehouse.query("SELECT count(*) FROM duckdb_tables()").singleLong()).isEqualTo(tablesBefore);
            assertThat(warehouse.query("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%stage%'").singleLong())
                    .isZero();
            assertThat(warehouse.query("SELECT count(*) FROM duckdb_types() WHERE NOT internal").singleLong())
                    .isEqualTo(typesBefore);
            assertBitIdentical(published(warehouse), expected);

            // the pooled connection (the pool holds one) is usable again: the retry loads the second file
            new IngestService(warehouse, config).load(LocalFiles.request(second, null));
            assertThat(warehouse.query("SELECT count(*) FROM strategy_pnl").singleLong()).isEqualTo(12L * NAMES.length);
        }
    }

    @Test
    void publish_anotherDatasetPublishedWhileLoading_shouldPublishBothInTurn(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.csv");
        Map<String, Double> expectedFirst = writeFile(first, 6, 4);
        Path second = dir.resolve("second.csv");
        Map<String, Double> expectedSecond = writeFile(second, 9, 5);
        HeavyIngestConfig config = config(dir, "heavy-ingest.warehouse.duckdb.unnest-values", "7");
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            // the second file's load is staged and appended; the first file loads and publishes before it verifies
            Staging interleaved = (datasetId, plan) -> new StagedLoad() {
                private final StagedLoad real = warehouse.stage(datasetId, plan);

                @Override
                public void append(PnlBatch batch) {
                    real.append(batch);
                }

                @Override
                public void verify(long expectedRows) {
                    new IngestService(warehouse, config).load(LocalFiles.request(first, null));
                    assertBitIdentical(published(warehouse), expectedFirst);
                    real.verify(expectedRows);
                }

                @Override
                public String publish(LoadRecord record) {
                    return real.publish(record);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
            new IngestService(interleaved, config).load(LocalFiles.request(second, null));

            assertBitIdentical(published(warehouse), expectedSecond);
            assertThat(warehouse.history()).extracting(r -> r.status().name()).containsExactly("LOADED", "LOADED");
        }
    }

    /** A staged load whose verify fails after the data went through the real append path. */
    private record FailingVerify(StagedLoad real, List<String> calls) implements StagedLoad {
        @Override
        public void append(PnlBatch batch) {
            calls.add("append");
            real.append(batch);
        }

        @Override
        public void verify(long expectedRows) {
            throw new IllegalStateException("injected verify failure");
        }

        @Override
        public String publish(LoadRecord record) {
            return real.publish(record);
        }

        @Override
        public void close() {
            real.close();
        }
    }

}
