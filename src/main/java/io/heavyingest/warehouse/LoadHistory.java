package io.heavyingest.warehouse;

import java.util.List;
import java.util.Optional;

/** The load history: one row per attempt to load a dataset, and what is published now. */
public interface LoadHistory {

    /**
     * The successful load of {@code datasetId}, if it was published before: one lookup filtered by the warehouse
     * ({@code WHERE dataset_id = ...}), never a scan of the history in Java.
     */
    Optional<LoadRecord> publishedLoad(String datasetId);

    /**
     * The latest attempt that made {@code datasetId} current (its load or a later republish), if any: one lookup
     * filtered by the warehouse, like {@link #publishedLoad}.
     */
    Optional<LoadRecord> lastPublished(String datasetId);

    /** Appends a row to the load history (failures and duplicates; published loads are recorded by publish). */
    void recordAttempt(LoadRecord record);

    /** Every load attempt, oldest first. */
    List<LoadRecord> history();

    /** Id of the current dataset, if any was published. */
    Optional<String> currentDatasetId();
}
