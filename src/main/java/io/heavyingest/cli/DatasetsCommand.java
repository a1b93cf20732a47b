package io.heavyingest.cli;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.Warehouses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code datasets [--json]}: prints the load history, oldest first. */
final class DatasetsCommand implements Command {

    @Override
    public String summary() {
        return "datasets [--json]                                   show the load history";
    }

    @Override
    public int run(String[] argv) {
        Args args = new Args(argv, Set.of());
        boolean json = args.flag("json");
        args.rejectUnknown();
        HeavyIngestConfig config = ConfigLoader.load();
        List<LoadRecord> history;
        String current;
        try (Warehouse warehouse = Warehouses.open(config)) {
            history = warehouse.history();
            current = warehouse.currentDatasetId().orElse(null);
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LoadRecord r : history) {
                rows.add(row(r, current));
            }
            System.out.println(Json.write(rows));
            return Main.OK;
        }
        if (history.isEmpty()) {
            System.out.println("no loads yet");
            return Main.OK;
        }
        System.out.printf("%-16s  %-9s  %10s  %6s  %4s  %-10s  %-10s  %7s  %s%n",
                "dataset", "status", "rows", "strats", "days", "first", "last", "ms", "source / error");
        for (LoadRecord r : history) {
            System.out.printf("%-16s  %-9s  %,10d  %6d  %4d  %-10s  %-10s  %,7d  %s%s%n",
                    r.datasetId(), r.status(), r.rows(), r.strategies(), r.days(),
                    r.firstDate() == null ? "-" : r.firstDate(), r.lastDate() == null ? "-" : r.lastDate(),
                    r.totalMillis(), r.error() == null ? r.source() : r.error(),
                    r.datasetId().equals(current) && r.status().name().equals("LOADED") ? "  (current)" : "");
        }
        return Main.OK;
    }

    private static Map<String, Object> row(LoadRecord r, String current) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasetId", r.datasetId());
        m.put("status", r.status().name());
        m.put("current", r.datasetId().equals(current));
        m.put("source", r.source());
        m.put("table", r.tableName());
        m.put("bytes", r.bytes());
        m.put("rows", r.rows());
        m.put("strategies", r.strategies());
        m.put("days", r.days());
        m.put("nullValues", r.nullValues());
        m.put("firstDate", r.firstDate() == null ? null : r.firstDate().toString());
        m.put("lastDate", r.lastDate() == null ? null : r.lastDate().toString());
        m.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        m.put("parseMillis", r.parseMillis());
        m.put("loadMillis", r.loadMillis());
        m.put("totalMillis", r.totalMillis());
        m.put("error", r.error());
        return m;
    }
}
