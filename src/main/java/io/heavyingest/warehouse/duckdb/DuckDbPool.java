package io.heavyingest.warehouse.duckdb;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.warehouse.WarehouseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** Opens the Agroal pool over the embedded DuckDB database. */
final class DuckDbPool {
    private static final String MEMORY_PREFIX = ":memory:";

    private DuckDbPool() {
    }

    /** JDBC URL for a configured path: a file, or {@code :memory:name} for a named in-memory database. */
    static String jdbcUrl(String path) {
        if (path.startsWith(MEMORY_PREFIX)) {
            String name = path.substring(MEMORY_PREFIX.length());
            if (name.isEmpty()) {
                // every pooled connection would get its own empty database
                throw new IllegalArgumentException("an in-memory DuckDB warehouse needs a name: \":memory:<name>\"");
            }
            return "jdbc:duckdb:memory:" + name;
        }
        return "jdbc:duckdb:" + Path.of(path).toAbsolutePath();
    }

    static AgroalDataSource open(HeavyIngestConfig.DuckDb config) {
        String path = config.path();
        if (!path.startsWith(MEMORY_PREFIX)) {
            try {
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new WarehouseException("cannot create the warehouse directory for " + path, e);
            }
        }
        var supplier = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(Math.max(1, config.maxPoolSize()))
                        .minSize(0)
                        .initialSize(0)
                        .acquisitionTimeout(Duration.ofSeconds(60))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(jdbcUrl(path))
                                    .connectionProviderClassName("org.duckdb.DuckDBDriver");
                            if (config.threads() > 0) {
                                factory.jdbcProperty("threads", Integer.toString(config.threads()));
                            }
                            factory.jdbcProperty("memory_limit", config.memoryLimit());
                            return factory;
                        }));
        try {
            return AgroalDataSource.from(supplier);
        } catch (SQLException e) {
            throw new WarehouseException("cannot open the DuckDB warehouse at " + path, e);
        }
    }
}
