package io.heavyingest.warehouse.duckdb;

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
import java.util.List;

/** A DuckDB staging table filled through the native appender and published in one transaction. */
final class DuckDbStagedLoad implements StagedLoad {
    interface HistoryWriter {
        void insert(Connection c, LoadRecord record) throws SQLException;
    }

    private final Connection connection;
    private final String staging;
    private final String target;
    private final String currentView;
    private final HistoryWriter history;
    private DuckDBAppender appender;
    private boolean published;

    DuckDbStagedLoad(Connection connection, String staging, String target, String currentView, HistoryWriter history) {
        this.connection = connection;
        this.staging = staging;
        this.target = target;
        this.currentView = currentView;
        this.history = history;
    }

    @Override
    public void append(PnlBatch batch) {
        try {
            if (appender == null) {
                appender = connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging);
            }
            List<String> names = batch.strategies();
            int[] days = batch.epochDayColumn();
            int[] strategies = batch.strategyIndexColumn();
            double[] pnl = batch.pnlColumn();
            boolean[] nulls = batch.nullColumn();
            for (int i = 0, n = batch.size(); i < n; i++) {
                appender.beginRow();
                appender.appendEpochDays(days[i]);
                appender.append(names.get(strategies[i]));
                if (nulls[i]) {
                    appender.appendNull();
                } else {
                    appender.append(pnl[i]);
                }
                appender.endRow();
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot append to " + staging + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String publish(long expectedRows, LoadRecord record) {
        try {
            if (appender != null) {
                appender.close();
                appender = null;
            }
            long actual;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM " + staging)) {
                rs.next();
                actual = rs.getLong(1);
            }
            if (actual != expectedRows) {
                throw new RowCountMismatchException(staging, expectedRows, actual);
            }
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + target);
                st.execute("ALTER TABLE " + staging + " RENAME TO " + target);
                st.execute("CREATE OR REPLACE VIEW " + currentView + " AS SELECT trade_date, strategy, pnl FROM " + target);
                history.insert(connection, record);
                connection.commit();
                published = true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return target;
        } catch (SQLException e) {
            throw new WarehouseException("cannot publish " + staging + " as " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (appender != null) {
                DuckDbWarehouse.closeQuietly(appender);
                appender = null;
            }
            if (!published) {
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + staging);
                } catch (SQLException ignored) {
                    // a dead connection: the next attempt drops the leftover staging table first
                }
            }
        } finally {
            DuckDbWarehouse.closeQuietly(connection);
        }
    }
}
