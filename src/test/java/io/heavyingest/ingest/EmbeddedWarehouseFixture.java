package io.heavyingest.ingest;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.testsupport.Delivered;
import io.heavyingest.testsupport.MemoryObjectStore;
import io.heavyingest.warehouse.Warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real embedded DuckDB warehouse in a temporary directory, built by the composition root, with deliveries from
 * an in-memory bucket or local files, and SQL helpers for assertions.
 */
final class EmbeddedWarehouseFixture implements AutoCloseable {
    final Settings settings;
    final Components components;
    final Warehouse warehouse;
    final MemoryObjectStore memory = new MemoryObjectStore();
    final ObjectIngestService fromMemory;
    final ObjectIngestService fromFiles;

    EmbeddedWarehouseFixture(Path dir) {
        this(dir, Map.of());
    }

    EmbeddedWarehouseFixture(Path dir, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put("heavy-ingest.warehouse.duckdb.path", dir.resolve("warehouse.duckdb").toString());
        all.put("heavy-ingest.warehouse.kind", "DUCKDB");
        settings = Settings.load(all);
        components = Components.open(settings);
        warehouse = components.warehouse();
        fromMemory = components.delivery(memory, null);
        fromFiles = components.delivery(new LocalObjectStore(), dir.resolve("bucket").toString());
    }

    /** Delivers {@code csv} as the object {@code source}, dataset id derived from the name. */
    Delivered ingestText(String source, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return Delivered.deliver(fromMemory, memory.put(source, bytes), DatasetIds.of(source));
    }

    /** Delivers a local file as the local command does. */
    Delivered ingestFile(Path file) {
        return Delivered.deliver(fromFiles, LocalObjectStore.ref(file), null);
    }

    long count(String sql) {
        return warehouse.query(sql).singleLong();
    }

    double value(String sql) {
        return warehouse.query(sql).singleDouble();
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
        components.close();
    }
}
