package io.heavyingest.warehouse;

import io.heavyingest.schema.TablePlan;

import java.time.Instant;
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

    /**
     * Claims the load of {@code datasetId} for {@code owner} until {@code expiresAt}, unless another owner holds an
     * unexpired claim. Guards against two processes loading the same object at once; a claim whose holder died
     * lapses at {@code expiresAt}. The default grants every claim: right for a single writer (one process, or
     * reserved concurrency 1).
     *
     * @return true when {@code owner} now holds the claim
     */
    default boolean claim(String datasetId, String owner, Instant expiresAt) {
        return true;
    }

    /** Gives up {@code owner}'s claim on {@code datasetId}; a no-op when another owner holds it. */
    default void releaseClaim(String datasetId, String owner) {
    }

    /** Every load attempt, oldest first. */
    List<LoadRecord> history();

    /** Id of the current dataset, if any was published. */
    Optional<String> currentDatasetId();

    /** The current dataset as a matrix, or empty when none was published. */
    Optional<PnlMatrix> currentMatrix();

    @Override
    void close();
}
