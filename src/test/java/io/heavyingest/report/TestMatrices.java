package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the product's P&amp;L matrix for tests from rows or columns, with one date a week from 2024-01-04. */
final class TestMatrices {
    private TestMatrices() {
    }

    /** From {@code rows[day][strategy]}. */
    static PnlMatrix ofRows(double[][] rows, List<String> names) {
        int days = rows.length;
        double[] v = new double[days * names.size()];
        for (int t = 0; t < days; t++) {
            if (rows[t].length != names.size()) {
                throw new IllegalArgumentException("day " + t + " has " + rows[t].length + " values");
            }
            for (int s = 0; s < names.size(); s++) {
                v[s * days + t] = rows[t][s];
            }
        }
        return ofColumns(v, days, names);
    }

    /** From a strategy-major array {@code values[strategy * days + day]}. */
    static PnlMatrix ofColumns(double[] values, int days, List<String> names) {
        if ((long) days * names.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + days + " x " + names.size());
        }
        return new PnlMatrix("test", dates(days), List.copyOf(names), values.clone(), 0);
    }

    static List<LocalDate> dates(int days) {
        List<LocalDate> out = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            out.add(LocalDate.of(2024, 1, 4).plusWeeks(t));
        }
        return out;
    }
}
