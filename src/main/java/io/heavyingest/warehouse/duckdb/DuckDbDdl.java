package io.heavyingest.warehouse.duckdb;

import io.heavyingest.config.HeavyIngestConfig.PnlCompression;
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

    /** The long table with DuckDB's own choice of compression for every column. */
    public static String createTable(TablePlan plan, String table, String strategyType) {
        return createTable(plan, table, strategyType, PnlCompression.AUTO);
    }

    /** The long table; {@code UNCOMPRESSED} stores the P&amp;L column plainly (compressing doubles costs more than it saves here). */
    public static String createTable(TablePlan plan, String table, String strategyType, PnlCompression pnlCompression) {
        return "CREATE TABLE " + Identifiers.checked(table) + " (\n"
                + "  trade_date DATE NOT NULL,\n"
                + "  strategy " + Identifiers.checked(strategyType) + " NOT NULL,\n"
                + "  pnl DOUBLE" + (pnlCompression == PnlCompression.UNCOMPRESSED ? " USING COMPRESSION uncompressed" : "") + "\n"
                + ")";
    }
}
