package io.heavyingest.warehouse.duckdb;

import io.agroal.api.AgroalDataSource;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.schema.Identifiers;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.ClaimHolder;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.StoredPlans;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The embedded default warehouse: DuckDB in-process, pooled by Agroal. */
public final class DuckDbWarehouse implements Warehouse {
    static final String HISTORY_TABLE = "load_history";

    private static final String HISTORY_COLUMNS = "dataset_id, source, status, table_name, bytes, row_count, "
            + "strategy_count, day_count, null_count, first_date, last_date, started_at, parse_millis, "
            + "load_millis, total_millis, error, table_plan";

    private final AgroalDataSource pool;
    private final String location;
    private final String currentTable;
    private final DuckDbClaims claims;
    private final DuckDbStagedLoad.Storage storage;

    public DuckDbWarehouse(HeavyIngestConfig config) {
        this.pool = DuckDbPool.open(config.warehouse().duckdb());
        this.location = config.warehouse().duckdb().path();
        this.currentTable = Identifiers.checked(config.schema().currentTable());
        this.storage = new DuckDbStagedLoad.Storage(config.warehouse().duckdb().pnlCompression(),
                config.warehouse().duckdb().unnestValues());
        createHistory();
        this.claims = new DuckDbClaims(pool);
    }

    private void createHistory() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SEQUENCE IF NOT EXISTS " + HISTORY_TABLE + "_seq");
            st.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
                    + "attempt_id BIGINT PRIMARY KEY DEFAULT nextval('" + HISTORY_TABLE + "_seq'), "
                    + "recorded_at TIMESTAMP DEFAULT current_timestamp, "
                    + "dataset_id VARCHAR NOT NULL, source VARCHAR, status VARCHAR NOT NULL, table_name VARCHAR, "
                    + "bytes BIGINT, row_count BIGINT, strategy_count INTEGER, day_count INTEGER, null_count BIGINT, "
                    + "first_date DATE, last_date DATE, started_at TIMESTAMP, parse_millis BIGINT, "
                    + "load_millis BIGINT, total_millis BIGINT, error VARCHAR, table_plan VARCHAR)");
            // histories created before plans were recorded: their old rows read as "no plan"
            st.execute("ALTER TABLE " + HISTORY_TABLE + " ADD COLUMN IF NOT EXISTS table_plan VARCHAR");
        } catch (SQLException e) {
            throw new WarehouseException("cannot create the load history in " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return "duckdb";
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Optional<LoadRecord> publishedLoad(String datasetId) {
        List<LoadRecord> found = queryHistory(
                " WHERE dataset_id = ? AND status = 'LOADED' ORDER BY attempt_id LIMIT 1", datasetId);
        return found.stream().findFirst();
    }

    @Override
    public Optional<LoadRecord> lastPublished(String datasetId) {
        return queryHistory(" WHERE dataset_id = ? AND status IN ('LOADED', 'REPUBLISHED') ORDER BY attempt_id DESC"
                + " LIMIT 1", datasetId).stream().findFirst();
    }

    /**
     * Repoints the current view at the dataset's kept table and records the row, in one transaction. Reloading
     * instead would fail: the table's ENUM type cannot be replaced while the table depends on it. A table with a
     * count other than the recorded one (never left by a publish, which is one transaction) is not reused.
     */
    @Override
    public boolean republish(LoadRecord record) {
        String target = Identifiers.checked(record.tableName());
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                boolean complete = false;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?")) {
                    ps.setString(1, target);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            try (ResultSet n = st.executeQuery("SELECT count(*) FROM " + target)) {
                                n.next();
                                complete = n.getLong(1) == record.rows();
                            }
                        }
                    }
                }
                if (!complete) {
                    c.rollback();
                    return false;
                }
                st.execute("CREATE OR REPLACE VIEW " + currentTable + " AS SELECT trade_date, strategy, pnl FROM "
                        + target);
                insertHistory(c, record);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot publish " + target + " again: " + e.getMessage(), e);
        }
    }

    @Override
    public StagedLoad stage(String datasetId, TablePlan plan) {
        String staging = Identifiers.stagingTable(currentTable, datasetId);
        String target = Identifiers.datasetTable(currentTable, datasetId);
        Connection c = null;
        try {
            c = pool.getConnection();
            DuckDbStagedLoad load = new DuckDbStagedLoad(c, staging, target, plan, storage,
                    currentTable, this::insertHistory);
            load.create();
            return load;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new WarehouseException("cannot create staging table " + staging + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void recordAttempt(LoadRecord record) {
        try (Connection c = pool.getConnection()) {
            insertHistory(c, record);
        } catch (SQLException e) {
            throw new WarehouseException("cannot record the load attempt: " + e.getMessage(), e);
        }
    }

    void insertHistory(Connection c, LoadRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + HISTORY_TABLE + " (" + HISTORY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, make_timestamp(?), ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.datasetId());
            ps.setString(2, r.source());
            ps.setString(3, r.status().name());
            ps.setString(4, r.tableName());
            ps.setLong(5, r.bytes());
            ps.setLong(6, r.rows());
            ps.setInt(7, r.strategies());
            ps.setInt(8, r.days());
            ps.setLong(9, r.nullValues());
            setDate(ps, 10, r.firstDate());
            setDate(ps, 11, r.lastDate());
            // as microseconds since epoch in SQL both ways: the JDBC timestamp conversions apply the JVM's zone
            if (r.startedAt() == null) {
                ps.setNull(12, java.sql.Types.BIGINT);
            } else {
                ps.setLong(12, Math.addExact(Math.multiplyExact(r.startedAt().getEpochSecond(), 1_000_000L),
                        r.startedAt().getNano() / 1_000));
            }
            ps.setLong(13, r.parseMillis());
            ps.setLong(14, r.loadMillis());
            ps.setLong(15, r.totalMillis());
            ps.setString(16, r.error());
            ps.setString(17, StoredPlans.write(r.plan()));
            ps.executeUpdate();
        }
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    @Override
    public boolean claim(String datasetId, String owner, Instant expiresAt) {
        return claims.claim(datasetId, owner, expiresAt);
    }

    @Override
    public void releaseClaim(String datasetId, String owner) {
        claims.release(datasetId, owner);
    }

    @Override
    public boolean holdsClaims() {
        return true;
    }

    @Override
    public Optional<ClaimHolder> holder(String datasetId) {
        return claims.holder(datasetId);
    }

    @Override
    public List<LoadRecord> history() {
        return queryHistory(" ORDER BY attempt_id");
    }

    private List<LoadRecord> queryHistory(String where, String... args) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + HISTORY_COLUMNS.replace("started_at", "epoch_us(started_at)")
                     + " FROM " + HISTORY_TABLE + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<LoadRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long micros = rs.getLong(12);
                    java.time.Instant started = rs.wasNull() ? null
                            : java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
                    LoadRecord.Counts counts = new LoadRecord.Counts(rs.getLong(5), rs.getLong(6), rs.getInt(7),
                            rs.getInt(8), rs.getLong(9), localDate(rs.getDate(10)), localDate(rs.getDate(11)));
                    LoadRecord.Timings timings = new LoadRecord.Timings(started,
                            rs.getLong(13), rs.getLong(14), rs.getLong(15));
                    out.add(new LoadRecord(rs.getString(1), rs.getString(2), LoadStatus.valueOf(rs.getString(3)),
                            rs.getString(4), counts, timings, rs.getString(16), StoredPlans.read(rs.getString(17))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the load history: " + e.getMessage(), e);
        }
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    @Override
    public Optional<String> currentDatasetId() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT dataset_id FROM " + HISTORY_TABLE
                     + " WHERE status IN ('LOADED', 'REPUBLISHED') ORDER BY attempt_id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the current dataset: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PnlMatrix> currentMatrix() {
        return currentDatasetId().flatMap(this::matrix);
    }

    @Override
    public Optional<PnlMatrix> matrix(String datasetId) {
        Optional<LoadRecord> load = publishedLoad(datasetId);
        if (load.isEmpty() || !tableExists(load.get().tableName())) {
            return Optional.empty();
        }
        String table = Identifiers.checked(load.get().tableName());
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            List<String> strategies = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT strategy FROM (SELECT DISTINCT strategy FROM " + table
                    + ") ORDER BY strategy")) {
                while (rs.next()) {
                    strategies.add(rs.getString(1));
                }
            }
            List<LocalDate> dates = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT trade_date FROM (SELECT DISTINCT trade_date FROM "
                    + table + ") ORDER BY trade_date")) {
                while (rs.next()) {
                    dates.add(rs.getObject(1, LocalDate.class));
                }
            }
            int days = dates.size();
            double[] values = new double[strategies.size() * days];
            long cells = 0;
            long nulls = 0;
            try (ResultSet rs = st.executeQuery(cellIndexQuery(table, days))) {
                while (rs.next()) {
                    int cell = rs.getInt(1);
                    double v = rs.getDouble(2);
                    if (rs.wasNull()) {
                        nulls++;
                        v = 0;
                    }
                    values[cell] = v;
                    cells++;
                }
            }
            long absent = (long) values.length - cells;   // cells without a row read as 0 as well
            return Optional.of(new PnlMatrix(datasetId, List.copyOf(dates), List.copyOf(strategies), values,
                    nulls + absent));
        } catch (SQLException e) {
            throw new WarehouseException("cannot read dataset " + datasetId + ": " + e.getMessage(), e);
        }
    }

    private boolean tableExists(String table) {
        if (table == null) {
            return false;
        }
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot look up table " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each row's position in the strategy-major matrix, computed in SQL. Hash joins against the small rank tables
     * of strategies and dates avoid sorting the two million rows (window functions over the whole table need about
     * 1.2 s, the joins under 0.2 s), and only an integer and a double per row cross JDBC.
     */
    private static String cellIndexQuery(String table, int days) {
        return "WITH s AS (SELECT strategy, (row_number() OVER (ORDER BY strategy) - 1)::INTEGER AS si "
                + "FROM (SELECT DISTINCT strategy FROM " + table + ")), "
                + "d AS (SELECT trade_date, (row_number() OVER (ORDER BY trade_date) - 1)::INTEGER AS di "
                + "FROM (SELECT DISTINCT trade_date FROM " + table + ")) "
                + "SELECT s.si * " + days + " + d.di, t.pnl FROM " + table + " t "
                + "JOIN s ON t.strategy = s.strategy JOIN d ON t.trade_date = d.trade_date";
    }

    @Override
    public EngineFacts engineFacts() {
        return new EngineFacts(kind(), String.valueOf(single("SELECT version()", null)), null, List.of());
    }

    /**
     * From {@code duckdb_columns()} and {@code duckdb_types()}: the strategy column's ENUM is a dictionary whose key
     * width is the type's size; the fragment size is the largest row group's row count.
     */
    @Override
    public TableFacts tableFacts(String table) {
        String name = Identifiers.checked(table);
        if (!tableExists(name)) {
            throw new WarehouseException("table " + name + " does not exist in " + location);
        }
        String enumType = DuckDbDdl.strategyType(name);
        List<Column> columns = new ArrayList<>();
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.column_name, "
                     + "CASE WHEN c.data_type LIKE 'ENUM(%' THEN 'ENUM' ELSE c.data_type END, "
                     + "(SELECT max(t.type_size) FROM duckdb_types() t WHERE t.type_name = CASE WHEN c.data_type "
                     + "LIKE 'ENUM(%' THEN ? ELSE lower(c.data_type) END OR (c.data_type NOT LIKE 'ENUM(%' "
                     + "AND t.logical_type = c.data_type)) "
                     + "FROM duckdb_columns() c WHERE c.table_name = ? ORDER BY c.column_index")) {
            ps.setString(1, enumType);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    long size = rs.getLong(3);
                    Integer bits = rs.wasNull() ? null : (int) size * 8;
                    columns.add(new Column(rs.getString(1), type, "ENUM".equals(type) ? "DICT" : null, bits));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot describe " + name + ": " + e.getMessage(), e);
        }
        Object rowGroup = single("SELECT max(count) FROM pragma_storage_info(?) WHERE column_name = '"
                + TablePlan.DATE_COLUMN + "'", name);
        return new TableFacts(name, columns, rowGroup == null ? null : ((Number) rowGroup).longValue(), null);
    }

    /**
     * The table's storage blocks ({@code pragma_storage_info}: distinct blocks x block size) as its footprint, with
     * the database file, write-ahead log and buffer memory ({@code pragma_database_size}, {@code duckdb_memory()}).
     */
    @Override
    public Footprint footprint(String table) {
        String name = Identifiers.checked(table);
        java.util.Map<String, Long> figures = new java.util.HashMap<>();
        long blockSize = 0;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT block_size, total_blocks, used_blocks, free_blocks "
                    + "FROM pragma_database_size() WHERE database_name = current_database()")) {
                if (rs.next()) {
                    blockSize = rs.getLong(1);
                    figures.put("databaseBlocksBytes", rs.getLong(2) * blockSize);
                    figures.put("databaseUsedBlocksBytes", rs.getLong(3) * blockSize);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT tag, memory_usage_bytes FROM duckdb_memory() "
                    + "WHERE memory_usage_bytes > 0")) {
                long total = 0;
                while (rs.next()) {
                    total += rs.getLong(2);
                    if ("BASE_TABLE".equals(rs.getString(1))) {
                        figures.put("bufferBaseTableBytes", rs.getLong(2));
                    }
                }
                figures.put("bufferTotalBytes", total);
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the database size of " + location + ": " + e.getMessage(), e);
        }
        long blocks = ((Number) single("SELECT count(DISTINCT block_id) FROM pragma_storage_info(?) "
                + "WHERE persistent AND block_id >= 0", name)).longValue();
        long rows = ((Number) single("SELECT count(*) FROM " + name, null)).longValue();
        figures.put("tableBlocks", blocks);
        figures.put("tableRows", rows);
        long bytes = blocks * blockSize;
        String basis = "distinct storage blocks of the table (pragma_storage_info) x block size " + blockSize;
        if (blocks == 0) {
            // not checkpointed yet (or in memory): the uncompressed size of its values is the honest upper bound
            bytes = rows * (4 + 4 + 8);
            basis = "not yet on disk: rows x 16 bytes (DATE 4, ENUM key at most 4, DOUBLE 8), uncompressed";
        }
        figures.put("tableBytes", bytes);
        return new Footprint(bytes, basis, figures);
    }

    private Object single(String sql, String parameter) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? plain(rs.getObject(1)) : null;
            }
        } catch (SQLException e) {
            throw new WarehouseException("query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Rows query(String sql) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            if (!st.execute(sql)) {
                return new Rows(List.of(), List.of());
            }
            return rows(st.getResultSet());
        } catch (SQLException e) {
            throw new WarehouseException("query failed: " + e.getMessage(), e);
        }
    }

    private static Rows rows(ResultSet rs) throws SQLException {
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            List<String> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                columns.add(rs.getMetaData().getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(plain(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new Rows(List.copyOf(columns), rows);
        }
    }

    private static Object plain(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean
                || v instanceof LocalDate || v == null) {
            return v;
        }
        return v.toString();
    }

    @Override
    public void close() {
        pool.close();
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the caller is already failing with a better error
            }
        }
    }
}
