package io.heavyingest.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.heavyingest.schema.TablePlan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the load history: one attempt to load one dataset. Built by the named factories ({@link #loaded},
 * {@link #duplicateOf}, {@link #republishedOf}, {@link #failed}); the warehouses' history readers are the only other callers of the
 * constructor. Serialized flat: the counts and timings appear as fields of the record itself.
 *
 * @param datasetId deterministic id of the source object version
 * @param source where the data came from (file path or s3://bucket/key)
 * @param status outcome
 * @param tableName physical table of the dataset (null when nothing was published)
 * @param counts what was read and loaded
 * @param timings when the attempt began and where its time went
 * @param error the error message (null unless FAILED)
 * @param plan the table plan chosen at load time, as it was recorded (null when nothing was planned, and for
 *             loads recorded before plans were stored)
 */
public record LoadRecord(
        String datasetId,
        String source,
        LoadStatus status,
        @JsonProperty("table") String tableName,
        @JsonUnwrapped Counts counts,
        @JsonUnwrapped Timings timings,
        String error,
        TablePlan plan) {

    /** A history row without a plan (attempts that planned nothing). */
    public LoadRecord(String datasetId, String source, LoadStatus status, String tableName, Counts counts,
                      Timings timings, String error) {
        this(datasetId, source, status, tableName, counts, timings, error, null);
    }

    /** This record with the table plan its load applied. */
    public LoadRecord withPlan(TablePlan tablePlan) {
        return new LoadRecord(datasetId, source, status, tableName, counts, timings, error, tablePlan);
    }

    /**
     * @param bytes bytes read from the source
     * @param rows long-table rows loaded
     * @param strategies strategy columns
     * @param days date rows
     * @param nullValues empty cells stored as NULL
     * @param firstDate earliest date (null when unknown)
     * @param lastDate latest date (null when unknown)
     */
    public record Counts(long bytes, long rows, int strategies, int days, long nullValues, LocalDate firstDate,
                         LocalDate lastDate) {

        /** Nothing loaded: only {@code bytes} were read. */
        public static Counts bytesOnly(long bytes) {
            return new Counts(bytes, 0, 0, 0, 0, null, null);
        }
    }

    /**
     * @param startedAt when the attempt began
     * @param parseMillis time spent reading and parsing
     * @param loadMillis time spent in the warehouse (appends, verification, publish)
     * @param totalMillis wall time of the attempt
     */
    public record Timings(Instant startedAt, long parseMillis, long loadMillis, long totalMillis) {

        /** An attempt that did no parsing or loading, only took {@code totalMillis}. */
        public static Timings total(Instant startedAt, long totalMillis) {
            return new Timings(startedAt, 0, 0, totalMillis);
        }
    }

    /** A dataset published into {@code table}. */
    public static LoadRecord loaded(String datasetId, String source, String table, Counts counts, Timings timings) {
        return new LoadRecord(datasetId, source, LoadStatus.LOADED, table, counts, timings, null);
    }

    /** Another delivery of the dataset {@code earlier} published: same table and counts, its own timing. */
    public static LoadRecord duplicateOf(LoadRecord earlier, String source, Timings timings) {
        return new LoadRecord(earlier.datasetId(), source, LoadStatus.DUPLICATE, earlier.tableName(), earlier.counts(),
                timings, null, earlier.plan());
    }

    /**
     * The dataset {@code earlier} published made current again from its kept table (a re-upload of the same content):
     * same table and counts, its own timing, nothing read.
     */
    public static LoadRecord republishedOf(LoadRecord earlier, String source, Timings timings) {
        return new LoadRecord(earlier.datasetId(), source, LoadStatus.REPUBLISHED, earlier.tableName(),
                earlier.counts(), timings, null, earlier.plan());
    }

    /** An attempt that published nothing, with its (already escaped) error text. */
    public static LoadRecord failed(String datasetId, String source, long bytesRead, Timings timings, String error) {
        return new LoadRecord(datasetId, source, LoadStatus.FAILED, null, Counts.bytesOnly(bytesRead), timings, error);
    }

    public long bytes() { return counts.bytes(); }

    public long rows() { return counts.rows(); }

    public int strategies() { return counts.strategies(); }

    public int days() { return counts.days(); }

    public long nullValues() { return counts.nullValues(); }

    public LocalDate firstDate() { return counts.firstDate(); }

    public LocalDate lastDate() { return counts.lastDate(); }

    public Instant startedAt() { return timings.startedAt(); }

    public long parseMillis() { return timings.parseMillis(); }

    public long loadMillis() { return timings.loadMillis(); }

    public long totalMillis() { return timings.totalMillis(); }
}
