package io.heavyingest.warehouse.heavydb;

import io.heavyingest.heavydb.LoadColumn;
import io.heavyingest.heavydb.QueryResult;
import io.heavyingest.heavydb.ResultColumn;
import io.heavyingest.heavydb.SqlText;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.warehouse.StoredPlans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load-history table in HeavyDB: one row per attempt. Rows are written with a one-row columnar load, so
 * sources and error messages travel as data and never as SQL text. HeavyDB has no sequences; the attempt id is
 * a per-process increasing count of microseconds since epoch, which also orders the history.
 */
final class HeavyDbHistory {
    static final String TABLE = "load_history";
    /** The table plan of the load as JSON text; added to histories created before plans were recorded. */
    static final String PLAN_COLUMN = "table_plan";
    static final String PLAN_COLUMN_DDL = PLAN_COLUMN + " TEXT ENCODING DICT(32)";

    private static final List<String> COLUMNS = List.of("attempt_id", "dataset_id", "source_uri", "load_status",
            "table_name", "byte_count", "row_count", "strategy_count", "day_count", "null_count", "first_date",
            "last_date", "started_at_ms", "parse_millis", "load_millis", "total_millis", "error_message", PLAN_COLUMN);
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final AtomicLong LAST_ID = new AtomicLong();

    private HeavyDbHistory() {
    }

    /** Times are BIGINT milliseconds since epoch: unambiguous on the wire in both directions. */
    static String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
                + "  attempt_id BIGINT NOT NULL,\n"
                + "  dataset_id TEXT NOT NULL ENCODING DICT(32),\n"
                + "  source_uri TEXT ENCODING DICT(32),\n"
                + "  load_status TEXT NOT NULL ENCODING DICT(8),\n"
                + "  table_name TEXT ENCODING DICT(32),\n"
                + "  byte_count BIGINT,\n"
                + "  row_count BIGINT,\n"
                + "  strategy_count INTEGER,\n"
                + "  day_count INTEGER,\n"
                + "  null_count BIGINT,\n"
                + "  first_date DATE ENCODING DAYS(32),\n"
                + "  last_date DATE ENCODING DAYS(32),\n"
                + "  started_at_ms BIGINT,\n"
                + "  parse_millis BIGINT,\n"
                + "  load_millis BIGINT,\n"
                + "  total_millis BIGINT,\n"
                + "  error_message TEXT ENCODING DICT(32),\n"
                + "  " + PLAN_COLUMN_DDL + "\n"
                + ")";
    }

    static String selectAll() {
        return "SELECT " + String.join(", ", COLUMNS) + " FROM " + TABLE + " ORDER BY attempt_id";
    }

    /** The published load of one dataset: filtered by the server, not in Java. */
    static String selectPublished(String datasetId) {
        return "SELECT " + String.join(", ", COLUMNS) + " FROM " + TABLE + " WHERE dataset_id = "
                + SqlText.literal(datasetId) + " AND load_status = " + SqlText.literal(LoadStatus.LOADED.name())
                + " ORDER BY attempt_id LIMIT 1";
    }

    /** The latest row that made one dataset current: its load or a later republish. */
    static String selectLastPublished(String datasetId) {
        return "SELECT " + String.join(", ", COLUMNS) + " FROM " + TABLE + " WHERE dataset_id = "
                + SqlText.literal(datasetId) + " AND load_status IN (" + SqlText.literal(LoadStatus.LOADED.name())
                + ", " + SqlText.literal(LoadStatus.REPUBLISHED.name()) + ") ORDER BY attempt_id DESC LIMIT 1";
    }

    static long nextAttemptId() {
        long now = Math.multiplyExact(System.currentTimeMillis(), 1000L);
        return LAST_ID.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** The one-row load of {@code r}. */
    static List<LoadColumn> row(LoadRecord r, long attemptId) {
        return List.of(
                ints("attempt_id", attemptId),
                LoadColumn.strings("dataset_id", Arrays.asList(r.datasetId())),
                LoadColumn.strings("source_uri", Arrays.asList(r.source())),
                LoadColumn.strings("load_status", Arrays.asList(r.status().name())),
                LoadColumn.strings("table_name", Arrays.asList(r.tableName())),
                ints("byte_count", r.bytes()),
                ints("row_count", r.rows()),
                ints("strategy_count", r.strategies()),
                ints("day_count", r.days()),
                ints("null_count", r.nullValues()),
                date("first_date", r.firstDate()),
                date("last_date", r.lastDate()),
                r.startedAt() == null ? nullInt("started_at_ms") : ints("started_at_ms", r.startedAt().toEpochMilli()),
                ints("parse_millis", r.parseMillis()),
                ints("load_millis", r.loadMillis()),
                ints("total_millis", r.totalMillis()),
                LoadColumn.strings("error_message", Arrays.asList(r.error())),
                LoadColumn.strings(PLAN_COLUMN, Arrays.asList(StoredPlans.write(r.plan()))));
    }

    private static LoadColumn ints(String name, long value) {
        return LoadColumn.longs(name, new long[] {value}, null);
    }

    private static LoadColumn nullInt(String name) {
        return LoadColumn.longs(name, new long[] {0}, new boolean[] {true});
    }

    private static LoadColumn date(String name, LocalDate date) {
        return date == null ? nullInt(name) : ints(name, date.toEpochDay() * SECONDS_PER_DAY);
    }

    /** History rows from the result of {@link #selectAll()}. */
    static List<LoadRecord> read(QueryResult r) {
        ResultColumn.Strings dataset = strings(r, "dataset_id");
        ResultColumn.Strings source = strings(r, "source_uri");
        ResultColumn.Strings status = strings(r, "load_status");
        ResultColumn.Strings table = strings(r, "table_name");
        ResultColumn.Strings error = strings(r, "error_message");
        ResultColumn.Strings plan = strings(r, PLAN_COLUMN);
        List<LoadRecord> out = new ArrayList<>(r.rowCount());
        for (int i = 0; i < r.rowCount(); i++) {
            Long started = longOrNull(r, "started_at_ms", i);
            LoadRecord.Counts counts = new LoadRecord.Counts(longOrZero(r, "byte_count", i),
                    longOrZero(r, "row_count", i), (int) longOrZero(r, "strategy_count", i),
                    (int) longOrZero(r, "day_count", i), longOrZero(r, "null_count", i),
                    dateOrNull(r, "first_date", i), dateOrNull(r, "last_date", i));
            LoadRecord.Timings timings = new LoadRecord.Timings(started == null ? null : Instant.ofEpochMilli(started),
                    longOrZero(r, "parse_millis", i), longOrZero(r, "load_millis", i),
                    longOrZero(r, "total_millis", i));
            out.add(new LoadRecord(text(dataset, i), text(source, i), LoadStatus.valueOf(text(status, i)),
                    text(table, i), counts, timings, text(error, i), StoredPlans.read(text(plan, i))));
        }
        return out;
    }

    private static ResultColumn.Strings strings(QueryResult r, String name) {
        return r.strings(name);
    }

    private static String text(ResultColumn.Strings c, int row) {
        return c.isNull(row) ? null : c.values().get(row);
    }

    private static Long longOrNull(QueryResult r, String name, int row) {
        ResultColumn.Ints c = r.ints(name);
        return c.isNull(row) ? null : c.values()[row];
    }

    private static long longOrZero(QueryResult r, String name, int row) {
        Long v = longOrNull(r, name, row);
        return v == null ? 0 : v;
    }

    private static LocalDate dateOrNull(QueryResult r, String name, int row) {
        Long seconds = longOrNull(r, name, row);
        return seconds == null ? null : LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    }
}
