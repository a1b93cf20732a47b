package io.heavyingest.optimize;


import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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
 *
 * <p>Strategies are indexed in name order (String order), whatever order the matrix came in: DuckDB returns the
 * file's header order, HeavyDB name order, and the search must give the same portfolio for the same data and seed
 * from either.
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
    private final double drawdownFloor;
    private final long nullCount;
    /** Day-major cumulative P&amp;L, {@code equity[t * size + s]}; built on first use (see {@link #equity()}). */
    private volatile double[] equity;
    /** See {@link #scale()}; written before {@link #equity} is published. */
    private double scale;

    private StrategyUniverse(PnlMatrix matrix, double periodsPerYear, double drawdownFloor) {
        this.datasetId = matrix.datasetId();
        this.days = matrix.days();
        this.size = matrix.strategyCount();
        this.nullCount = matrix.nullCount();
        this.periodsPerYear = periodsPerYear;
        this.drawdownFloor = drawdownFloor;
        Integer[] order = new Integer[size];
        for (int s = 0; s < size; s++) {
            order[s] = s;
        }
        List<String> given = matrix.strategies();
        Arrays.sort(order, (a, b) -> given.get(a).compareTo(given.get(b)));
        List<String> sorted = new ArrayList<>(size);
        double[] values = matrix.values();
        this.pnl = new double[values.length];
        for (int s = 0; s < size; s++) {
            sorted.add(given.get(order[s]));
            System.arraycopy(values, order[s] * days, pnl, s * days, days);
        }
        this.names = List.copyOf(sorted);
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
        return of(matrix, periodsPerYear, 0);
    }

    /**
     * Prepares {@code matrix} for the fitness with the given drawdown floor: 0 keeps the legacy ratio, a positive
     * value floors the max drawdown at that multiple of the portfolio's mean absolute daily return (see
     * {@link FitnessFunction#ratio(double, double, double, double)}).
     */
    public static StrategyUniverse of(PnlMatrix matrix, double periodsPerYear, double drawdownFloor) {
        if (!(drawdownFloor >= 0) || Double.isInfinite(drawdownFloor)) {
            throw new IllegalArgumentException("drawdown floor must be a finite number >= 0, got " + drawdownFloor);
        }
        if (matrix.days() < 1 || matrix.strategyCount() < 1) {
            throw new IllegalArgumentException("the dataset is empty: " + matrix.days() + " days x "
                    + matrix.strategyCount() + " strategies");
        }
        if (matrix.values().length != matrix.days() * matrix.strategyCount()) {
            throw new IllegalArgumentException("matrix holds " + matrix.values().length + " values, expected "
                    + matrix.days() + " x " + matrix.strategyCount());
        }
        return new StrategyUniverse(matrix, periodsPerYear > 0 ? periodsPerYear : periodsPerYear(matrix.dates()),
                drawdownFloor);
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
        double absolute = 0;
        for (int t = 0; t < days; t++) {
            equity += pnl[base + t];
            absolute += Math.abs(pnl[base + t]);
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, peak - equity);
        }
        return FitnessFunction.ratio(equity, maxDrawdown, absolute / days, drawdownFloor);
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

    /** Max drawdown floor as a multiple of the portfolio's mean absolute daily return; 0: the legacy ratio. */
    public double drawdownFloor() { return drawdownFloor; }

    /**
     * 16 hex characters of a SHA-256 over the days, the strategy names and every value (in name order), so the
     * same data gives the same fingerprint whichever warehouse it was read from and under whatever dataset id.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8 * days);
            sha.update(java.nio.ByteBuffer.allocate(8).putInt(days).putInt(size).array());
            for (int s = 0; s < size; s++) {
                sha.update(names.get(s).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                buffer.clear();
                for (int t = 0; t < days; t++) {
                    buffer.putLong(Double.doubleToLongBits(pnl[s * days + t] + 0.0));
                }
                sha.update(buffer.array());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** NULL (or absent) cells of the dataset, read as 0. */
    public long nullCount() { return nullCount; }

    /** P&amp;L of {@code strategy} on day {@code day}. */
    public double pnl(int strategy, int day) { return pnl[strategy * days + day]; }

    /** Interleaved P&amp;L and z blocks (see the class comment); shared, do not modify. */
    double[] blocks() { return blocks; }

    /** Offset of a strategy's block: its P&amp;L starts here and its z series {@link #days()} later. */
    int blockOffset(int strategy) { return strategy * 2 * days; }

    /**
     * Cumulative P&amp;L of every strategy, day-major: {@code equity()[t * size() + s]} = D[0, s] + ... + D[t, s]. Day
     * rows are contiguous, so the guided polish reads one strategy's gain over a window (two days) for every
     * strategy in two sequential passes. Built once on first use; shared, do not modify.
     */
    double[] equity() {
        double[] e = equity;
        if (e == null) {
            synchronized (this) {
                e = equity;
                if (e == null) {
                    e = new double[days * size];
                    double largest = 1;
                    for (int s = 0; s < size; s++) {
                        double running = 0;
                        for (int t = 0; t < days; t++) {
                            running += pnl[s * days + t];
                            e[t * size + s] = running;
                            largest = Math.max(largest, Math.abs(running));
                        }
                    }
                    scale = largest;
                    equity = e;
                }
            }
        }
        return e;
    }

    /**
     * The largest |cumulative P&amp;L| of any strategy on any day (at least 1): the scale of the rounding allowance
     * of {@link SwapState}'s cuts.
     */
    double scale() {
        equity();
        return scale;
    }

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
        int n = members.length;
        int i = 0;
        // four members per pass over the days: a quarter of the loads and stores of the sums, and the same additions
        // in the same order as one member at a time (((sum + a) + b) + c) + d, so the result is bit for bit the same
        for (; i + 4 <= n; i += 4) {
            int a = blockOffset(members[i]);
            int b = blockOffset(members[i + 1]);
            int c = blockOffset(members[i + 2]);
            int d = blockOffset(members[i + 3]);
            for (int t = 0; t < days; t++) {
                sumPnl[t] = sumPnl[t] + blocks[a + t] + blocks[b + t] + blocks[c + t] + blocks[d + t];
            }
            a += days;
            b += days;
            c += days;
            d += days;
            for (int t = 0; t < days; t++) {
                sumZ[t] = sumZ[t] + blocks[a + t] + blocks[b + t] + blocks[c + t] + blocks[d + t];
            }
        }
        for (; i < n; i++) {
            int p = blockOffset(members[i]);
            int z = p + days;
            for (int t = 0; t < days; t++) {
                sumPnl[t] += blocks[p + t];
                sumZ[t] += blocks[z + t];
            }
        }
        for (int s : members) {
            selfSum += zSelf[s];
        }
        return selfSum;
    }
}
