package io.heavyingest.warehouse;

import io.heavyingest.optimize.DatasetReader;

/**
 * One warehouse engine: the embedded DuckDB default or HeavyDB. Callers depend on the narrow concern they use
 * ({@link Staging} to load, {@link LoadHistory} and {@link LoadClaims} to decide deliveries, {@link DatasetReader}
 * and {@link Queries} to read, {@link Inspection} to describe a table); this type only ties them to one engine and one lifetime. Implementations keep one physical table per
 * dataset, a stable current-dataset name readers use, and a load-history table.
 */
public interface Warehouse extends Staging, LoadHistory, LoadClaims, DatasetReader, Queries, Inspection,
        AutoCloseable {

    /** Short kind, for logs and reports: "duckdb" or "heavydb". */
    String kind();

    /** Where the data lives, without secrets: a file path or host:port/database. */
    String location();

    @Override
    void close();
}
