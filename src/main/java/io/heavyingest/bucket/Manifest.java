package io.heavyingest.bucket;

import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The hand-off written after a successful load: what was loaded, where, and how long it took. Its arrival under
 * the manifests prefix triggers the benchmark.
 *
 * @param datasetId deterministic id of the object version
 * @param object the object version that was loaded
 * @param table physical table of the dataset
 * @param currentTable stable name readers use for the current dataset
 * @param warehouse warehouse kind
 * @param location where the warehouse keeps the data, without secrets
 * @param rows long-table rows
 * @param strategies strategy count
 * @param days date rows
 * @param nullValues empty cells stored as NULL
 * @param firstDate earliest date, yyyy-MM-dd
 * @param lastDate latest date, yyyy-MM-dd
 * @param timings where the time went
 * @param loadedAt when the load began, ISO-8601
 * @param plan the table plan the load applied, as recorded in the load history (null for loads recorded before
 *             plans were stored)
 */
@RegisterForReflection
public record Manifest(String datasetId, ObjectIdentity object, String table, String currentTable, String warehouse,
                       String location, long rows, int strategies, int days, long nullValues, String firstDate,
                       String lastDate, Timings timings, String loadedAt, TablePlan plan) {

    /** The manifest of the published load {@code loaded}. */
    public static Manifest of(String datasetId, ObjectIdentity object, LoadRecord loaded, String currentTable,
                              String warehouse, String location) {
        return new Manifest(datasetId, object, loaded.tableName(), currentTable, warehouse, location, loaded.rows(),
                loaded.strategies(), loaded.days(), loaded.nullValues(), text(loaded.firstDate()),
                text(loaded.lastDate()), new Timings(loaded.parseMillis(), loaded.loadMillis(), loaded.totalMillis()),
                text(loaded.startedAt()), loaded.plan());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * @param parseMillis reading and parsing
     * @param loadMillis warehouse appends, verification and publish
     * @param totalMillis wall time of the load
     */
    @RegisterForReflection
    public record Timings(long parseMillis, long loadMillis, long totalMillis) {
    }
}
