package io.heavyingest.app;

import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.heavydb.LoopbackHeavyDb;
import io.heavyingest.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrimingTest {

    @TempDir
    Path folder;

    @Test
    void synthetic_onDuckDb_shouldParseEveryValueAndWriteNothing() {
        Settings settings = Settings.load(Map.of("heavy-ingest.warehouse.kind", "duckdb",
                "heavy-ingest.warehouse.duckdb.path", folder.resolve("w.duckdb").toString(),
                "heavy-ingest.ingest.batch-values", "5000"));
        try (Warehouse warehouse = Components.openWarehouse(settings)) {
            Priming.Result result = Priming.synthetic(settings, warehouse, 82, 300);

            assertThat(result.rows()).isEqualTo(82L * 300);
            assertThat(result.encodedBytes()).isZero();
            assertThat(warehouse.history()).isEmpty();
            assertThat(warehouse.currentDatasetId()).isEmpty();
        }
    }

    @Test
    void synthetic_onHeavyDb_shouldEncodeLoadCallsAndSendNone() throws Exception {
        try (LoopbackHeavyDb server = new LoopbackHeavyDb()) {
            Settings settings = Settings.load(Map.of("heavy-ingest.heavydb.url", server.url(),
                    "heavy-ingest.heavydb.password", LoopbackHeavyDb.PASSWORD,
                    "heavy-ingest.ingest.batch-values", "5000"));
            try (Warehouse warehouse = Components.openWarehouse(settings)) {
                List<String> before = server.statements();

                Priming.Result result = Priming.synthetic(settings, warehouse, 82, 300);

                assertThat(result.rows()).isEqualTo(82L * 300);
                // each row at least: an 8-byte date, a length-prefixed name, an 8-byte value and its NULL flag
                assertThat(result.encodedBytes()).isGreaterThan(result.rows() * (8 + 4 + 8 + 1));
                assertThat(server.loads()).isEmpty();
                assertThat(server.statements()).isEqualTo(before);
            }
        }
    }

    @Test
    void file_sameSeed_shouldBeTheSameBusinessDaysAndParseAsWritten() throws Exception {
        byte[] a = Priming.file(10, 50, 7L);

        assertThat(Priming.file(10, 50, 7L)).isEqualTo(a);
        try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(a), "priming")) {
            assertThat(reader.header().strategies()).hasSize(50);
            WideRow row = new WideRow(50);
            int days = 0;
            while (reader.next(row)) {
                assertThat(row.date().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
                assertThat(row.missingCount()).isZero();
                days++;
            }
            assertThat(days).isEqualTo(10);
        }
    }
}
