package io.heavyingest.ingest;

import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;

/**
 * What a load published.
 *
 * @param record the load-history row written by the publish step (its total excludes the short publish itself,
 *               so the history and the manifest show the same figure)
 * @param plan the table plan applied
 */
public record IngestResult(LoadRecord record, TablePlan plan) {
}
