package io.heavyingest.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.heavyingest.delivery.ObjectOutcome;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Warehouse;

import java.util.List;

/**
 * The summary of one ingest: text for people, and (through Jackson) one JSON object for scripts: the history row's
 * fields, the throughput, the warehouse, and the table plan when one was applied.
 *
 * @param record the load-history row of this attempt (a duplicate shows the earlier load's figures)
 * @param mbPerSecond bytes over total time
 * @param warehouse warehouse kind
 * @param location where the warehouse keeps the data, without secrets
 * @param plan the plan applied (null for a duplicate)
 */
record Summary(@JsonUnwrapped LoadRecord record, double mbPerSecond, String warehouse, String location, Plan plan) {

    /**
     * @param profile schema profile
     * @param dictionaryBits DICT width of the strategy column
     * @param dateEncoding DAYS(16) or DAYS(32)
     * @param fragmentRows fragment_size
     * @param sortColumn sort_column
     * @param reasons why, one line per decision
     */
    record Plan(String profile, int dictionaryBits, String dateEncoding, long fragmentRows, String sortColumn,
                List<String> reasons) {
        static Plan of(TablePlan p) {
            return new Plan(p.profile(), p.dictionaryBits(), "DAYS(" + p.dateEncoding().bits() + ")", p.fragmentRows(),
                    p.sortColumn(), p.reasons());
        }
    }

    /** The summary of a LOADED, REPUBLISHED or DUPLICATE outcome. */
    static Summary of(ObjectOutcome outcome, Warehouse warehouse) {
        if (outcome instanceof ObjectOutcome.Loaded loaded) {
            LoadRecord r = loaded.result().record();
            return new Summary(r, mbPerSecond(r), warehouse.kind(), warehouse.location(), Plan.of(loaded.result().plan()));
        }
        if (outcome instanceof ObjectOutcome.Republished again) {
            return new Summary(again.record(), 0, warehouse.kind(), warehouse.location(), null);
        }
        ObjectOutcome.Duplicate duplicate = (ObjectOutcome.Duplicate) outcome;
        LoadRecord r = duplicate.earlier();
        LoadRecord shown = LoadRecord.duplicateOf(r, r.source(), r.timings());
        return new Summary(shown, mbPerSecond(r), warehouse.kind(), warehouse.location(), null);
    }

    String text() {
        LoadRecord r = record;
        StringBuilder sb = new StringBuilder();
        if (plan == null && r.status() == io.heavyingest.warehouse.LoadStatus.REPUBLISHED) {
            sb.append(String.format("%s holds dataset %s again: made current again from its table %s, nothing read%n",
                    r.source(), r.datasetId(), r.tableName()));
            return sb.toString();
        }
        if (plan == null) {
            sb.append(String.format("%s was already loaded as dataset %s (table %s): nothing to do%n",
                    r.source(), r.datasetId(), r.tableName()));
            return sb.toString();
        }
        sb.append(String.format("Loaded %s into %s%n", r.source(), warehouse));
        sb.append(String.format("  dataset      %s (table %s)%n", r.datasetId(), r.tableName()));
        sb.append(String.format("  rows         %,d = %,d strategies x %,d days (%,d NULL values)%n",
                r.rows(), r.strategies(), r.days(), r.nullValues()));
        sb.append(String.format("  dates        %s .. %s%n", r.firstDate(), r.lastDate()));
        sb.append(String.format("  table plan   DICT(%d) strategy, %s trade_date, fragment_size=%,d, sort_column=%s%n",
                plan.dictionaryBits(), plan.dateEncoding(), plan.fragmentRows(), plan.sortColumn()));
        for (String reason : plan.reasons()) {
            sb.append(String.format("               - %s%n", reason));
        }
        sb.append(String.format("  time         parse %,d ms, load %,d ms, total %,d ms%n",
                r.parseMillis(), r.loadMillis(), r.totalMillis()));
        sb.append(String.format("  throughput   %.1f MB/s (%,d bytes)%n", mbPerSecond, r.bytes()));
        sb.append(String.format("  warehouse    %s%n", location));
        return sb.toString();
    }

    static double mbPerSecond(LoadRecord r) {
        return r.totalMillis() <= 0 ? 0 : Math.round(r.bytes() / 1e3 / r.totalMillis() * 10) / 10.0;
    }
}
