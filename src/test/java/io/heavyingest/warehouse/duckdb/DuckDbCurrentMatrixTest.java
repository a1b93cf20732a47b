package io.heavyingest.warehouse.duckdb;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.ingest.LocalFiles;
import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DuckDbCurrentMatrixTest {

    @Test
    void currentMatrix_loadedFileWithBlankCells_shouldBeStrategyMajorWithNullsCountedAsZero(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("pnl.csv");
        Files.writeString(csv, """
                Date,Day,beta,alpha,gamma
                2024-01-11,Thursday,1.5,,3.25
                2024-01-04,Thursday,-2.0,4.0,
                2024-01-18,Thursday,0.0,7.5,-1.0
                """);
        HeavyIngestConfig config = ConfigLoader.load(Map.of("heavy-ingest.warehouse.duckdb.path", ":memory:matrix"));
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            new IngestService(warehouse, config).load(LocalFiles.request(csv, null));

            PnlMatrix m = warehouse.currentMatrix().orElseThrow();

            // the strategy dictionary keeps the header's order
            assertThat(m.strategies()).containsExactly("beta", "alpha", "gamma");
            assertThat(m.dates()).containsExactly(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 11),
                    LocalDate.of(2024, 1, 18));
            assertThat(m.values()).containsExactly(
                    -2.0, 1.5, 0.0,     // beta
                    4.0, 0.0, 7.5,      // alpha: 2024-01-11 was blank
                    0.0, 3.25, -1.0);   // gamma: 2024-01-04 was blank
            assertThat(m.nullCount()).isEqualTo(2);
        }
    }

    @Test
    void currentMatrix_nothingLoaded_shouldBeEmpty() {
        HeavyIngestConfig config = ConfigLoader.load(Map.of("heavy-ingest.warehouse.duckdb.path", ":memory:empty"));
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(config)) {
            assertThat(warehouse.currentMatrix()).isEmpty();
        }
    }
}
