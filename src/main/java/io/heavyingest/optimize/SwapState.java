package io.heavyingest.optimize;

/**
 * A portfolio that is changed one swap at a time (one member out, one outsider in). It keeps the summed P&amp;L and
 * summed z series, so scoring a swap costs O(days) instead of O(size x days).
 */
final class SwapState {
    /** Applied swaps between exact recomputations of the sums, which bounds rounding drift. */
    private static final int RESYNC_EVERY = 4096;

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
        evaluator.charge();
        fitness = FitnessFunction.fitness(sumPnl, sumZ, selfSum, members.length, floor);
        evaluator.offer(fitness, members);
    }

    private void resync() {
        selfSum = universe.sum(members, sumPnl, sumZ);
        swapsSinceResync = 0;
    }

    double fitness() { return fitness; }

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
        evaluator.charge();
        int out = universe.blockOffset(members[slot]);
        int in = universe.blockOffset(incoming);
        double[] b = universe.blocks();
        double equity = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double maxDrawdown = 0;
        double absolute = 0;
        for (int t = 0; t < days; t++) {
            double r = sumPnl[t] - b[out + t] + b[in + t];
            equity += r;
            absolute += Math.abs(r);
            if (equity > peak) {
                peak = equity;
            }
            double dip = peak - equity;
            if (dip > maxDrawdown) {
                maxDrawdown = dip;
            }
        }
        int zOut = out + days;
        int zIn = in + days;
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
        double inverse = 1.0 / members.length;
        double self = selfSum - universe.zSelf(members[slot]) + universe.zSelf(incoming);
        double f = FitnessFunction.ratio(equity * inverse, maxDrawdown * inverse, absolute * inverse / days, floor)
                - FitnessFunction.CORRELATION_WEIGHT * FitnessFunction.meanCorrelation(zz, self, members.length);
        if (f > evaluator.bestFitness()) {
            int previous = members[slot];
            members[slot] = incoming;
            evaluator.offer(f, members);
            members[slot] = previous;
        }
        return f;
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
        if (++swapsSinceResync >= RESYNC_EVERY) {
            resync();
        }
    }

    /** The summed P&amp;L of the members per day; the live array, read only. */
    double[] sumPnl() { return sumPnl; }

    /** The current members (a copy). */
    int[] members() { return members.clone(); }
}
