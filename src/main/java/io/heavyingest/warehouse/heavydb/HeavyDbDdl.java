package io.heavyingest.warehouse.heavydb;

import io.heavyingest.schema.Identifiers;
import io.heavyingest.schema.TablePlan;

/** Renders a {@link TablePlan} as HeavyDB DDL. */
public final class HeavyDbDdl {
    private HeavyDbDdl() {
    }

    public static String createTable(TablePlan plan, String table) {
        return "CREATE TABLE " + Identifiers.checked(table) + " (\n"
                + "  trade_date DATE NOT NULL ENCODING DAYS(" + plan.dateEncoding().bits() + "),\n"
                + "  strategy TEXT NOT NULL ENCODING DICT(" + plan.dictionaryBits() + "),\n"
                + "  pnl DOUBLE\n"
                + ") WITH (fragment_size = " + plan.fragmentRows()
                + ", sort_column = '" + Identifiers.checked(plan.sortColumn()) + "')";
    }
}
