package io.heavyingest.optimize;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.LoopbackHeavyDb;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.ingest.LocalFiles;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;
import io.heavyingest.warehouse.heavydb.HeavyDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same file loaded into embedded DuckDB and into HeavyDB (the Thrift protocol on a loopback server) and read
 * back: the two warehouses list the strategies in different orders, and the optimizer must still give the same
 * runs, portfolio and fitness for the same seed.
 */
class WarehouseDeterminismTest {

    @Test
    void optimize_sameFileFromDuckDbAndHeavyDb_shouldGiveTheSamePortfolio(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pnl.csv");
        PnlFileGenerator.write(GeneratorSpec.of(30, 120, 8), file);
        HeavyIngestConfig config = ConfigLoader.load(Map.of("heavy-ingest.warehouse.duckdb.path", ":memory:determinism"));
        PnlMatrix fromDuckDb;
        try (DuckDbWarehouse duck = new DuckDbWarehouse(config)) {
            new IngestService(duck, config).load(LocalFiles.request(file, null));
            fromDuckDb = duck.currentMatrix().orElseThrow();
        }
        PnlMatrix fromHeavyDb;
        try (LoopbackHeavyDb server = new LoopbackHeavyDb();
             HeavyDbWarehouse heavy = HeavyDbWarehouse.open(config,
                     ConfigLoader.load(HeavyDbConfig.class, Map.of()), server.endpoint())) {
            new IngestService(heavy, config).load(LocalFiles.request(file, null));
            fromHeavyDb = heavy.currentMatrix().orElseThrow();
        }
        assertThat(fromDuckDb.strategies()).as("the warehouses list strategies in different orders")
                .isNotEqualTo(fromHeavyDb.strategies())
                .containsExactlyInAnyOrderElementsOf(fromHeavyDb.strategies());

        OptimizationService service = new OptimizationService(ConfigLoader.load(OptimizeConfig.class,
                Map.of("heavy-ingest.optimize.polish.budget", "3000")));
        OptimizationRequest request = OptimizationRequest.of(new SizeRange(5, 8), List.of(Algorithm.values()), 3, 500)
                .withPolishBudget(3000);
        OptimizationResult a = service.optimize(fromDuckDb, request);
        OptimizationResult b = service.optimize(fromHeavyDb, request);

        assertThat(service.prepare(fromDuckDb).fingerprint()).isEqualTo(service.prepare(fromHeavyDb).fingerprint());
        assertThat(b.best().strategies()).isEqualTo(a.best().strategies());
        assertThat(b.best().fitness()).isEqualTo(a.best().fitness());
        for (int i = 0; i < a.runs().size(); i++) {
            assertThat(b.runs().get(i).strategies()).isEqualTo(a.runs().get(i).strategies());
            assertThat(b.runs().get(i).fitness()).isEqualTo(a.runs().get(i).fitness());
        }
    }
}
