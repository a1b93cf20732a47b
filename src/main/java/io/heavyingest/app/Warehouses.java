package io.heavyingest.app;

import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;
import io.heavyingest.warehouse.heavydb.HeavyDbWarehouse;

import java.util.Optional;
import java.util.function.Function;

/** The one decision of which warehouse to open, from {@code heavy-ingest.warehouse.kind} and the HeavyDB URL. */
final class Warehouses {
    private Warehouses() {
    }

    static Warehouse open(HeavyIngestConfig config, HeavyDbConfig heavydb, Function<String, String> environment) {
        Optional<HeavyDbEndpoint> endpoint = HeavyDbEndpoint.resolve(heavydb, environment);
        return switch (config.warehouse().kind()) {
            case DUCKDB -> new DuckDbWarehouse(config);
            case HEAVYDB -> HeavyDbWarehouse.open(config, heavydb, endpoint.orElseThrow(() -> new IllegalArgumentException(
                    "heavy-ingest.warehouse.kind is HEAVYDB but no server is set: set HEAVYDB_URL"
                            + " (heavydb://user@host:6274/database) and HEAVYDB_PASSWORD")));
            case AUTO -> endpoint.isPresent()
                    ? HeavyDbWarehouse.open(config, heavydb, endpoint.get())
                    : new DuckDbWarehouse(config);
        };
    }
}
