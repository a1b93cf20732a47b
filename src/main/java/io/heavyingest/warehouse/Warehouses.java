package io.heavyingest.warehouse;

import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;

/** Opens the configured warehouse: the embedded DuckDB default unless another kind is configured. */
public final class Warehouses {
    private Warehouses() {
    }

    public static Warehouse open(HeavyIngestConfig config) {
        String kind = config.warehouse().kind();
        if ("duckdb".equalsIgnoreCase(kind)) {
            return new DuckDbWarehouse(config);
        }
        throw new IllegalArgumentException("unknown warehouse kind \"" + kind + "\" (heavy-ingest.warehouse.kind): use duckdb");
    }
}
