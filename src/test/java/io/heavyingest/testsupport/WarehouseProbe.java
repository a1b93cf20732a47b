package io.heavyingest.testsupport;

import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.warehouse.Warehouse;

import java.util.List;

/** Looks into the test warehouse: history rows of a dataset, row counts and which of its tables exist. */
public final class WarehouseProbe {
    private final Warehouse warehouse;

    public WarehouseProbe(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Statuses of the dataset's history rows, oldest first. */
    public List<LoadStatus> statuses(String datasetId) {
        return history(datasetId).stream().map(LoadRecord::status).toList();
    }

    public List<LoadRecord> history(String datasetId) {
        return warehouse.history().stream().filter(r -> r.datasetId().equals(datasetId)).toList();
    }

    public long count(String table) {
        return warehouse.query("SELECT count(*) FROM " + io.heavyingest.schema.Identifiers.checked(table)).singleLong();
    }

    /** Tables and views whose name mentions the dataset id (published table, staging leftovers). */
    public List<String> tablesOf(String datasetId) {
        if (!datasetId.matches("[0-9a-z_]+")) {
            throw new IllegalArgumentException("not a dataset id: " + datasetId);
        }
        return warehouse.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%"
                + datasetId + "%' ORDER BY 1").rows().stream().map(r -> (String) r.get(0)).toList();
    }
}
