package io.heavyingest.warehouse.duckdb;

import io.heavyingest.config.HeavyIngestConfig.PnlCompression;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.RowCountMismatchException;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.WarehouseException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * A DuckDB load: one transaction from the staging table to the verified long table, so nothing of a load exists for
 * other connections before {@link #verify} and a load abandoned earlier is rolled back whole; verify commits the long
 * table (no view points at it yet) and publish is a second, short transaction, as before.
 *
 * <p>Staging keeps the file's own shape, one row per date with a {@code DOUBLE[]} of all strategies, in a temporary
 * table (connection-private, never written to the database file), so the appender makes one call per file row.
 * Every {@code unnest-values} values (default 4 Mi, 32 MiB, about 160 production rows) the staged rows are unnested
 * into the long table and the staging table starts again empty: memory holds one such slice, whatever the file's
 * length. The long table receives rows in file order
 * (a production file is in date order, so row-group zone maps still prune date ranges); no sort is needed, and none
 * would be possible without holding the whole file. The strategy list is cast to the dataset's ENUM once per load,
 * and each row's P&amp;L list is unnested in lockstep with it: the i-th value belongs to the i-th name.
 */
final class DuckDbStagedLoad implements StagedLoad {
    private static final Logger LOG = Logger.getLogger(DuckDbStagedLoad.class);

    interface HistoryWriter {
        void insert(Connection c, LoadRecord record) throws SQLException;
    }

    /** How a load stores its data: the P&amp;L column's compression and the values staged per unnest. */
    record Storage(PnlCompression pnlCompression, long unnestValues) {
    }

    private final Connection connection;
    private final String staging;
    private final String names;
    private final String keys;
    private final String longTable;
    private final String longTableDdl;
    private final String strategyType;
    private final String target;
    private final String currentView;
    private final HistoryWriter history;
    private final long unnestValues;
    private DuckDBAppender rows;
    private boolean prepared;
    private long stagedValues;
    private boolean verified;
    private boolean published;
    private long dictionaryNanos;
    private long appendNanos;
    private long unnestNanos;
    private long countNanos;
    private long commitNanos;
    private long unnests;

    DuckDbStagedLoad(Connection connection, String staging, String target, TablePlan plan, Storage storage,
                     String currentView, HistoryWriter history) {
        this.connection = connection;
        this.staging = staging;
        this.names = staging + "_names";
        this.keys = staging + "_keys";
        this.longTable = staging + "_long";
        this.strategyType = DuckDbDdl.strategyType(target);
        this.longTableDdl = DuckDbDdl.createTable(plan, longTable, strategyType, storage.pnlCompression());
        this.unnestValues = Math.max(1, storage.unnestValues());
        this.target = target;
        this.currentView = currentView;
        this.history = history;
    }

    /** Drops leftovers of an interrupted attempt (of builds that committed staging), then opens the load's transaction. */
    void create() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + staging);
            st.execute("DROP TABLE IF EXISTS " + names);
            st.execute("DROP TABLE IF EXISTS " + keys);
            st.execute("DROP TABLE IF EXISTS " + longTable);
            st.execute("DROP TYPE IF EXISTS " + strategyType);
            connection.setAutoCommit(false);
            st.execute(createStaging());
            st.execute("CREATE TEMP TABLE " + names + " (ord INTEGER NOT NULL, strategy VARCHAR NOT NULL)");
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            throw e;
        }
    }

    private String createStaging() {
        return "CREATE TEMP TABLE " + staging + " (trade_date DATE NOT NULL, pnl DOUBLE[] NOT NULL)";
    }

    @Override
    public void append(PnlBatch batch) {
        try {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            if (!prepared) {
                long t = System.nanoTime();
                writeNames(duck, batch.strategies());
                prepareLongTable();
                dictionaryNanos += System.nanoTime() - t;
            }
            int width = batch.width();
            double[] pnl = batch.pnlColumn();
            boolean[] nulls = batch.nullColumn();
            long t = System.nanoTime();
            for (int r = 0, n = batch.fileRows(); r < n; r++) {
                if (rows == null) {
                    rows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging);
                }
                int from = r * width;
                rows.beginRow();
                rows.appendEpochDays(batch.epochDay(from));
                rows.append(Arrays.copyOfRange(pnl, from, from + width), Arrays.copyOfRange(nulls, from, from + width));
                rows.endRow();
                stagedValues += width;
                if (stagedValues >= unnestValues) {
                    appendNanos += System.nanoTime() - t;
                    unnestStaged();
                    t = System.nanoTime();
                }
            }
            appendNanos += System.nanoTime() - t;
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
    }

    /** The dictionary type, the long table and the names cast to the dictionary once, as one list. */
    private void prepareLongTable() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(DuckDbDdl.createStrategyType(strategyType, names));
            st.execute(longTableDdl);
            // one list of dictionary keys in header order, cast once (a row per name would cast per value)
            st.execute("CREATE TEMP TABLE " + keys + " AS SELECT list(strategy::" + strategyType
                    + " ORDER BY ord) AS strategies FROM " + names);
        }
        prepared = true;
    }

    /** Moves the staged rows into the long table and empties the staging table (dropped: a delete keeps the memory). */
    private void unnestStaged() throws SQLException {
        long t = System.nanoTime();
        if (rows != null) {
            rows.close();
            rows = null;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO " + longTable + " SELECT s.trade_date, unnest(k.strategies), unnest(s.pnl) FROM "
                    + staging + " s, " + keys + " k");
            st.execute("DROP TABLE " + staging);
            st.execute(createStaging());
        }
        stagedValues = 0;
        unnests++;
        unnestNanos += System.nanoTime() - t;
    }

    @Override
    public void verify(long expectedRows) {
        try {
            if (!prepared) {
                prepareLongTable(); // a load without rows: the empty dictionary and table
            }
            if (stagedValues > 0 || rows != null) {
                unnestStaged();
            }
            long t = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                long actual = count(st, longTable);
                if (actual != expectedRows) {
                    throw new RowCountMismatchException(longTable, expectedRows, actual);
                }
                st.execute("DROP TABLE " + staging);
                st.execute("DROP TABLE " + names);
                st.execute("DROP TABLE " + keys);
            }
            countNanos += System.nanoTime() - t;
            t = System.nanoTime();
            // the long table is committed unseen (no view points at it), so the publish transaction starts now and
            // stays short: a publish of another dataset meanwhile cannot conflict with it
            connection.commit();
            connection.setAutoCommit(true);
            commitNanos += System.nanoTime() - t;
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
        long t = System.nanoTime();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + target);
                st.execute("ALTER TABLE " + longTable + " RENAME TO " + target);
                st.execute("CREATE OR REPLACE VIEW " + currentView + " AS SELECT trade_date, strategy, pnl FROM " + target);
                history.insert(connection, record);
                connection.commit();
                published = true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            LOG.debugf("%s in %d slice(s), phases: dictionary=%d append=%d unnest=%d count=%d commit=%d publish=%d",
                    target, unnests, dictionaryNanos / 1_000_000, appendNanos / 1_000_000, unnestNanos / 1_000_000,
                    countNanos / 1_000_000, commitNanos / 1_000_000, (System.nanoTime() - t) / 1_000_000);
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
                try {
                    if (!connection.getAutoCommit()) {
                        connection.rollback(); // before verify: the staging, the dictionary and the long table go with it
                        connection.setAutoCommit(true);
                    }
                    if (verified) { // committed unseen by verify
                        try (Statement st = connection.createStatement()) {
                            st.execute("DROP TABLE IF EXISTS " + longTable);
                            st.execute("DROP TYPE IF EXISTS " + strategyType);
                        }
                    }
                } catch (SQLException ignored) {
                    // a dead connection: the next attempt drops the leftovers first
                }
            }
        } finally {
            DuckDbWarehouse.closeQuietly(connection);
        }
    }
}
