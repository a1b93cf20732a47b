package io.heavyingest.optimize;

/**
 * A portfolio that is changed one swap at a time (one member out, one outsider in). It keeps the summed P&amp;L and
 * summed z series, so scoring a swap costs O(days) instead of O(size x days).
 *
 * <p>Most swaps a search scores are rejected, and a caller that only needs to know whether a swap reaches a threshold
 * passes it ({@link #trySwap(int, int, double)}): a swap that provably falls short is then cut early. First in O(1)
 * per window: the new ROI and the new loss over each of the portfolio's {@value #WINDOWS} deepest drawdowns are read
 * from the cumulative P&amp;L table, the new max drawdown is at least each such loss, and the correlation term moves
 * by at most 4 / size per swap (each of the size - 1 changed pairs by at most 2), so ROI / loss - 10 x (correlation
 * - 4 / size) bounds the new fitness from above. Then, with the exact correlation term, the walk over the days stops
 * as soon as the drawdown so far rules the threshold out. Both cuts keep a margin for rounding, so a swap that
 * reaches the threshold is always scored exactly and the searches make the same choices as without them.
 */
final class SwapState {
    /** Applied swaps between exact recomputations of the sums, which bounds rounding drift. */
    private static final int RESYNC_EVERY = 4096;
    /** Deepest drawdowns of the current portfolio checked in O(1) before a swap is scored in full. */
    static final int WINDOWS = 4;
    /** Relative margin of the cuts for rounding: far above the error of the sums, far below any real difference. */
    private static final double MARGIN = 1e-9;
    /** Returned for a swap cut short: below every threshold. */
    static final double CUT = Double.NEGATIVE_INFINITY;

    private final Evaluator evaluator;
    private final StrategyUniverse universe;
    private final int days;
    private final double floor;
    private final int[] members;
    private final int[] slotOf;
    private final double[] sumPnl;
    private final double[] sumZ;
    private double selfSum;
    private double fitness;
    private int swapsSinceResync;
    /** Counts the moves (swaps and resets), so a caller can tell whether the portfolio changed. */
    private long version;
    private final double[] equity;
    private final int strategies;
    private final int lastRow;
    /** Sum of the members' ROI (the summed P&amp;L's total). */
    private double total;
    /** The current mean correlation. */
    private double correlation;
    /** Row offsets (day x strategies) of the deepest drawdowns' peak and trough days, and their summed losses. */
    private final int[] peakRow = new int[WINDOWS];
    private final int[] troughRow = new int[WINDOWS];
    private final double[] loss = new double[WINDOWS];
    private int windows;
    /** Absolute rounding allowance of the cuts, from the data's scale. */
    private final double slack;

    /** Starts at {@code members}; costs one evaluation. */
    SwapState(Evaluator evaluator, int[] members) {
        this.evaluator = evaluator;
        this.universe = evaluator.universe();
        this.days = universe.days();
        this.floor = universe.drawdownFloor();
        this.members = members.clone();
        this.slotOf = new int[universe.size()];
        this.sumPnl = new double[days];
        this.sumZ = new double[days];
        this.equity = universe.equity();
        this.strategies = universe.size();
        this.lastRow = (days - 1) * strategies;
        this.slack = MARGIN * universe.scale() * members.length;
        reset(members);
    }

    /** Moves to another portfolio of the same size; costs one evaluation. */
    void reset(int[] newMembers) {
        for (int m : members) {
            slotOf[m] = 0;
        }
        System.arraycopy(newMembers, 0, members, 0, members.length);
        for (int i = 0; i < members.length; i++) {
            slotOf[members[i]] = i + 1;
        }
        resync();
        version++;
        evaluator.charge();
        fitness = FitnessFunction.fitness(sumPnl, sumZ, selfSum, members.length, floor);
        evaluator.offer(fitness, members);
    }

    private void resync() {
        selfSum = universe.sum(members, sumPnl, sumZ);
        swapsSinceResync = 0;
        survey();
    }

    /** Reads the summed series' total, mean correlation and deepest drawdowns (one per dip below a peak). */
    private void survey() {
        double running = 0;
        double peak = Double.NEGATIVE_INFINITY;
        int peakDay = 0;
        double deepest = 0;
        int deepestDay = -1;
        double zz = 0;
        windows = 0;
        for (int t = 0; t < days; t++) {
            running += sumPnl[t];
            zz += sumZ[t] * sumZ[t];
            if (running > peak) {
                keep(peakDay, deepestDay, deepest);
                peak = running;
                peakDay = t;
                deepest = 0;
                deepestDay = -1;
            } else if (peak - running > deepest) {
                deepest = peak - running;
                deepestDay = t;
            }
        }
        keep(peakDay, deepestDay, deepest);
        total = running;
        correlation = FitnessFunction.meanCorrelation(zz, selfSum, members.length);
    }

    /** Keeps the dip from {@code peakDay} to {@code troughDay} if it is among the {@value #WINDOWS} deepest. */
    private void keep(int peakDay, int troughDay, double depth) {
        if (troughDay < 0 || windows == WINDOWS && depth <= loss[WINDOWS - 1]) {
            return;
        }
        int i = windows < WINDOWS ? windows++ : WINDOWS - 1;
        while (i > 0 && loss[i - 1] < depth) {
            loss[i] = loss[i - 1];
            peakRow[i] = peakRow[i - 1];
            troughRow[i] = troughRow[i - 1];
            i--;
        }
        loss[i] = depth;
        peakRow[i] = peakDay * strategies;
        troughRow[i] = troughDay * strategies;
    }

    double fitness() { return fitness; }

    /** Changes whenever the portfolio moves (a swap applied or a reset). */
    long version() { return version; }

    int size() { return members.length; }

    int member(int slot) { return members[slot]; }

    boolean contains(int strategy) { return slotOf[strategy] != 0; }

    /** The slot holding {@code strategy}, which must be a member. */
    int slotOf(int strategy) { return slotOf[strategy] - 1; }

    /**
     * Fitness the portfolio would have with {@code incoming} in place of the member at {@code slot}; one evaluation.
     * The equity curve is walked on the summed P&amp;L and scaled to the mean once at the end (ROI, drawdown and mean
     * absolute return are all linear in the scale), and the correlation term is summed in four independent lanes,
     * so the two loops carry short dependency chains.
     */
    double trySwap(int slot, int incoming) {
        return trySwap(slot, incoming, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #trySwap(int, int)} for a caller that only acts on a swap whose fitness reaches {@code threshold}:
     * returns the exact fitness when it is at least {@code threshold}, and otherwise either the exact fitness or
     * {@link #CUT} (the swap was ruled out early). One evaluation either way. {@code threshold} must not exceed the
     * evaluator's best (a swap ruled out is never its new best).
     */
    double trySwap(int slot, int incoming, double threshold) {
        evaluator.charge();
        int outgoing = members[slot];
        int size = members.length;
        double[] b = universe.blocks();
        int out = universe.blockOffset(outgoing);
        int in = universe.blockOffset(incoming);
        int zOut = out + days;
        int zIn = in + days;
        // the correlation term first (exact, or bounded for the O(1) cut): it sets how deep a drawdown may go
        double roi = total - equity[lastRow + outgoing] + equity[lastRow + incoming];
        if (threshold > Double.NEGATIVE_INFINITY) {
            double reach = threshold + FitnessFunction.CORRELATION_WEIGHT * (correlation - 4.0 / size - MARGIN);
            if (roi < -slack) {
                // a ratio of at most 0 leaves at most the correlation term
                if (reach > MARGIN * Math.abs(threshold)) {
                    return CUT;
                }
            } else if (roi > slack && reach > 0) {
                double bound = drawdownLimit(roi, reach, size);
                for (int w = 0; w < windows; w++) {
                    double newLoss = loss[w] - equity[peakRow[w] + outgoing] + equity[troughRow[w] + outgoing]
                            + equity[peakRow[w] + incoming] - equity[troughRow[w] + incoming];
                    if (newLoss > bound) {
                        return CUT;
                    }
                }
            }
        }
        double zz0 = 0;
        double zz1 = 0;
        double zz2 = 0;
        double zz3 = 0;
        int t = 0;
        for (; t + 3 < days; t += 4) {
            double z0 = sumZ[t] - b[zOut + t] + b[zIn + t];
            double z1 = sumZ[t + 1] - b[zOut + t + 1] + b[zIn + t + 1];
            double z2 = sumZ[t + 2] - b[zOut + t + 2] + b[zIn + t + 2];
            double z3 = sumZ[t + 3] - b[zOut + t + 3] + b[zIn + t + 3];
            zz0 += z0 * z0;
            zz1 += z1 * z1;
            zz2 += z2 * z2;
            zz3 += z3 * z3;
        }
        for (; t < days; t++) {
            double z = sumZ[t] - b[zOut + t] + b[zIn + t];
            zz0 += z * z;
        }
        double zz = (zz0 + zz1) + (zz2 + zz3);
        double self = selfSum - universe.zSelf(outgoing) + universe.zSelf(incoming);
        double penalty = FitnessFunction.CORRELATION_WEIGHT * FitnessFunction.meanCorrelation(zz, self, size);
        double limit = Double.POSITIVE_INFINITY;   // the summed drawdown beyond which the threshold is out of reach
        if (threshold > Double.NEGATIVE_INFINITY) {
            double reach = threshold + penalty - MARGIN * Math.abs(threshold);
            if (roi < -slack && reach > 0) {
                return CUT;   // a ratio of at most 0
            }
            if (roi > slack && reach > 0) {
                limit = drawdownLimit(roi, reach, size);
            }
        }
        double running = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double maxDrawdown = 0;
        double absolute = 0;
        for (t = 0; t < days; t++) {
            double r = sumPnl[t] - b[out + t] + b[in + t];
            running += r;
            absolute += Math.abs(r);
            if (running > peak) {
                peak = running;
            }
            double dip = peak - running;
            if (dip > maxDrawdown) {
                maxDrawdown = dip;
                if (dip > limit) {
                    return CUT;
                }
            }
        }
        double inverse = 1.0 / size;
        double f = FitnessFunction.ratio(running * inverse, maxDrawdown * inverse, absolute * inverse / days, floor)
                - penalty;
        if (f > evaluator.bestFitness()) {
            members[slot] = incoming;
            evaluator.offer(f, members);
            members[slot] = outgoing;
        }
        return f;
    }

    /**
     * The summed drawdown above which a portfolio of summed ROI {@code roi} cannot have a ratio of {@code reach}
     * (ratio = ROI / drawdown), with the rounding margin, and never below the legacy ratio's flat-drawdown limit.
     */
    private double drawdownLimit(double roi, double reach, int size) {
        return Math.max(roi / reach * (1 + MARGIN) + slack, FitnessFunction.FLAT_DRAWDOWN * size);
    }

    /** Applies a swap scored by {@link #trySwap} (free: its fitness is already known). */
    void applySwap(int slot, int incoming, double newFitness) {
        int outgoing = members[slot];
        int out = universe.blockOffset(outgoing);
        int in = universe.blockOffset(incoming);
        double[] b = universe.blocks();
        for (int t = 0; t < days; t++) {
            sumPnl[t] += b[in + t] - b[out + t];
            sumZ[t] += b[in + days + t] - b[out + days + t];
        }
        selfSum += universe.zSelf(incoming) - universe.zSelf(outgoing);
        slotOf[outgoing] = 0;
        slotOf[incoming] = slot + 1;
        members[slot] = incoming;
        fitness = newFitness;
        version++;
        if (++swapsSinceResync >= RESYNC_EVERY) {
            resync();
        } else {
            survey();
        }
    }

    /** The summed P&amp;L of the members per day; the live array, read only. */
    double[] sumPnl() { return sumPnl; }

    /** The current members (a copy). */
    int[] members() { return members.clone(); }
}
