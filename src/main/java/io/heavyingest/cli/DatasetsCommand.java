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
        m.put("current", r.status().name().equals("LOADED") && r.datasetId().equals(current));
        m.putAll(Summary.record(r));
        return m;
    }
}
