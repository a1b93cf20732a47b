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
     * @return false, with nothing changed, when the dataset's table is gone or incomplete: the caller loads it anew
     */
    boolean republish(LoadRecord record);
}
