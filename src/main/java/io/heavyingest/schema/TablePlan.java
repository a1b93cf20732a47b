package io.heavyingest.schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The physical design of a dataset's long table {@code (trade_date, strategy, pnl)}, decided from the file's
 * shape and the schema profile. Each warehouse renders it as its own DDL.
 *
 * @param profile schema profile name
 * @param shape the file shape the plan was made for
 * @param dictionaryBits strategy dictionary width: 8, 16 or 32
 * @param dictionaryCapacity strategies the dictionary was sized for (count x headroom)
 * @param dateEncoding DATE encoding
 * @param fragmentRows HeavyDB fragment_size in rows
 * @param datesPerFragment dates a fragment holds (about one week of rows)
 * @param sortColumn column each load batch is sorted by
 * @param reasons one line per decision, saying why
 */
public record TablePlan(
        String profile,
        FileShape shape,
        int dictionaryBits,
        long dictionaryCapacity,
        DateEncoding dateEncoding,
        long fragmentRows,
        int datesPerFragment,
        String sortColumn,
        List<String> reasons) {

    public static final String DATE_COLUMN = "trade_date";
    public static final String STRATEGY_COLUMN = "strategy";
    public static final String PNL_COLUMN = "pnl";
    /** Columns of the long table, in table order. */
    public static final List<String> COLUMNS = List.of(DATE_COLUMN, STRATEGY_COLUMN, PNL_COLUMN);

    public TablePlan {
        reasons = List.copyOf(reasons);
    }

    /** Whether a date read later in the stream still fits the planned encoding. */
    public boolean covers(LocalDate date) {
        return dateEncoding.covers(date);
    }

    /** A one-line summary, for logs and the command's output. */
    public String summary() {
        return "trade_date DATE ENCODING DAYS(" + dateEncoding.bits() + "), strategy TEXT ENCODING DICT("
                + dictionaryBits + "), pnl DOUBLE; fragment_size=" + fragmentRows + " (" + datesPerFragment
                + " dates), sort_column=" + sortColumn;
    }
}
