package io.heavyingest.warehouse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the load history: one attempt to load one dataset.
 *
 * @param datasetId deterministic id of the source object version
 * @param source where the data came from (file path or s3://bucket/key with version)
 * @param status outcome
 * @param tableName physical table of the dataset (null when nothing was published)
 * @param bytes bytes read from the source
 * @param rows long-table rows loaded
 * @param strategies strategy columns
 * @param days date rows
 * @param nullValues empty cells stored as NULL
 * @param firstDate earliest date (null when unknown)
 * @param lastDate latest date (null when unknown)
 * @param startedAt when the attempt began
 * @param parseMillis time spent reading and parsing
 * @param loadMillis time spent in the warehouse (appends, verification, publish)
 * @param totalMillis wall time of the attempt
 * @param error the error message (null on success)
 */
public record LoadRecord(
        String datasetId,
        String source,
        LoadStatus status,
        String tableName,
        long bytes,
        long rows,
        int strategies,
        int days,
        long nullValues,
        LocalDate firstDate,
        LocalDate lastDate,
        Instant startedAt,
        long parseMillis,
        long loadMillis,
        long totalMillis,
        String error) {
}
