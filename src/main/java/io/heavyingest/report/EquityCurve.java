package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import java.time.LocalDate;
import java.util.List;

/**
 * A portfolio's equity and drawdown, day by day: {@code E_t} = running sum of the daily returns, {@code P_t} =
 * running maximum of E from {@code E_1} on, drawdown {@code DD_t = P_t - E_t} (never negative); max drawdown is
 * the largest DD_t, as the optimizer defines it.
 *
 * @param dates the days, in order
 * @param equity E_t
 * @param drawdown DD_t
 */
public record EquityCurve(List<LocalDate> dates, double[] equity, double[] drawdown) {

    public EquityCurve {
        dates = List.copyOf(dates);
        if (equity.length != dates.size() || drawdown.length != dates.size()) {
            throw new IllegalArgumentException("an equity curve needs one equity and one drawdown value per date");
        }
    }

    /** From daily returns r_t (NaN counts as 0). */
    public static EquityCurve of(List<LocalDate> dates, double[] dailyReturns) {
        if (dailyReturns.length != dates.size()) {
            throw new IllegalArgumentException(dailyReturns.length + " daily returns for " + dates.size() + " dates");
        }
        int n = dailyReturns.length;
        double[] e = new double[n];
        double[] dd = new double[n];
        double sum = 0;
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            double r = dailyReturns[t];
            if (Double.isInfinite(r)) {
                throw new IllegalArgumentException("infinite return on " + dates.get(t));
            }
            sum += Double.isNaN(r) ? 0 : r;
            e[t] = sum;
            peak = Math.max(peak, sum);
            dd[t] = peak - sum;
        }
        return new EquityCurve(dates, e, dd);
    }

    /**
     * The equity of a portfolio: r_t = mean P&amp;L of its {@code members} (column indices of {@code matrix}) on
     * day t, missing values as 0.
     */
    public static EquityCurve ofPortfolio(List<LocalDate> dates, PnlMatrix matrix, int[] members) {
        if (members.length == 0) {
            throw new IllegalArgumentException("a portfolio needs at least one strategy");
        }
        if (dates.size() != matrix.days()) {
            throw new IllegalArgumentException(dates.size() + " dates for " + matrix.days() + " days");
        }
        double[] r = new double[matrix.days()];
        for (int t = 0; t < r.length; t++) {
            double s = 0;
            for (int m : members) {
                s += MatrixCells.valueOrZero(matrix, t, m);
            }
            r[t] = s / members.length;
        }
        return of(dates, r);
    }

    /** The largest drawdown, 0 for an empty curve. */
    public double maxDrawdown() {
        double max = 0;
        for (double d : drawdown) {
            max = Math.max(max, d);
        }
        return max;
    }
}
