package io.heavyingest.optimize;


import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The dataset prepared for portfolio search: raw daily P&amp;L and the standardized series z of every strategy. They
 * are interleaved per strategy in one array, {@code block(s) = [pnl_0 .. pnl_{T-1}, z_0 .. z_{T-1}]} at offset
 * {@code s * 2T}, so scoring a portfolio reads one contiguous block per member (the search is bound by memory
 * reads: the whole array is larger than a typical L3 cache).
 *
 * <p>{@code z_s = (x_s - mean(x_s)) / |x_s - mean(x_s)|}, so the Pearson correlation of two strategies is the dot
 * product {@code z_i . z_j}. A constant series (every day the same value, including all zeros) has no defined
 * correlation; its z is the zero vector, which makes its correlation with anything 0.
 */
public final class StrategyUniverse {
    /** Rows per year assumed when the dates cannot tell (fewer than two distinct dates). */
    static final double FALLBACK_PERIODS_PER_YEAR = 252;

    private final String datasetId;
    private final List<String> names;
    private final int days;
    private final int size;
    private final double[] pnl;
    private final double[] blocks;
    private final double[] zSelf;
    private final double[] standaloneRatio;
    private final double periodsPerYear;
    private final long nullCount;

    private StrategyUniverse(PnlMatrix matrix, double periodsPerYear) {
        this.datasetId = matrix.datasetId();
        this.names = matrix.strategies();
        this.days = matrix.days();
        this.size = matrix.strategyCount();
        this.pnl = matrix.values();
        this.nullCount = matrix.nullCount();
        this.periodsPerYear = periodsPerYear;
        this.blocks = new double[2 * pnl.length];
        this.zSelf = new double[size];
        this.standaloneRatio = new double[size];
        for (int s = 0; s < size; s++) {
            standardize(s);
            standaloneRatio[s] = computeStandaloneRatio(s);
        }
    }

    /**
     * Prepares {@code matrix}. {@code periodsPerYear} annualizes Sharpe, Sortino and the annualized return; when it
     * is not positive it is derived from the dates: (rows - 1) / (years between the first and the last date).
     */
    public static StrategyUniverse of(PnlMatrix matrix, double periodsPerYear) {
        if (matrix.days() < 1 || matrix.strategyCount() < 1) {
            throw new IllegalArgumentException("the dataset is empty: " + matrix.days() + " days x "
                    + matrix.strategyCount() + " strategies");
        }
        if (matrix.values().length != matrix.days() * matrix.strategyCount()) {
            throw new IllegalArgumentException("matrix holds " + matrix.values().length + " values, expected "
                    + matrix.days() + " x " + matrix.strategyCount());
        }
        return new StrategyUniverse(matrix, periodsPerYear > 0 ? periodsPerYear : periodsPerYear(matrix.dates()));
    }

    /** Observed rows per year: weekly rows give about 52, daily trading rows about 252. */
    static double periodsPerYear(List<LocalDate> dates) {
        if (dates.size() < 2) {
            return FALLBACK_PERIODS_PER_YEAR;
        }
        long span = ChronoUnit.DAYS.between(dates.get(0), dates.get(dates.size() - 1));
        return span <= 0 ? FALLBACK_PERIODS_PER_YEAR : (dates.size() - 1) / (span / 365.25);
    }

    private void standardize(int s) {
        int base = s * days;
        System.arraycopy(pnl, base, blocks, 2 * base, days);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int t = 0; t < days; t++) {
            double v = pnl[base + t];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            return; // constant series: z stays the zero vector
        }
        double mean = sum / days;
        double squares = 0;
        for (int t = 0; t < days; t++) {
            double d = pnl[base + t] - mean;
            squares += d * d;
        }
        double inverseNorm = 1 / Math.sqrt(squares);
        double self = 0;
        int zBase = 2 * base + days;
        for (int t = 0; t < days; t++) {
            double v = (pnl[base + t] - mean) * inverseNorm;
            blocks[zBase + t] = v;
            self += v * v;
        }
        zSelf[s] = self;
    }

    private double computeStandaloneRatio(int s) {
        int base = s * days;
        double equity = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double maxDrawdown = 0;
        for (int t = 0; t < days; t++) {
            equity += pnl[base + t];
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, peak - equity);
        }
        return FitnessFunction.ratio(equity, maxDrawdown);
    }

    public String datasetId() { return datasetId; }

    /** Strategy names by index. */
    public List<String> names() { return names; }

    public String name(int strategy) { return names.get(strategy); }

    /** Days (rows) per series. */
    public int days() { return days; }

    /** Number of strategies. */
    public int size() { return size; }

    /** Rows per year used to annualize. */
    public double periodsPerYear() { return periodsPerYear; }

    /** NULL (or absent) cells of the dataset, read as 0. */
    public long nullCount() { return nullCount; }

    /** P&amp;L of {@code strategy} on day {@code day}. */
    public double pnl(int strategy, int day) { return pnl[strategy * days + day]; }

    /** Interleaved P&amp;L and z blocks (see the class comment); shared, do not modify. */
    double[] blocks() { return blocks; }

    /** Offset of a strategy's block: its P&amp;L starts here and its z series {@link #days()} later. */
    int blockOffset(int strategy) { return strategy * 2 * days; }

    /** {@code |z_s|^2}: 1 up to rounding, 0 for a constant series. */
    double zSelf(int strategy) { return zSelf[strategy]; }

    /** The legacy ratio of the strategy held alone (a guide for constructive searches, not the fitness). */
    double standaloneRatio(int strategy) { return standaloneRatio[strategy]; }

    /**
     * Overwrites {@code sumPnl} and {@code sumZ} with the day-by-day sums of the members' P&L and standardized
     * series; returns the sum of the members' own |z|^2 (the diagonal the correlation term leaves out).
     */
    double sum(int[] members, double[] sumPnl, double[] sumZ) {
        java.util.Arrays.fill(sumPnl, 0);
        java.util.Arrays.fill(sumZ, 0);
        double selfSum = 0;
        for (int s : members) {
            int p = blockOffset(s);
            int z = p + days;
            for (int t = 0; t < days; t++) {
                sumPnl[t] += blocks[p + t];
                sumZ[t] += blocks[z + t];
            }
            selfSum += zSelf[s];
        }
        return selfSum;
    }
}
