package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;

/**
 * Cell access on the product's one P&amp;L matrix ({@link PnlMatrix}, strategy-major) as this package reads it: a
 * missing value counts as 0 P&amp;L (the warehouses already store NULL cells as 0; a NaN handed in directly is
 * treated the same), as in the optimizer. A SQL counterpart that must agree uses {@code COALESCE(pnl, 0)}.
 */
final class MatrixCells {
    private MatrixCells() {
    }

    /** The cell of {@code strategy} on {@code day}, missing as 0. */
    static double valueOrZero(PnlMatrix m, int day, int strategy) {
        double v = m.values()[strategy * m.days() + day];
        return Double.isNaN(v) ? 0.0 : v;
    }

    /** Copies one strategy's days into {@code out[offset..offset+days)}, missing values as 0. */
    static void copyColumn(PnlMatrix m, int strategy, double[] out, int offset) {
        int days = m.days();
        double[] values = m.values();
        int base = strategy * days;
        for (int t = 0; t < days; t++) {
            double v = values[base + t];
            out[offset + t] = Double.isNaN(v) ? 0.0 : v;
        }
    }
}
