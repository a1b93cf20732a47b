package io.heavyingest.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.heavyingest.app.Components;
import io.heavyingest.json.Json;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;

import java.util.List;
import java.util.Set;

/** {@code datasets [--json]}: prints the load history, oldest first. */
final class DatasetsCommand implements Command {

    /**
     * One history row as printed by {@code datasets --json}.
     *
     * @param current whether this is the published load of the current dataset
     * @param record the history row
     */
    record Row(boolean current, @JsonUnwrapped LoadRecord record) {
    }

    @Override
    public String summary() {
        return "datasets [--json]                                   show the load history";
    }

    @Override
    public int run(String[] argv, Context context) {
        Args args = new Args(argv, Set.of());
        boolean json = args.flag("json");
        args.rejectUnknown();
        List<LoadRecord> history;
        String current;
        try (Components components = context.open()) {
            history = components.warehouse().history();
            current = components.warehouse().currentDatasetId().orElse(null);
        }
        // the row that made the current dataset current: its load, or a later republish of it
        int currentRow = -1;
        for (int i = 0; i < history.size(); i++) {
            LoadRecord r = history.get(i);
            if (r.datasetId().equals(current)
                    && (r.status() == LoadStatus.LOADED || r.status() == LoadStatus.REPUBLISHED)) {
                currentRow = i;
            }
        }
        if (json) {
            List<Row> rows = new java.util.ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                rows.add(new Row(i == currentRow, history.get(i)));
            }
            System.out.println(Json.line(rows));
            return Main.OK;
        }
        if (history.isEmpty()) {
            System.out.println("no loads yet");
            return Main.OK;
        }
        System.out.printf("%-16s  %-11s  %10s  %6s  %4s  %-10s  %-10s  %7s  %s%n",
                "dataset", "status", "rows", "strats", "days", "first", "last", "ms", "source / error");
        for (int i = 0; i < history.size(); i++) {
            LoadRecord r = history.get(i);
            System.out.printf("%-16s  %-11s  %,10d  %6d  %4d  %-10s  %-10s  %,7d  %s%s%n",
                    r.datasetId(), r.status(), r.rows(), r.strategies(), r.days(),
                    r.firstDate() == null ? "-" : r.firstDate(), r.lastDate() == null ? "-" : r.lastDate(),
                    r.totalMillis(), r.error() == null ? r.source() : r.error(),
                    i == currentRow ? "  (current)" : "");
        }
        return Main.OK;
    }
}
