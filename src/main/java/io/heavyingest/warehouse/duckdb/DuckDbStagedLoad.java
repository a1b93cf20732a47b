package io.heavyingest.warehouse.duckdb;

import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.RowCountMismatchException;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.WarehouseException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * A DuckDB load. Staging keeps the file's own shape, one row per date with a {@code DOUBLE[]} of all strategies,
 * so the appender makes one call per file row instead of one per value; a names table keeps the header order.
 * Verifying unnests both into the long table (still unseen) and checks its count; publishing renames it and
 * repoints the current view in one transaction, so readers see the old dataset or the whole new one, never a part.
 */
final class DuckDbStagedLoad implements StagedLoad {
    interface HistoryWriter {
        void insert(Connection c, LoadRecord record) throws SQLException;
    }

    private final Connection connection;
    private final String staging;
    private final String names;
    private final String longTable;
    private final String longTableDdl;
    private final String strategyType;
    private final String target;
    private final String currentView;
    private final HistoryWriter history;
    private DuckDBAppender rows;
    private boolean namesWritten;
    private boolean verified;
    private boolean published;

    DuckDbStagedLoad(Connection connection, String staging, String target, TablePlan plan, String currentView,
                     HistoryWriter history) {
        this.connection = connection;
        this.staging = staging;
        this.names = staging + "_names";
        this.longTable = staging + "_long";
        this.strategyType = DuckDbDdl.strategyType(target);
        this.longTableDdl = DuckDbDdl.createTable(plan, longTable, strategyType);
        this.target = target;
        this.currentView = currentView;
        this.history = history;
    }

    /** Creates the staging tables, replacing leftovers of an interrupted attempt. */
    void create() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + staging);
            st.execute("DROP TABLE IF EXISTS " + names);
            st.execute("DROP TABLE IF EXISTS " + longTable);
            st.execute("DROP TYPE IF EXISTS " + strategyType);
            st.execute("CREATE TABLE " + staging + " (trade_date DATE NOT NULL, pnl DOUBLE[] NOT NULL)");
            st.execute("CREATE TABLE " + names + " (ord INTEGER NOT NULL, strategy VARCHAR NOT NULL)");
        }
    }

    @Override
    public void append(PnlBatch batch) {
        try {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            if (!namesWritten) {
                writeNames(duck, batch.strategies());
            }
            if (rows == null) {
                rows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging);
            }
            int width = batch.width();
            double[] pnl = batch.pnlColumn();
            boolean[] nulls = batch.nullColumn();
            for (int r = 0, n = batch.fileRows(); r < n; r++) {
                int from = r * width;
                rows.beginRow();
                rows.appendEpochDays(batch.epochDay(from));
                rows.append(Arrays.copyOfRange(pnl, from, from + width), Arrays.copyOfRange(nulls, from, from + width));
                rows.endRow();
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot append to " + staging + ": " + e.getMessage(), e);
        }
    }

    private void writeNames(DuckDBConnection duck, List<String> strategies) throws SQLException {
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, names)) {
            for (int i = 0; i < strategies.size(); i++) {
                appender.beginRow();
                appender.append(i);
                appender.append(strategies.get(i));
                appender.endRow();
            }
        }
        namesWritten = true;
    }

    @Override
    public void verify(long expectedRows) {
        try {
            if (rows != null) {
                rows.close();
                rows = null;
            }
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + longTable);
                st.execute("DROP TYPE IF EXISTS " + strategyType);
                st.execute(DuckDbDdl.createStrategyType(strategyType, names));
                st.execute(longTableDdl);
                // the enum's values and a row's P&L list unnest in lockstep: the i-th value belongs to the i-th name
                st.execute("INSERT INTO " + longTable + " SELECT trade_date, unnest(enum_range(NULL::" + strategyType
                        + ")), unnest(pnl) FROM " + staging + " ORDER BY trade_date");
                long actual = count(st, longTable);
                if (actual != expectedRows) {
                    throw new RowCountMismatchException(longTable, expectedRows, actual);
                }
            }
            verified = true;
        } catch (SQLException e) {
            throw new WarehouseException("cannot build " + longTable + " from " + staging + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String publish(LoadRecord record) {
        if (!verified) {
            throw new IllegalStateException("publish before verify: " + staging);
        }
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + target);
                st.execute("ALTER TABLE " + longTable + " RENAME TO " + target);
                st.execute("CREATE OR REPLACE VIEW " + currentView + " AS SELECT trade_date, strategy, pnl FROM " + target);
                st.execute("DROP TABLE " + staging);
                st.execute("DROP TABLE " + names);
                history.insert(connection, record);
                connection.commit();
                published = true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return target;
        } catch (SQLException e) {
            throw new WarehouseException("cannot publish " + longTable + " as " + target + ": " + e.getMessage(), e);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                DuckDbWarehouse.closeQuietly(rows);
                rows = null;
            }
            if (!published) {
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + staging);
                    st.execute("DROP TABLE IF EXISTS " + names);
                    st.execute("DROP TABLE IF EXISTS " + longTable);
                    st.execute("DROP TYPE IF EXISTS " + strategyType);
                } catch (SQLException ignored) {
                    // a dead connection: the next attempt drops the leftover staging tables first
                }
            }
        } finally {
            DuckDbWarehouse.closeQuietly(connection);
        }
    }
}
