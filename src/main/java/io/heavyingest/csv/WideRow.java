package io.heavyingest.csv;

import java.time.LocalDate;

/**
 * One data row, reused from row to row by {@link WideCsvReader#next(WideRow)} so that reading allocates nothing
 * per value. {@code missing[i]} marks an empty cell (a NULL); {@code values[i]} is then 0 and meaningless.
 */
public final class WideRow {
    final double[] values;
    final boolean[] missing;
    LocalDate date;
    long line;
    int missingCount;

    public WideRow(int strategies) {
        this.values = new double[strategies];
        this.missing = new boolean[strategies];
    }

    public LocalDate date() { return date; }

    /** 1-based line the row starts on. */
    public long line() { return line; }

    public int size() { return values.length; }

    public double value(int strategy) { return values[strategy]; }

    public boolean isMissing(int strategy) { return missing[strategy]; }

    /** Number of empty cells in this row. */
    public int missingCount() { return missingCount; }

    /** The backing value array (read-only by convention), for bulk copies. */
    public double[] values() { return values; }

    /** The backing missing-flag array (read-only by convention), for bulk copies. */
    public boolean[] missing() { return missing; }
}
