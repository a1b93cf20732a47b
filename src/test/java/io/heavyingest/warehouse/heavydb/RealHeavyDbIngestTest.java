package io.heavyingest.warehouse.heavydb;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.testsupport.Delivered;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.ingest.DatasetIds;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.ingest.LocalFiles;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same ingest against a real HeavyDB, opt-in: runs only when HEAVYDB_URL (and HEAVYDB_PASSWORD or
 * HEAVYDB_PASSWORD_FILE) point at a server. Uses its own current-view name so it never repoints the real
 * {@code strategy_pnl}, and drops its tables afterwards (its history rows stay, as history should).
 */
class RealHeavyDbIngestTest {

    @TempDir
    Path dir;

    @Test
    void ingest_againstRealServer_shouldPublishEveryRowWithThePlannedSchema() throws Exception {
        // the one allowed kind of skip: no server configured on this machine
        assumeTrue(System.getenv("HEAVYDB_URL") != null,
                "HEAVYDB_URL is not set: skipping the ingest against a real HeavyDB");
        String view = "heavy_ingest_it_pnl";
        Settings settings = Settings.load(Map.of("heavy-ingest.heavydb.reuse-session", "false",
                "heavy-ingest.schema.current-table", view, "heavy-ingest.warehouse.kind", "HEAVYDB"));
        Path file = dir.resolve("it.csv");
        PnlFileGenerator.write(GeneratorSpec.of(12, 300, 11), file);
        String id = DatasetIds.of("real-heavydb-it-" + System.nanoTime());
        String table = view + "_" + id;

        try (HeavyDbWarehouse warehouse = (HeavyDbWarehouse) Components.openWarehouse(settings)) {
            try {
                Delivered result = Delivered.deliver(Components.on(settings, warehouse)
                        .delivery(new LocalObjectStore(), dir.resolve("bucket").toString()), LocalObjectStore.ref(file), id);

                assertThat(result.record().status()).isEqualTo(LoadStatus.LOADED);
                assertThat(warehouse.count(view)).isEqualTo(12L * 300);
                AppliedSchema applied = warehouse.appliedSchema(table).orElseThrow();
                assertThat(applied.fragmentSize()).isEqualTo(result.plan().fragmentRows());
                assertThat(applied.column("strategy").orElseThrow().encoding())
                        .isEqualTo("DICT(" + result.plan().dictionaryBits() + ")");
                assertThat(applied.column("trade_date").orElseThrow().encoding())
                        .isEqualTo("DAYS(" + result.plan().dateEncoding().bits() + ")");
                assertThat(warehouse.publishedLoad(id)).isPresent();
                PnlMatrix m = warehouse.currentMatrix().orElseThrow();
                assertThat(m.days()).isEqualTo(12);
                assertThat(m.strategyCount()).isEqualTo(300);
            } finally {
                warehouse.query("DROP VIEW IF EXISTS " + view);
                warehouse.dropQuietly(table);
                warehouse.dropQuietly(table + "_stage");
            }
        }
    }
}
