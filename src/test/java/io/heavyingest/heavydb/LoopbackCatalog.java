package io.heavyingest.heavydb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and views of the loopback test server, and the handful of SQL statements the warehouse issues:
 * CREATE/DROP/RENAME TABLE, CREATE/DROP VIEW, SELECT COUNT(*) and SELECT of columns with an optional ORDER BY.
 * Values are stored the way HeavyDB returns them: DATE as whole-day seconds, TEXT as strings, NULL as null.
 */
public final class LoopbackCatalog {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE TABLE (IF NOT EXISTS )?(\\w+) \\((.*?)\\)(?: WITH \\((.*)\\))?", Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("DROP TABLE (IF EXISTS )?(\\w+)");
    private static final Pattern RENAME = Pattern.compile("RENAME TABLE (\\w+ TO \\w+(?:\\s*,\\s*\\w+ TO \\w+)*)");
    private static final Pattern RENAME_PAIR = Pattern.compile("(\\w+) TO (\\w+)");
    private static final Pattern DROP_VIEW = Pattern.compile("DROP VIEW (IF EXISTS )?(\\w+)");
    private static final Pattern CREATE_VIEW = Pattern.compile("CREATE VIEW (\\w+) AS (SELECT .* FROM (\\w+))");
    private static final Pattern COUNT = Pattern.compile("SELECT COUNT\\(\\*\\) AS (\\w+) FROM (\\w+)");
    private static final Pattern SELECT = Pattern.compile(
            "SELECT ([\\w, ]+) FROM (\\w+)(?: WHERE (.+?))?(?: ORDER BY (\\w+)( DESC)?)?(?: LIMIT (\\d+))?");
    /** One condition of a WHERE: a column equal to a string literal (quotes doubled inside). */
    private static final Pattern EQUALS = Pattern.compile("(\\w+) = '((?:[^']|'')*)'");
    /** A DATE column compared with a date literal. */
    private static final Pattern DATE_BOUND = Pattern.compile("(\\w+) (>=|<=) DATE '(\\d{4}-\\d{2}-\\d{2})'");
    /** Rows per value of one column, in value order. */
    private static final Pattern GROUP_COUNT = Pattern.compile(
            "SELECT (\\w+), COUNT\\(\\*\\) AS (\\w+) FROM (\\w+) GROUP BY \\1 ORDER BY \\1");
    /** The distinct values of one column. */
    private static final Pattern GROUP_DISTINCT = Pattern.compile("SELECT (\\w+) FROM (\\w+) GROUP BY \\1");
    /** A column in a list of string literals. */
    private static final Pattern IN = Pattern.compile("(\\w+) IN \\(((?:'(?:[^']|'')*'(?:, )?)+)\\)");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern COLUMN = Pattern.compile(
            "(\\w+) (DATE|TEXT|DOUBLE|BIGINT|INTEGER)( NOT NULL)?(?: ENCODING (DAYS|DICT)\\((\\d+)\\))?");

    /** A column definition. */
    public record Column(String name, int type, boolean notNull, int encoding, int compParam) {
    }

    /** A table: definitions, WITH options and column-wise values. */
    public static final class Table {
        final List<Column> columns;
        final Map<String, String> options;
        final List<List<Object>> values = new ArrayList<>();

        Table(List<Column> columns, Map<String, String> options) {
            this.columns = columns;
            this.options = options;
            for (int i = 0; i < columns.size(); i++) {
                values.add(new ArrayList<>());
            }
        }

        public int rowCount() {
            return values.isEmpty() ? 0 : values.get(0).size();
        }

        /** The values of column {@code name}, in load order. */
        public List<Object> column(String name) {
            return values.get(index(name));
        }

        int index(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw new SqlError("Column " + name + " does not exist.");
        }
    }

    /** A statement the server refuses, with HeavyDB-like text. */
    public static final class SqlError extends RuntimeException {
        public SqlError(String message) {
            super(message);
        }
    }

    /** A SELECT result: column definitions and column-wise values. */
    record Result(List<Column> columns, List<List<Object>> values) {
    }

    final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, String[]> views = new LinkedHashMap<>();   // name -> {sql, table}

    public synchronized Table table(String name) {
        return tables.get(name);
    }

    public synchronized List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** Names of the tables and views ({@code get_tables}), or of the views alone ({@code get_views}). */
    public synchronized List<String> names(boolean tablesToo) {
        List<String> out = new ArrayList<>();
        if (tablesToo) {
            out.addAll(tables.keySet());
        }
        out.addAll(views.keySet());
        return out;
    }

    /** The names of the views. */
    public synchronized List<String> viewNames() {
        return List.copyOf(views.keySet());
    }

    /** The table a view reads, or null. */
    public synchronized String viewTarget(String name) {
        String[] v = views.get(name);
        return v == null ? null : v[1];
    }

    synchronized Result execute(String sql) {
        String s = sql.strip().replaceAll(";$", "");
        Matcher m;
        if ((m = CREATE_TABLE.matcher(s)).matches()) {
            createTable(m.group(2), m.group(1) != null, m.group(3), m.group(4));
        } else if ((m = DROP_TABLE.matcher(s)).matches()) {
            if (tables.remove(m.group(2)) == null && m.group(1) == null) {
                throw new SqlError("Table " + m.group(2) + " does not exist.");
            }
        } else if ((m = RENAME.matcher(s)).matches()) {
            rename(m.group(1));
        } else if ((m = DROP_VIEW.matcher(s)).matches()) {
            if (views.remove(m.group(2)) == null && m.group(1) == null) {
                throw new SqlError("View " + m.group(2) + " does not exist.");
            }
        } else if ((m = CREATE_VIEW.matcher(s)).matches()) {
            if (tables.containsKey(m.group(1)) || views.containsKey(m.group(1))) {
                throw new SqlError("Table or View with name \"" + m.group(1) + "\" already exists.");
            }
            existing(m.group(3));
            views.put(m.group(1), new String[] {m.group(2), m.group(3)});
        } else if ((m = COUNT.matcher(s)).matches()) {
            Table t = resolve(m.group(2));
            return new Result(List.of(new Column(m.group(1), DatumType.BIGINT, true, 0, 0)),
                    List.of(List.of((long) t.rowCount())));
        } else if ((m = GROUP_COUNT.matcher(s)).matches()) {
            Table t = resolve(m.group(3));
            Column key = t.columns.get(t.index(m.group(1)));
            java.util.TreeMap<Object, Long> counts = new java.util.TreeMap<>(LoopbackCatalog::compare);
            for (Object v : t.column(m.group(1))) {
                counts.merge(v, 1L, Long::sum);
            }
            return new Result(List.of(key, new Column(m.group(2), DatumType.INT, true, 0, 0)),
                    List.of(new ArrayList<>(counts.keySet()), new ArrayList<>(counts.values())));
        } else if ((m = GROUP_DISTINCT.matcher(s)).matches()) {
            Table t = resolve(m.group(2));
            // HeavyDB returns groups in no promised order: reversed here, so a reader that relies on order fails
            List<Object> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(t.column(m.group(1))));
            java.util.Collections.reverse(distinct);
            return new Result(List.of(t.columns.get(t.index(m.group(1)))), List.of(distinct));
        } else if ((m = SELECT.matcher(s)).matches()) {
            return select(resolve(m.group(2)), m.group(1).split(",\\s*"), m.group(3), m.group(4), m.group(5) != null,
                    m.group(6) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(6)));
        } else {
            throw new SqlError("SQL Error: the loopback server does not run: " + s);
        }
        noteWatched(s);
        return new Result(List.of(), List.of());
    }

    /**
     * RENAME TABLE with one or more pairs, tables and views alike, applied left to right as one catalog change
     * (HeavyDB's RenameTableStmt and Catalog::renameTables): a missing source, or a destination that still exists
     * at its point in the list, fails the whole statement with HeavyDB's message and changes nothing.
     */
    private void rename(String pairs) {
        Map<String, Table> newTables = new LinkedHashMap<>(tables);
        Map<String, String[]> newViews = new LinkedHashMap<>(views);
        Matcher pair = RENAME_PAIR.matcher(pairs);
        while (pair.find()) {
            String from = pair.group(1);
            String to = pair.group(2);
            if (!newTables.containsKey(from) && !newViews.containsKey(from)) {
                throw new SqlError("Source table '" + from + "' does not exist.");
            }
            if (newTables.containsKey(to) || newViews.containsKey(to)) {
                throw new SqlError("Error: Attempted to overwrite and lose data in table: '" + to + "'");
            }
            move(newTables, newViews, from, to);
        }
        tables.clear();
        tables.putAll(newTables);
        views.clear();
        views.putAll(newViews);
    }

    private static void move(Map<String, Table> tables, Map<String, String[]> views, String from, String to) {
        if (tables.containsKey(from)) {
            tables.put(to, tables.remove(from));
        } else {
            views.put(to, views.remove(from));
        }
    }

    private String watched;
    private boolean watchedResolved;
    private final List<String> watchedGaps = new ArrayList<>();

    /** Records every statement after which {@code name}, once resolvable, resolves to no table. */
    public synchronized void watch(String name) {
        watched = name;
        watchedResolved = false;
        watchedGaps.clear();
    }

    /** The statements after which the watched name had stopped resolving. */
    public synchronized List<String> watchedGaps() {
        return List.copyOf(watchedGaps);
    }

    private void noteWatched(String statement) {
        if (watched == null) {
            return;
        }
        String[] view = views.get(watched);
        boolean resolves = tables.containsKey(view != null ? view[1] : watched);
        if (watchedResolved && !resolves) {
            watchedGaps.add(statement);
        }
        watchedResolved |= resolves;
    }

    private void createTable(String name, boolean ifNotExists, String body, String with) {
        if (tables.containsKey(name) || views.containsKey(name)) {
            if (ifNotExists) {
                return;
            }
            throw new SqlError("Table or View with name \"" + name + "\" already exists.");
        }
        List<Column> columns = new ArrayList<>();
        for (String def : body.split(",")) {
            Matcher c = COLUMN.matcher(def.strip());
            if (!c.matches()) {
                throw new SqlError("SQL Error: cannot parse column definition \"" + def.strip() + "\"");
            }
            int type = switch (c.group(2)) {
                case "DATE" -> DatumType.DATE;
                case "TEXT" -> DatumType.STR;
                case "DOUBLE" -> DatumType.DOUBLE;
                case "BIGINT" -> DatumType.BIGINT;
                default -> DatumType.INT;
            };
            int encoding = type == DatumType.DATE ? EncodingType.DATE_IN_DAYS
                    : type == DatumType.STR ? EncodingType.DICT : EncodingType.NONE;
            int comp = c.group(5) != null ? Integer.parseInt(c.group(5))
                    : type == DatumType.DATE || type == DatumType.STR ? 32 : 0;
            columns.add(new Column(c.group(1), type, c.group(3) != null, encoding, comp));
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (with != null) {
            for (String kv : with.split(",")) {
                String[] parts = kv.split("=", 2);
                options.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip().replace("'", ""));
            }
        }
        tables.put(name, new Table(columns, options));
    }

    private Result select(Table t, String[] names, String where, String orderBy, boolean descending, int limit) {
        List<Column> columns = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        List<Integer> kept = matching(t, where);
        for (String n : names) {
            columns.add(t.columns.get(t.index(n)));
            List<Object> all = t.column(n);
            List<Object> selected = new ArrayList<>(kept.size());
            for (int i : kept) {
                selected.add(all.get(i));
            }
            values.add(selected);
        }
        if (orderBy != null) {
            List<Object> all = t.column(orderBy);
            List<Object> key = new ArrayList<>(kept.size());
            for (int i : kept) {
                key.add(all.get(i));
            }
            Integer[] order = new Integer[key.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> (descending ? -1 : 1) * compare(key.get(a), key.get(b)));
            for (int c = 0; c < values.size(); c++) {
                List<Object> src = values.get(c);
                List<Object> sorted = new ArrayList<>(src.size());
                for (Integer i : order) {
                    sorted.add(src.get(i));
                }
                values.set(c, sorted);
            }
        }
        for (int c = 0; c < values.size(); c++) {
            List<Object> v = values.get(c);
            values.set(c, new ArrayList<>(v.subList(0, Math.min(limit, v.size()))));
        }
        return new Result(columns, values);
    }

    /** Rows meeting every {@code column = 'literal'} of {@code where} (joined by AND). */
    private static List<Integer> matching(Table t, String where) {
        List<Integer> rows = new ArrayList<>();
        String[] conditions = where == null ? new String[0] : where.split(" AND ");
        List<List<Object>> columns = new ArrayList<>();
        List<List<String>> literals = new ArrayList<>();
        List<java.util.function.Predicate<Object>> bounds = new ArrayList<>();
        for (String condition : conditions) {
            Matcher m = EQUALS.matcher(condition.strip());
            Matcher in = IN.matcher(condition.strip());
            Matcher bound = DATE_BOUND.matcher(condition.strip());
            if (bound.matches()) {
                List<Object> column = t.column(bound.group(1));
                long limit = java.time.LocalDate.parse(bound.group(3)).toEpochDay() * 86_400L;
                boolean atLeast = bound.group(2).equals(">=");
                bounds.add(row -> {
                    Object v = column.get((Integer) row);
                    return v != null && (atLeast ? (Long) v >= limit : (Long) v <= limit);
                });
            } else if (m.matches()) {
                columns.add(t.column(m.group(1)));
                literals.add(List.of(m.group(2).replace("''", "'")));
            } else if (in.matches()) {
                columns.add(t.column(in.group(1)));
                List<String> any = new ArrayList<>();
                Matcher literal = LITERAL.matcher(in.group(2));
                while (literal.find()) {
                    any.add(literal.group(1).replace("''", "'"));
                }
                literals.add(any);
            } else {
                throw new SqlError("SQL Error: the loopback server does not run the condition: " + condition);
            }
        }
        for (int i = 0; i < t.rowCount(); i++) {
            boolean all = true;
            for (int c = 0; c < columns.size() && all; c++) {
                all = literals.get(c).contains(columns.get(c).get(i));
            }
            for (int b = 0; b < bounds.size() && all; b++) {
                all = bounds.get(b).test(i);
            }
            if (all) {
                rows.add(i);
            }
        }
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return ((Comparable) a).compareTo(b);
    }

    /** A table, or the table behind a view. */
    Table resolve(String name) {
        String[] view = views.get(name);
        return existing(view != null ? view[1] : name);
    }

    private Table existing(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new SqlError("Table or view '" + name + "' does not exist.");
        }
        return t;
    }

    /** Appends one columnar load; all or nothing, like the server. */
    synchronized void load(String table, List<String> names, List<Object[]> data) {
        Table t = tables.get(table);
        if (t == null) {
            throw new SqlError("Table " + table + " does not exist.");
        }
        int rows = -1;
        List<List<Object>> incoming = new ArrayList<>();
        for (int i = 0; i < t.columns.size(); i++) {
            incoming.add(null);
        }
        for (int c = 0; c < data.size(); c++) {
            Column col = t.columns.get(names.isEmpty() ? c : t.index(names.get(c)));
            List<Object> values = convert(col, data.get(c));
            if (rows >= 0 && values.size() != rows) {
                throw new SqlError("Column " + col.name() + " has " + values.size() + " rows, expected " + rows);
            }
            rows = values.size();
            incoming.set(t.columns.indexOf(col), values);
        }
        for (int i = 0; i < t.columns.size(); i++) {
            if (incoming.get(i) == null) {
                List<Object> nulls = new ArrayList<>();
                for (int r = 0; r < Math.max(rows, 0); r++) {
                    nulls.add(null);
                }
                incoming.set(i, nulls);
            }
            if (t.columns.get(i).notNull() && incoming.get(i).contains(null)) {
                throw new SqlError("Cannot insert NULL into NOT NULL column " + t.columns.get(i).name());
            }
        }
        for (int i = 0; i < t.columns.size(); i++) {
            t.values.get(i).addAll(incoming.get(i));
        }
    }

    /** {ints, reals, strings, nulls} of one TColumn, checked against the column type. */
    private static List<Object> convert(Column col, Object[] data) {
        List<?> ints = (List<?>) data[0];
        List<?> reals = (List<?>) data[1];
        List<?> strings = (List<?>) data[2];
        List<?> nulls = (List<?>) data[3];
        int filled = (ints.isEmpty() ? 0 : 1) + (reals.isEmpty() ? 0 : 1) + (strings.isEmpty() ? 0 : 1);
        List<?> source = col.type() == DatumType.STR ? strings : col.type() == DatumType.DOUBLE ? reals : ints;
        if (filled > 1 || (filled == 1 && source.isEmpty())) {
            throw new SqlError("Column data set for the wrong type");
        }
        if (nulls.size() != source.size()) {
            throw new SqlError("Column " + col.name() + ": " + source.size() + " values but " + nulls.size() + " nulls");
        }
        List<Object> out = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            Object v = source.get(i);
            if (Boolean.TRUE.equals(nulls.get(i)) || (col.type() == DatumType.STR && "".equals(v))) {
                out.add(null);
            } else if (col.type() == DatumType.DATE) {
                out.add(Math.floorDiv((Long) v, 86_400L) * 86_400L);
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
