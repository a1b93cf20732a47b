package io.heavyingest.warehouse.heavydb;

import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.heavydb.HeavyDbClient;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.heavydb.HeavyDbServerException;
import io.heavyingest.heavydb.HeavyDbSessions;
import io.heavyingest.heavydb.QueryResult;
import io.heavyingest.heavydb.ResultColumn;
import io.heavyingest.schema.Identifiers;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.Warehouse;

import java.time.LocalDate;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;

/**
 * HeavyDB as the warehouse, over the project's own Thrift client. One physical table per dataset
 * ({@code <current>_<datasetId>}), a view with the stable current name that readers use, and a load-history
 * table. Only checked identifiers reach SQL text; strategy names and history values travel as load data.
 */
public final class HeavyDbWarehouse implements Warehouse {
    private static final Logger LOG = Logger.getLogger(HeavyDbWarehouse.class);
    private static final String NOT_FOUND = "does not exist";
    /** The table a current view reads, in the SQL the server holds for it. */
    private static final Pattern VIEW_SOURCE = Pattern.compile("(?i)\\bFROM\\s+(\\w+)");

    private final HeavyDbClient client;
    private final Runnable release;
    private final String currentTable;
    private final int loadBatchRows;
    private final int readPageRows;

    /**
     * @param client an open session, used by one thread at a time
     * @param release what to do with the session on {@link #close()} (keep it for the next invocation or close it)
     * @param currentTable the stable name readers use
     * @param loadBatchRows rows per load call
     */
    public HeavyDbWarehouse(HeavyDbClient client, Runnable release, String currentTable, int loadBatchRows) {
        this(client, release, currentTable, loadBatchRows, 262_144);
    }

    /**
     * @param readPageRows most rows per reply when a dataset is read whole ({@link #matrix})
     */
    public HeavyDbWarehouse(HeavyDbClient client, Runnable release, String currentTable, int loadBatchRows,
                            int readPageRows) {
        this.client = client;
        this.release = release;
        this.currentTable = Identifiers.checked(currentTable);
        this.loadBatchRows = loadBatchRows;
        this.readPageRows = Math.max(1, readPageRows);
        client.execute(HeavyDbHistory.createTable());
        addPlanColumnIfMissing();
    }

    /** A history created before plans were recorded gets the plan column; its old rows read as "no plan". */
    private void addPlanColumnIfMissing() {
        boolean present = client.tableDetails(HeavyDbHistory.TABLE).rowDesc().stream()
                .anyMatch(c -> c.name().equalsIgnoreCase(HeavyDbHistory.PLAN_COLUMN));
        if (!present) {
            client.execute("ALTER TABLE " + HeavyDbHistory.TABLE + " ADD COLUMN " + HeavyDbHistory.PLAN_COLUMN_DDL);
        }
    }

    /** Opens the warehouse at {@code endpoint}, reusing the session a warm invocation left open if configured. */
    public static HeavyDbWarehouse open(HeavyIngestConfig config, HeavyDbConfig heavydb, HeavyDbEndpoint endpoint) {
        HeavyDbClient.Options options = HeavyDbClient.Options.of(heavydb);
        HeavyDbClient client = heavydb.reuseSession()
                ? HeavyDbSessions.acquire(endpoint, options)
                : HeavyDbClient.connect(endpoint, options);
        Runnable release = heavydb.reuseSession() ? () -> HeavyDbSessions.release(client) : client::close;
        try {
            return new HeavyDbWarehouse(client, release, config.schema().currentTable(), heavydb.loadBatchRows(),
                    heavydb.readPageRows());
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String kind() {
        return "heavydb";
    }

    @Override
    public String location() {
        return client.endpoint().address();
    }

    @Override
    public Optional<LoadRecord> publishedLoad(String datasetId) {
        return HeavyDbHistory.read(client.query(HeavyDbHistory.selectPublished(datasetId))).stream().findFirst();
    }

    @Override
    public Optional<LoadRecord> lastPublished(String datasetId) {
        return HeavyDbHistory.read(client.query(HeavyDbHistory.selectLastPublished(datasetId))).stream().findFirst();
    }

    /**
     * Repoints the current view at the dataset's kept table with the gap-free swap of {@link #pointCurrentAt}, then
     * records the row (last, as a publish does). A table whose count differs from the recorded one is left for the
     * reload, which swaps it out.
     */
    @Override
    public boolean republish(LoadRecord record) {
        String target = Identifiers.checked(record.tableName());
        if (appliedSchema(target).isEmpty() || count(target) != record.rows()) {
            return false;
        }
        pointCurrentAt(target);
        recordAttempt(record);
        return true;
    }

    @Override
    public Rows query(String sql) {
        QueryResult r = client.query(sql);
        List<String> columns = new ArrayList<>();
        for (var c : r.rowDesc()) {
            columns.add(c.name());
        }
        List<List<Object>> rows = new ArrayList<>(r.rowCount());
        for (int i = 0; i < r.rowCount(); i++) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                row.add(value(r.columns().get(c), r.rowDesc().get(c).type().type(), i));
            }
            rows.add(row);
        }
        return new Rows(List.copyOf(columns), rows);
    }

    private static Object value(ResultColumn column, int type, int row) {
        if (column instanceof ResultColumn.Ints ints) {
            if (ints.nulls()[row]) {
                return null;
            }
            long v = ints.values()[row];
            if (type == io.heavyingest.heavydb.DatumType.DATE) {
                return LocalDate.ofEpochDay(Math.floorDiv(v, 86_400L));
            }
            return type == io.heavyingest.heavydb.DatumType.BOOL ? Boolean.valueOf(v != 0) : Long.valueOf(v);
        }
        if (column instanceof ResultColumn.Reals reals) {
            return reals.nulls()[row] ? null : Double.valueOf(reals.values()[row]);
        }
        ResultColumn.Strings strings = (ResultColumn.Strings) column;
        return strings.nulls()[row] ? null : strings.values().get(row);
    }

    @Override
    public StagedLoad stage(String datasetId, TablePlan plan) {
        // unique per attempt: HeavyDB loads on after their client is gone, so a name is never reused
        String attempt = java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
        String staging = Identifiers.stagingTable(currentTable, datasetId, attempt);
        String target = Identifiers.datasetTable(currentTable, datasetId);
        client.execute(HeavyDbDdl.createTable(plan, staging));
        return new HeavyDbStagedLoad(this, client, staging, target, loadBatchRows);
    }

    @Override
    public void recordAttempt(LoadRecord record) {
        client.load(HeavyDbHistory.TABLE, HeavyDbHistory.row(record, HeavyDbHistory.nextAttemptId()));
    }

    @Override
    public List<LoadRecord> history() {
        return HeavyDbHistory.read(client.query(HeavyDbHistory.selectAll()));
    }

    /**
     * The dataset the current view reads, from the view's SQL as the server holds it (not from history order):
     * empty when there is no view or the table behind it is gone.
     */
    @Override
    public Optional<String> currentDatasetId() {
        Optional<AppliedSchema> view = appliedSchema(currentTable);
        if (view.isEmpty() || !view.get().view()) {
            return Optional.empty();
        }
        Matcher from = VIEW_SOURCE.matcher(view.get().viewSql());
        String prefix = currentTable + "_";
        if (!from.find() || !from.group(1).startsWith(prefix) || appliedSchema(from.group(1)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(from.group(1).substring(prefix.length()));
    }

    /**
     * The current dataset as a matrix, strategies and dates in ascending order like the DuckDB warehouse, read in
     * pages of whole days (see {@link #matrix}).
     */
    @Override
    public Optional<PnlMatrix> currentMatrix() {
        return currentDatasetId().flatMap(this::matrix);
    }

    /**
     * Reads the dataset in pages so that memory holds the matrix plus one reply, not the whole table as rows: first
     * the days with their row counts and the strategy names (both small), then consecutive days together, up to
     * {@code readPageRows} rows a reply ({@code WHERE trade_date >= DATE .. AND trade_date <= DATE ..}, which the
     * date-ordered fragments prune), each page written straight into the matrix. A page whose row count differs from
     * the day counts fails the read rather than returning a matrix with holes.
     */
    @Override
    public Optional<PnlMatrix> matrix(String datasetId) {
        Optional<LoadRecord> load = publishedLoad(datasetId);
        if (load.isEmpty() || load.get().tableName() == null || appliedSchema(load.get().tableName()).isEmpty()) {
            return Optional.empty();
        }
        String table = Identifiers.checked(load.get().tableName());
        QueryResult perDay = client.query("SELECT trade_date, COUNT(*) AS n FROM " + table
                + " GROUP BY trade_date ORDER BY trade_date");
        long[] daySeconds = perDay.ints("trade_date").values().clone();
        long[] dayRows = perDay.ints("n").values().clone();
        Map<Long, Integer> dayIndex = new HashMap<>(daySeconds.length * 2);
        List<LocalDate> dayList = new ArrayList<>(daySeconds.length);
        for (long seconds : daySeconds) {
            dayIndex.put(seconds, dayList.size());
            dayList.add(LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L)));
        }
        List<String> strategyList = new ArrayList<>(new TreeSet<>(client.query("SELECT strategy FROM " + table
                + " GROUP BY strategy").strings("strategy").values()));
        Map<String, Integer> strategyIndex = new HashMap<>(strategyList.size() * 2);
        for (int i = 0; i < strategyList.size(); i++) {
            strategyIndex.put(strategyList.get(i), i);
        }
        int days = dayList.size();
        double[] values = new double[strategyList.size() * days];
        long nullCount = 0;
        long cells = 0;
        for (int first = 0; first < days; ) {
            int last = first;
            long rows = dayRows[first];
            while (last + 1 < days && rows + dayRows[last + 1] <= readPageRows) {
                rows += dayRows[++last];
            }
            QueryResult page = client.query("SELECT trade_date, strategy, pnl FROM " + table
                    + " WHERE trade_date >= DATE '" + dayList.get(first) + "' AND trade_date <= DATE '"
                    + dayList.get(last) + "'");
            if (page.rowCount() != rows) {
                throw new io.heavyingest.warehouse.WarehouseException("reading " + table + " from " + dayList.get(first)
                        + " to " + dayList.get(last) + " gave " + page.rowCount() + " rows, expected " + rows);
            }
            long[] dates = page.ints("trade_date").values();
            List<String> names = page.strings("strategy").values();
            ResultColumn.Reals pnl = page.reals("pnl");
            for (int i = 0, n = page.rowCount(); i < n; i++) {
                int s = strategyIndex.get(names.get(i));
                int d = dayIndex.get(dates[i]);
                if (pnl.isNull(i)) {
                    nullCount++;
                } else {
                    values[s * days + d] = pnl.values()[i];
                }
            }
            cells += rows;
            first = last + 1;
        }
        long absent = (long) values.length - cells;   // cells without a row read as 0, like the DuckDB warehouse
        return Optional.of(new PnlMatrix(datasetId, List.copyOf(dayList), List.copyOf(strategyList), values,
                nullCount + absent));
    }

    /**
     * What the server applied to {@code table} (a dataset table such as {@code strategy_pnl_<id>}, or the current
     * view): fragment size, page size, max rows, column types and encodings. Empty when no such table exists.
     */
    public Optional<AppliedSchema> appliedSchema(String table) {
        String name = Identifiers.checked(table);
        try {
            return Optional.of(AppliedSchema.of(name, client.tableDetails(name)));
        } catch (HeavyDbServerException e) {
            if (e.errorMessage().contains(NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public EngineFacts engineFacts() {
        var status = client.serverStatus();
        List<Gpu> gpus = new ArrayList<>();
        for (var node : client.hardwareInfo()) {
            for (var g : node.gpus()) {
                gpus.add(new Gpu(g.memory(), g.computeCapabilityMajor(), g.computeCapabilityMinor(), g.numSm(),
                        g.clockFrequencyKhz()));
            }
        }
        return new EngineFacts(kind(), status.version(), status.edition(), gpus);
    }

    /** From {@code get_table_details}, and the sort column from {@code SHOW CREATE TABLE}. */
    @Override
    public TableFacts tableFacts(String table) {
        AppliedSchema applied = appliedSchema(table).orElseThrow(() -> new io.heavyingest.warehouse.WarehouseException(
                "table " + table + " does not exist on " + location()));
        List<Column> columns = new ArrayList<>();
        for (AppliedSchema.Column c : applied.columns()) {
            java.util.regex.Matcher m = ENCODING.matcher(c.encoding());
            String encoding = m.matches() ? m.group(1) : c.encoding();
            Integer bits = m.matches() && m.group(2) != null ? Integer.valueOf(m.group(2))
                    : c.sizeBytes() == null ? null : c.sizeBytes() * 8;
            columns.add(new Column(c.name(), c.type(), encoding, bits));
        }
        return new TableFacts(applied.table(), columns, applied.fragmentSize(), sortColumn(applied.table()));
    }

    private static final java.util.regex.Pattern ENCODING = java.util.regex.Pattern.compile("(\\w+)(?:\\((\\d+)\\))?");
    private static final java.util.regex.Pattern SORT_COLUMN =
            java.util.regex.Pattern.compile("(?i)sort_column\\s*=\\s*'([^']+)'");

    /** The declared sort column from {@code SHOW CREATE TABLE}; null when none or when the server cannot say. */
    private String sortColumn(String table) {
        try {
            Rows rows = query("SHOW CREATE TABLE " + Identifiers.checked(table));
            for (List<Object> row : rows.rows()) {
                java.util.regex.Matcher m = SORT_COLUMN.matcher(String.valueOf(row.get(0)));
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        } catch (HeavyDbServerException e) {
            return null;
        }
    }

    /**
     * The table's values at their stored widths (rows x bytes per row from {@code get_table_details}), plus the
     * server's CPU and GPU buffer pools in use ({@code get_memory}) for context.
     */
    @Override
    public Footprint footprint(String table) {
        TableFacts facts = tableFacts(table);
        long rows = count(facts.table());
        long bytesPerRow = 0;
        for (Column c : facts.columns()) {
            bytesPerRow += c.encodingBits() == null ? 8 : c.encodingBits() / 8;
        }
        java.util.Map<String, Long> figures = new java.util.HashMap<>();
        figures.put("tableRows", rows);
        figures.put("bytesPerRow", bytesPerRow);
        for (String level : List.of("cpu", "gpu")) {
            long used = 0;
            long pool = 0;
            for (var node : client.memory(level)) {
                used += node.usedBytes();
                pool += node.maxNumPages() * node.pageSize();
            }
            figures.put(level + "BufferUsedBytes", used);
            figures.put(level + "BufferPoolBytes", pool);
        }
        long bytes = rows * bytesPerRow;
        figures.put("tableBytes", bytes);
        return new Footprint(bytes, "rows x stored bytes per row (" + bytesPerRow + ") from get_table_details",
                figures);
    }

    long count(String table) {
        QueryResult r = client.query("SELECT COUNT(*) AS n FROM " + Identifiers.checked(table));
        return r.ints("n").values()[0];
    }

    /**
     * Renames staging to {@code target}. A leftover {@code target} (a crash after an earlier rename, perhaps what the
     * current view reads) is swapped out in the same RENAME statement, which HeavyDB applies as one catalog change
     * under its write locks, so the view's {@code FROM target} never resolves to nothing; the leftover is dropped after.
     */
    void replaceWithStaging(String staging, String target) {
        if (appliedSchema(target).isPresent()) {
            String old = target + "_old_" + attemptSuffix();
            client.execute("RENAME TABLE " + target + " TO " + old + ", " + staging + " TO " + target);
            client.execute("DROP TABLE " + old);
        } else {
            client.execute("RENAME TABLE " + staging + " TO " + target);
        }
    }

    /**
     * Points the current view at {@code target} with no moment where the current name resolves to nothing: the new
     * view is created under a name of its own, then one RENAME statement moves the old view away and the new one in
     * (one catalog change in HeavyDB: {@code RenameTableStmt::execute}, {@code Catalog::renameTables}), and the old
     * view is dropped. A crash in between leaves a spare view that no reader uses.
     */
    void pointCurrentAt(String target) {
        String attempt = attemptSuffix();
        String next = currentTable + "_next_" + attempt;
        client.execute("CREATE VIEW " + next + " AS SELECT " + String.join(", ", TablePlan.COLUMNS)
                + " FROM " + Identifiers.checked(target));
        if (appliedSchema(currentTable).isPresent()) {
            String previous = currentTable + "_prev_" + attempt;
            client.execute("RENAME TABLE " + currentTable + " TO " + previous + ", " + next + " TO " + currentTable);
            client.execute("DROP VIEW IF EXISTS " + previous);
        } else {
            client.execute("RENAME TABLE " + next + " TO " + currentTable);
        }
    }

    /**
     * Leftovers of killed attempts, found by name ({@code get_tables}, {@code get_views}): staging tables
     * {@code <current>_<id>_stage_<n>}, swapped-out tables {@code <current>_<id>_old_<n>}, and the spare views
     * {@code <current>_next_<n>} (its dataset read from its SQL) and {@code <current>_prev_<n>} (the view a publish
     * replaced: nothing reads it, and its publisher drops it with IF EXISTS). Skipped: whatever the current view reads,
     * and leftovers of a dataset {@code loadingElsewhere} names (a live claim holder may still be writing them).
     */
    @Override
    public List<String> dropLeftovers(java.util.function.Predicate<String> loadingElsewhere) {
        java.util.Set<String> views = new java.util.HashSet<>(client.views());
        Optional<String> current = currentDatasetId().map(id -> Identifiers.datasetTable(currentTable, id));
        Pattern datasetLeftover = Pattern.compile(Pattern.quote(currentTable) + "_([0-9a-z]{1,32})_(stage|old)_[0-9a-f]{8}");
        Pattern spareView = Pattern.compile(Pattern.quote(currentTable) + "_(next|prev)_[0-9a-f]{8}");
        List<String> dropped = new ArrayList<>();
        for (String name : client.tables()) {
            if (current.isPresent() && current.get().equals(name)) {
                continue;
            }
            Matcher table = datasetLeftover.matcher(name);
            Matcher view = spareView.matcher(name);
            String dataset;
            if (table.matches() && !views.contains(name)) {
                dataset = table.group(1);
            } else if (view.matches() && views.contains(name)) {
                dataset = "next".equals(view.group(1)) ? viewDataset(name).orElse(null) : null;
            } else {
                continue;
            }
            if (dataset != null && loadingElsewhere.test(dataset)) {
                LOG.infof("kept %s: dataset %s is being loaded by a live claim holder", name, dataset);
                continue;
            }
            try {
                client.execute((views.contains(name) ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ")
                        + Identifiers.checked(name));
                dropped.add(name);
                LOG.infof("dropped %s, left by a killed attempt", name);
            } catch (HeavyDbServerException e) {
                LOG.warnf("could not drop the leftover %s: %s", name, e.errorMessage());
            }
        }
        return dropped;
    }

    /** The dataset a view reads, from its SQL as the server holds it. */
    private Optional<String> viewDataset(String view) {
        Optional<AppliedSchema> schema = appliedSchema(view);
        if (schema.isEmpty() || !schema.get().view()) {
            return Optional.empty();
        }
        Matcher from = VIEW_SOURCE.matcher(schema.get().viewSql());
        String prefix = currentTable + "_";
        return from.find() && from.group(1).startsWith(prefix)
                ? Optional.of(from.group(1).substring(prefix.length())) : Optional.empty();
    }

    /** A suffix for names of one attempt: dataset ids have no underscore, so these never name a dataset. */
    private static String attemptSuffix() {
        return java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
    }

    void dropQuietly(String table) {
        client.execute("DROP TABLE IF EXISTS " + Identifiers.checked(table));
    }

    @Override
    public void close() {
        release.run();
    }
}
