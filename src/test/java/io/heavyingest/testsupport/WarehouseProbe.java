package io.heavyingest.testsupport;

import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks into the test warehouse: history rows of a dataset, row counts and which of its tables exist. */
public final class WarehouseProbe {
    private final Warehouse warehouse;
    private final DuckDbWarehouse duckdb;

    public WarehouseProbe(Warehouse warehouse) {
        this.warehouse = warehouse;
        Warehouse real = warehouse instanceof FaultInjectingWarehouse f ? f.real() : warehouse;
        this.duckdb = (DuckDbWarehouse) real;
    }

    /** Statuses of the dataset's history rows, oldest first. */
    public List<LoadStatus> statuses(String datasetId) {
        return history(datasetId).stream().map(LoadRecord::status).toList();
    }

    public List<LoadRecord> history(String datasetId) {
        return warehouse.history().stream().filter(r -> r.datasetId().equals(datasetId)).toList();
    }

    public long count(String table) {
        return queryLong("SELECT count(*) FROM " + io.heavyingest.schema.Identifiers.checked(table));
    }

    /** Tables and views whose name mentions the dataset id (published table, staging leftovers). */
    public List<String> tablesOf(String datasetId) {
        List<String> names = new ArrayList<>();
        try (Connection c = duckdb.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT table_name FROM information_schema.tables WHERE table_name LIKE ? ORDER BY 1")) {
            ps.setString(1, "%" + datasetId + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private long queryLong(String sql) {
        try (Connection c = duckdb.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
