package io.heavyingest.cli;

import io.heavyingest.ingest.IngestResult;
import io.heavyingest.warehouse.LoadRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** The summary of one ingest, as text for people and as a JSON object for scripts. */
final class Summary {
    private Summary() {
    }

    /** One load-history row as JSON fields, shared by {@code ingest --json} and {@code datasets --json}. */
    static Map<String, Object> record(LoadRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasetId", r.datasetId());
        m.put("status", r.status().name());
        m.put("source", r.source());
        m.put("table", r.tableName());
        m.put("rows", r.rows());
        m.put("strategies", r.strategies());
        m.put("days", r.days());
        m.put("nullValues", r.nullValues());
        m.put("firstDate", r.firstDate() == null ? null : r.firstDate().toString());
        m.put("lastDate", r.lastDate() == null ? null : r.lastDate().toString());
        m.put("bytes", r.bytes());
        m.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        m.put("parseMillis", r.parseMillis());
        m.put("loadMillis", r.loadMillis());
        m.put("totalMillis", r.totalMillis());
        m.put("error", r.error());
        return m;
    }

    static Map<String, Object> json(IngestResult result) {
        LoadRecord r = result.record();
        Map<String, Object> m = record(r);
        m.put("mbPerSecond", mbPerSecond(r));
        m.put("warehouse", result.warehouse());
        m.put("location", result.location());
        if (result.plan() != null) {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("profile", result.plan().profile());
            plan.put("dictionaryBits", result.plan().dictionaryBits());
            plan.put("dateEncoding", "DAYS(" + result.plan().dateEncoding().bits() + ")");
            plan.put("fragmentRows", result.plan().fragmentRows());
            plan.put("sortColumn", result.plan().sortColumn());
            plan.put("reasons", result.plan().reasons());
            m.put("plan", plan);
        }
        return m;
    }

    static String text(IngestResult result) {
        LoadRecord r = result.record();
        StringBuilder sb = new StringBuilder();
        if (result.duplicate()) {
            sb.append(String.format("%s was already loaded as dataset %s (table %s): nothing to do%n",
                    r.source(), r.datasetId(), r.tableName()));
            return sb.toString();
        }
        sb.append(String.format("Loaded %s into %s%n", r.source(), result.warehouse()));
        sb.append(String.format("  dataset      %s (table %s)%n", r.datasetId(), r.tableName()));
        sb.append(String.format("  rows         %,d = %,d strategies x %,d days (%,d NULL values)%n",
                r.rows(), r.strategies(), r.days(), r.nullValues()));
        sb.append(String.format("  dates        %s .. %s%n", r.firstDate(), r.lastDate()));
        if (result.plan() != null) {
            sb.append(String.format("  table plan   %s%n", result.plan().summary()));
            for (String reason : result.plan().reasons()) {
                sb.append(String.format("               - %s%n", reason));
            }
        }
        sb.append(String.format("  time         parse %,d ms, load %,d ms, total %,d ms%n",
                r.parseMillis(), r.loadMillis(), r.totalMillis()));
        sb.append(String.format("  throughput   %.1f MB/s (%,d bytes)%n", mbPerSecond(r), r.bytes()));
        sb.append(String.format("  warehouse    %s%n", result.location()));
        return sb.toString();
    }

    static double mbPerSecond(LoadRecord r) {
        return r.totalMillis() <= 0 ? 0 : Math.round(r.bytes() / 1e3 / r.totalMillis() * 10) / 10.0;
    }
}
