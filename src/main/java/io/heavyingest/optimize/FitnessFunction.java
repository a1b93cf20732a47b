package io.heavyingest.optimize;

import java.util.Arrays;

/**
 * The legacy "ratio" fitness with the correlation penalty, and the reported metrics. See {@link PortfolioMetrics}
 * for every definition.
 *
 * <p>Correlation without the strategies x strategies matrix: with standardized series z_i (mean 0, norm 1), the
 * Pearson correlation of i and j is {@code z_i . z_j}, so the sum over ordered pairs i != j is
 * {@code |sum z_i|^2 - sum |z_i|^2} and the mean over the n(n-1)/2 unordered pairs is that divided by n(n-1).
 * Subtracting the actual {@code |z_i|^2} (1, or 0 for a constant series) rather than n keeps constant series at
 * correlation 0 exactly.
 */
public final class FitnessFunction {
    /** Weight of the mean pairwise correlation in the fitness. */
    public static final double CORRELATION_WEIGHT = 10;
    /** Below this, the max drawdown counts as zero and the ratio falls back to its special cases. */
    public static final double FLAT_DRAWDOWN = 1e-6;

    private FitnessFunction() {
    }

    /** Legacy "ratio": ROI / MaxDD, or 100 x ROI / 10 x ROI / 0 when there was no drawdown. */
    public static double ratio(double roi, double maxDrawdown) {
        if (maxDrawdown > FLAT_DRAWDOWN) {
            return roi / maxDrawdown;
        }
        if (roi > 0) {
            return 100 * roi;
        }
        if (roi < 0) {
            return 10 * roi;
        }
        return 0;
    }

    /**
     * The ratio under a drawdown floor. With {@code floor} = 0 it is the legacy {@link #ratio(double, double)}.
     * With {@code floor} &gt; 0 the drawdown it divides by is {@code max(maxDrawdown, floor x meanAbsoluteReturn)}:
     * a portfolio cannot claim a drawdown smaller than {@code floor} of its own average daily move, so ROI / MaxDD
     * stays bounded (by days / floor, since |ROI| &lt;= days x mean |r|) and is never driven by rounding noise in a
     * near-zero drawdown. A portfolio that never moves (every r_t = 0) has ratio 0.
     *
     * @param roi sum of the daily returns
     * @param maxDrawdown max drawdown of the equity curve (never negative)
     * @param meanAbsoluteReturn mean over the days of |r_t|
     * @param floor multiple of {@code meanAbsoluteReturn} below which the drawdown is not believed; 0: legacy
     */
    public static double ratio(double roi, double maxDrawdown, double meanAbsoluteReturn, double floor) {
        if (floor <= 0) {
            return ratio(roi, maxDrawdown);
        }
        double drawdown = Math.max(maxDrawdown, floor * meanAbsoluteReturn);
        return drawdown > 0 ? roi / drawdown : 0;
    }

    /**
     * Mean Pearson correlation over unordered pairs, from {@code |sum z|^2} and {@code sum |z_i|^2} of the n
     * members; 0 for fewer than two members.
     */
    public static double meanCorrelation(double sumZSquared, double selfSum, int n) {
        return n < 2 ? 0 : (sumZSquared - selfSum) / ((double) n * (n - 1));
    }

    /**
     * Fitness of a portfolio from its summed P&amp;L series, summed z series and summed |z_i|^2, under the drawdown
     * floor {@code floor} (0: legacy).
     */
    static double fitness(double[] sumPnl, double[] sumZ, double selfSum, int n, double floor) {
        double inverse = 1.0 / n;
        double equity = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double maxDrawdown = 0;
        double absolute = 0;
        double zz = 0;
        for (int t = 0; t < sumPnl.length; t++) {
            double r = sumPnl[t] * inverse;
            equity += r;
            absolute += Math.abs(r);
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, peak - equity);
            zz += sumZ[t] * sumZ[t];
        }
        return ratio(equity, maxDrawdown, absolute / sumPnl.length, floor)
                - CORRELATION_WEIGHT * meanCorrelation(zz, selfSum, n);
    }

    /** Fitness of {@code members}, computed from scratch. */
    public static double fitness(StrategyUniverse universe, int[] members) {
        return metrics(universe, members).fitness();
    }

    /**
     * Every metric of {@code members} (distinct strategy indices), computed from scratch in ascending index order
     * so the figures do not depend on how a search reached the portfolio.
     */
    public static PortfolioMetrics metrics(StrategyUniverse universe, int[] members) {
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        checkDistinct(universe, sorted);
        int days = universe.days();
        int n = sorted.length;
        double[] blocks = universe.blocks();
        double[] returns = new double[days];
        double[] sumZ = new double[days];
        double selfSum = 0;
        for (int s : sorted) {
            int p = universe.blockOffset(s);
            for (int t = 0; t < days; t++) {
                returns[t] += blocks[p + t];
                sumZ[t] += blocks[p + days + t];
            }
            selfSum += universe.zSelf(s);
        }
        double zz = 0;
        for (int t = 0; t < days; t++) {
            returns[t] /= n;
            zz += sumZ[t] * sumZ[t];
        }
        return fromReturns(returns, meanCorrelation(zz, selfSum, n), universe.periodsPerYear(),
                universe.drawdownFloor());
    }

    /** Metrics of a daily return series with the given mean pairwise correlation, under a drawdown floor. */
    static PortfolioMetrics fromReturns(double[] r, double meanCorrelation, double periodsPerYear, double floor) {
        int days = r.length;
        double equity = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double maxDrawdown = 0;
        double gains = 0;
        double losses = 0;
        double downsideSquares = 0;
        double absolute = 0;
        int wins = 0;
        for (double v : r) {
            equity += v;
            absolute += Math.abs(v);
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, peak - equity);
            if (v > 0) {
                wins++;
                gains += v;
            } else if (v < 0) {
                losses -= v;
                downsideSquares += v * v;
            }
        }
        double roi = equity;
        double mean = roi / days;
        double squares = 0;
        for (double v : r) {
            squares += (v - mean) * (v - mean);
        }
        double sd = days > 1 ? Math.sqrt(squares / (days - 1)) : 0;
        double downside = Math.sqrt(downsideSquares / days);
        double annualizer = Math.sqrt(periodsPerYear);
        double ratio = ratio(roi, maxDrawdown, absolute / days, floor);
        double profitFactor = losses > 0 ? gains / losses : gains > 0 ? Double.POSITIVE_INFINITY : 0;
        double sharpe = sd > 0 ? mean / sd * annualizer : 0;
        double sortino = downside > 0 ? mean / downside * annualizer : mean > 0 ? Double.POSITIVE_INFINITY : 0;
        return new PortfolioMetrics(roi, maxDrawdown, ratio, meanCorrelation,
                ratio - CORRELATION_WEIGHT * meanCorrelation, (double) wins / days, profitFactor, mean, sharpe,
                sortino, mean * periodsPerYear);
    }

    private static void checkDistinct(StrategyUniverse universe, int[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a portfolio needs at least one strategy");
        }
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= universe.size()) {
                throw new IllegalArgumentException("strategy index " + sorted[i] + " outside 0.." + (universe.size() - 1));
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("strategy " + universe.name(sorted[i]) + " appears twice");
            }
        }
    }
}
