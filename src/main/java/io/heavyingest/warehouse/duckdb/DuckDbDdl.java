package io.heavyingest.warehouse.duckdb;

import io.heavyingest.schema.Identifiers;
import io.heavyingest.schema.TablePlan;

/**
 * Renders a {@link TablePlan} as DuckDB DDL. The strategy dictionary is a DuckDB ENUM type holding the file's
 * names in header order (1, 2 or 4 bytes a row, like HeavyDB's DICT); DuckDB packs dates by itself, and row
 * groups play the role of fragments.
 */
public final class DuckDbDdl {
    private DuckDbDdl() {
    }

    /** The dictionary type of a table's strategy column: {@code <table>_strategy}. */
    public static String strategyType(String table) {
        return Identifiers.checked(table + "_strategy");
    }

    /** The dictionary: an ENUM of the names in {@code namesTable(ord, strategy)}, in {@code ord} order. */
    public static String createStrategyType(String type, String namesTable) {
        return "CREATE TYPE " + Identifiers.checked(type) + " AS ENUM (SELECT strategy FROM "
                + Identifiers.checked(namesTable) + " ORDER BY ord)";
    }

    public static String createTable(TablePlan plan, String table, String strategyType) {
        return "CREATE TABLE " + Identifiers.checked(table) + " (\n"
                + "  trade_date DATE NOT NULL,\n"
                + "  strategy " + Identifiers.checked(strategyType) + " NOT NULL,\n"
                + "  pnl DOUBLE\n"
                + ")";
    }
}
