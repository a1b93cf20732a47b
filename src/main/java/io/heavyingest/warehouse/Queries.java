package io.heavyingest.warehouse;

import java.util.List;

/**
 * Read-only SQL on any dataset of a warehouse, not only the current one: the benchmark's query path. SQL text is
 * built by the caller from checked names; values in it come from the engine's one literal-quoting function.
 */
public interface Queries {

    /** Runs {@code sql} and returns every row. */
    Rows query(String sql);

    /**
     * A query's answer as plain Java values: {@code Long} for integers, {@code Double} for reals, {@code String},
     * {@code java.time.LocalDate} for dates, {@code Boolean}, or null.
     *
     * @param columns column names, in order
     * @param rows the rows, each as long as {@code columns}
     */
    record Rows(List<String> columns, List<List<Object>> rows) {

        /** The first column of the only row as a number (for COUNT and the like). */
        public long singleLong() {
            return ((Number) single()).longValue();
        }

        /** The first column of the only row as a double. */
        public double singleDouble() {
            return ((Number) single()).doubleValue();
        }

        private Object single() {
            if (rows.size() != 1 || columns.isEmpty()) {
                throw new IllegalStateException("expected one row, got " + rows.size());
            }
            Object v = rows.get(0).get(0);
            if (v == null) {
                throw new IllegalStateException("the single value is NULL");
            }
            return v;
        }
    }
}
