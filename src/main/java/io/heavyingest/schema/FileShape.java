package io.heavyingest.schema;

import java.time.LocalDate;

/**
 * The shape of a wide P&amp;L file that the table plan is derived from.
 *
 * @param strategies number of strategy columns
 * @param days number of date rows (exact, or estimated from the file size while streaming)
 * @param firstDate earliest date
 * @param lastDate latest date (exact, or estimated while streaming)
 * @param gapDays calendar days between consecutive dates (typical value), at least 1
 */
public record FileShape(int strategies, long days, LocalDate firstDate, LocalDate lastDate, double gapDays) {

    public FileShape {
        if (strategies < 1) {
            throw new IllegalArgumentException("a file shape needs at least one strategy");
        }
        if (days < 1) {
            throw new IllegalArgumentException("a file shape needs at least one day");
        }
        if (lastDate.isBefore(firstDate)) {
            throw new IllegalArgumentException("last date " + lastDate + " is before first date " + firstDate);
        }
        gapDays = Math.max(1.0, gapDays);
    }

    /** Rows of the long table: one per day and strategy. */
    public long rows() {
        return days * strategies;
    }
}
