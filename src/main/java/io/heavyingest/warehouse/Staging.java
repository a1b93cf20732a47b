package io.heavyingest.warehouse;

import io.heavyingest.schema.TablePlan;

/** The bulk-load path: datasets are staged out of readers' sight, verified, then published in one step. */
public interface Staging {

    /** Starts a load: removes leftovers of an earlier interrupted attempt and creates an empty staging table. */
    StagedLoad stage(String datasetId, TablePlan plan);
}
