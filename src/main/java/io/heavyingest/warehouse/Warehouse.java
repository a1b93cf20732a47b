package io.heavyingest.warehouse;

import io.heavyingest.schema.TablePlan;

import java.util.List;
import java.util.Optional;

/**
 * Where datasets land. The loader talks only to this interface, so the embedded DuckDB default and HeavyDB are
 * interchangeable. Implementations keep one physical table per dataset, a stable current-dataset name readers
 * use, and a load-history table.
 */
public interface Warehouse extends AutoCloseable {

    /** Short kind, for logs and reports: "duckdb" or "heavydb". */
    String kind();

    /** Where the data lives, without secrets: a file path or host:port/database. */
    String location();

    /** The successful load of {@code datasetId}, if it was published before. */
    Optional<LoadRecord> publishedLoad(String datasetId);

    /** Starts a load: removes leftovers of an earlier interrupted attempt and creates an empty staging table. */
    StagedLoad stage(String datasetId, TablePlan plan);

    /** Appends a row to the load history (failures and duplicates; published loads are recorded by publish). */
    void recordAttempt(LoadRecord record);

    /** Every load attempt, oldest first. */
    List<LoadRecord> history();

    /** Id of the current dataset, if any was published. */
    Optional<String> currentDatasetId();

    /** The current dataset as a matrix, or empty when none was published. */
    Optional<PnlMatrix> currentMatrix();

    @Override
    void close();
}
