package io.heavyingest.ingest;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** A real embedded DuckDB warehouse in a temporary directory, with SQL helpers for assertions. */
final class EmbeddedWarehouseFixture implements AutoCloseable {
    final HeavyIngestConfig config;
    final DuckDbWarehouse warehouse;
    final IngestService service;

    EmbeddedWarehouseFixture(Path dir) {
        this(dir, Map.of());
    }

    EmbeddedWarehouseFixture(Path dir, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put("heavy-ingest.warehouse.duckdb.path", dir.resolve("warehouse.duckdb").toString());
        config = ConfigLoader.load(all);
        warehouse = new DuckDbWarehouse(config);
        service = new IngestService(warehouse, config);
    }

    IngestResult ingestText(String source, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return service.ingest(new IngestRequest(DatasetIds.of(source), source, bytes.length, new ByteArrayInputStream(bytes)));
    }

    long count(String sql) {
        try (Connection c = warehouse.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    double value(String sql) {
        try (Connection c = warehouse.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Tables of the product's datasets (published or staging), not the history. */
    long datasetTables() {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'strategy_pnl_%'");
    }

    long stagingTables() {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%_stage%'");
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
