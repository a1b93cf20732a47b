package io.heavyingest.ingest;

import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;

/**
 * What a load did.
 *
 * @param record the load-history row written for this attempt
 * @param plan the table plan applied (null for a duplicate, which creates no table)
 * @param warehouse warehouse kind
 * @param location where the warehouse keeps the data, without secrets
 */
public record IngestResult(LoadRecord record, TablePlan plan, String warehouse, String location) {

    public boolean duplicate() {
        return record.status() == io.heavyingest.warehouse.LoadStatus.DUPLICATE;
    }
}
