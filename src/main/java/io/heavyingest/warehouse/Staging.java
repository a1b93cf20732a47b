package io.heavyingest.warehouse;

import io.heavyingest.schema.TablePlan;

/** The bulk-load path: datasets are staged out of readers' sight, verified, then published in one step. */
public interface Staging {

    /** Starts a load: removes leftovers of an earlier interrupted attempt and creates an empty staging table. */
    StagedLoad stage(String datasetId, TablePlan plan);

    /**
     * Makes the already-published dataset of {@code record} current again from its kept table, without reading its
     * source again, and records {@code record} (a {@link LoadStatus#REPUBLISHED} row) with it.
     *
     * @return false, with nothing changed, when the dataset's table is gone or incomplete, or the warehouse cannot
     *         republish (the default): the caller loads it anew
     */
    default boolean republish(LoadRecord record) {
        return false;
    }

    /**
     * Drops what killed attempts left behind where no reader looks (staging tables, the spare tables and views of a
     * publish), except the current dataset and anything of a dataset for which {@code loadingElsewhere} answers true
     * (a live loader may still use it). A warehouse whose publish is one transaction and whose staging names are
     * reused by the next attempt leaves nothing to drop.
     *
     * @return the names dropped
     */
    default java.util.List<String> dropLeftovers(java.util.function.Predicate<String> loadingElsewhere) {
        return java.util.List.of();
    }
}
