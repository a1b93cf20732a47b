package io.heavyingest.warehouse;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;
import io.heavyingest.warehouse.heavydb.HeavyDbWarehouse;

import java.util.Map;
import java.util.Optional;

/**
 * Opens the configured warehouse: HeavyDB when a HeavyDB URL is set ({@code heavy-ingest.heavydb.url} or
 * {@code HEAVYDB_URL}) or the kind is {@code heavydb}, else the embedded DuckDB default.
 */
public final class Warehouses {
    private Warehouses() {
    }

    public static Warehouse open(HeavyIngestConfig config) {
        return open(config, ConfigLoader.load(HeavyDbConfig.class, Map.of()));
    }

    public static Warehouse open(HeavyIngestConfig config, HeavyDbConfig heavydb) {
        String kind = config.warehouse().kind();
        Optional<HeavyDbEndpoint> endpoint = HeavyDbEndpoint.resolve(heavydb, System::getenv);
        if (endpoint.isPresent()) {
            return HeavyDbWarehouse.open(config, heavydb, endpoint.get());
        }
        if ("heavydb".equalsIgnoreCase(kind)) {
            throw new IllegalArgumentException("heavy-ingest.warehouse.kind is heavydb but no server is set:"
                    + " set HEAVYDB_URL (heavydb://user@host:6274/database) and HEAVYDB_PASSWORD");
        }
        if ("duckdb".equalsIgnoreCase(kind)) {
            return new DuckDbWarehouse(config);
        }
        throw new IllegalArgumentException("unknown warehouse kind \"" + kind
                + "\" (heavy-ingest.warehouse.kind): use duckdb or heavydb");
    }
}
