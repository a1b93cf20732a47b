package io.heavyingest.report;

import java.util.List;
import java.util.Objects;

/**
 * A dataset's daily P&amp;L as a days x strategies matrix, stored column-major (one strategy's days contiguous),
 * the layout the correlation works on.
 *
 * <p>Missing values: a NaN cell is a missing value (a NULL in the warehouse) and counts as 0 P&amp;L everywhere in
 * this package (top-N scores, correlation, equity), as in the optimizer: a day without a figure is a day without
 * gain or loss. A SQL counterpart that must agree uses {@code COALESCE(pnl, 0)}. Infinite values are refused.
 */
public final class PnlMatrix {
    private final int days;
    private final List<String> names;
    private final double[] values;

    private PnlMatrix(int days, List<String> names, double[] values) {
        this.days = days;
        this.names = names;
        this.values = values;
    }

    /**
     * From rows as they appear in the file: {@code rows[day][strategy]}.
     *
     * @throws IllegalArgumentException on ragged rows, a name count that differs from the columns, or an infinite
     *                                  value (with its day and strategy)
     */
    public static PnlMatrix ofRows(double[][] rows, List<String> names) {
        List<String> n = List.copyOf(names);
        int days = rows.length;
        double[] v = new double[days * n.size()];
        for (int t = 0; t < days; t++) {
            if (rows[t].length != n.size()) {
                throw new IllegalArgumentException("day " + t + " has " + rows[t].length + " values for "
                        + n.size() + " strategies");
            }
            for (int s = 0; s < n.size(); s++) {
                v[s * days + t] = rows[t][s];
            }
        }
        return checked(days, n, v);
    }

    /**
     * From a column-major array: {@code values[strategy * days + day]}. The array is copied.
     *
     * @throws IllegalArgumentException when the length is not {@code days x names.size()}, or on an infinite value
     */
    public static PnlMatrix ofColumns(double[] values, int days, List<String> names) {
        List<String> n = List.copyOf(names);
        if (days < 0 || (long) days * n.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + days + " days x " + n.size()
                    + " strategies");
        }
        return checked(days, n, values.clone());
    }

    private static PnlMatrix checked(int days, List<String> names, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                int s = i / days;
                throw new IllegalArgumentException("infinite P&L " + v[i] + " on day " + (i % days)
                        + " of strategy \"" + names.get(s) + "\"");
            }
        }
        for (String name : names) {
            Objects.requireNonNull(name, "strategy name");
        }
        return new PnlMatrix(days, names, v);
    }

    public int days() {
        return days;
    }

    public int strategies() {
        return names.size();
    }

    /** Strategy names in column order. */
    public List<String> names() {
        return names;
    }

    /** The cell, NaN when missing. */
    public double value(int day, int strategy) {
        return values[strategy * days + day];
    }

    /** The cell with a missing value read as 0. */
    public double valueOrZero(int day, int strategy) {
        double v = values[strategy * days + day];
        return Double.isNaN(v) ? 0.0 : v;
    }

    /** Copies one strategy's days into {@code out[offset..offset+days)}, missing values as 0. */
    void copyColumn(int strategy, double[] out, int offset) {
        int base = strategy * days;
        for (int t = 0; t < days; t++) {
            double v = values[base + t];
            out[offset + t] = Double.isNaN(v) ? 0.0 : v;
        }
    }
}
