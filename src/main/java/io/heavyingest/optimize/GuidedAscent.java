package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * The polish every algorithm's answer gets: an iterated local search whose moves are guided by the fitness
 * itself. The legacy ratio is ROI / MaxDD, and both are sums over the members: for the current max drawdown
 * window [p, q] and the current ratio lambda, a swap of member o for outsider i changes ROI - lambda x (loss over
 * [p, q]) by exactly g(i) - g(o), where g(s) = ROI_s + lambda x (E_s(q) - E_s(p)) from each strategy's cumulative
 * P&amp;L E_s (the Dinkelbach view of a ratio). That linear estimate ranks every strategy in one pass; only the
 * {@code incoming} best-ranked outsiders against the {@code outgoing} worst-ranked members are scored exactly
 * (O(days) each, one evaluation each), and the best of them is taken if it improves the fitness.
 *
 * <p>Good portfolios have many drawdowns of nearly the same depth (often single bad days), and a move that only
 * shrinks the deepest makes the next one the max. So when no move ranked by the max drawdown improves, and
 * {@code temperature} is positive, the walk ranks again with the loss taken over every drawdown, each weighted by
 * how close it is to the max ({@link Windows}): a smooth stand-in for the max. That ranking reads a column per
 * weighted day of every candidate, so among many strategies it only re-ranks the {@code shortlist} outsiders the
 * max-drawdown ranking puts first. When neither ranking finds an improving move, the portfolio is a local optimum:
 * the walk returns to the best local optimum so far unless the new one is at least as good, and is kicked by one to
 * {@code kick} random swaps.
 *
 * <p>The guided walk gets the first half of the budget; late-acceptance hill climbing over random swaps
 * ({@link LateAcceptance}) continues from the best portfolio found with the second half, reaching the members the
 * linear estimates do not rank high.
 *
 * <p>Cost: each exact score is one evaluation; a ranking pass is charged (strategies ranked) x max(2, weighted
 * days) / (2 x days) evaluations, about the memory traffic of as many swap scores, so the budget stays honest
 * against searches that only score swaps.
 */
final class GuidedAscent implements LocalSearch {
    private final int incoming;
    private final int outgoing;
    private final int kick;
    private final double temperature;
    private final int shortlist;
    private final LocalSearch finish;

    /**
     * @param temperature weighing of the drawdowns for the second ranking ({@link Windows}); 0: the max alone
     * @param shortlist outsiders (best by the max-drawdown ranking) the second ranking re-ranks; 0: every outsider
     * @param finish the local search for the second half of the budget; null: the guided walk spends all of it
     */
    GuidedAscent(int incoming, int outgoing, int kick, double temperature, int shortlist, LocalSearch finish) {
        if (incoming < 1 || outgoing < 1 || kick < 1 || shortlist < 0) {
            throw new IllegalArgumentException("guided polish needs positive candidate counts and kick size and a"
                    + " shortlist >= 0, got " + incoming + ", " + outgoing + ", " + kick + ", " + shortlist);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("guided polish needs a finite temperature >= 0, got " + temperature);
        }
        this.temperature = temperature;
        this.shortlist = shortlist;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.kick = kick;
        this.finish = finish;
    }

    GuidedAscent(int incoming, int outgoing, int kick, double temperature, int shortlist) {
        this(incoming, outgoing, kick, temperature, shortlist, null);
    }

    @Override
    public void polish(Evaluator evaluator, int[] start, SplittableRandom random) {
        StrategyUniverse universe = evaluator.universe();
        int size = evaluator.size();
        if (evaluator.exhausted() || size >= universe.size()) {
            return;
        }
        long stop = finish == null ? Long.MAX_VALUE : evaluator.used() + evaluator.remaining() / 2;
        climb(evaluator, start, random, stop);
        if (finish != null && !evaluator.exhausted()) {
            finish.polish(evaluator, evaluator.best(), random);
        }
    }

    /** The guided walk from {@code start} until the budget is spent or {@code stop} evaluations are used. */
    private void climb(Evaluator evaluator, int[] start, SplittableRandom random, long stop) {
        StrategyUniverse universe = evaluator.universe();
        int size = evaluator.size();
        SwapState state = new SwapState(evaluator, start);
        int[] home = state.members();
        double homeFitness = state.fitness();
        Moves moves = new Moves(universe, size);
        while (!evaluator.exhausted() && evaluator.used() < stop) {
            if (moves.byMaxDrawdown(state, evaluator)
                    || temperature > 0 && moves.byEveryDrawdown(state, evaluator)) {
                continue;
            }
            if (evaluator.exhausted()) {
                break;
            }
            // a local optimum of the guided neighbourhood
            if (state.fitness() >= homeFitness) {
                home = state.members();
                homeFitness = state.fitness();
            } else {
                state.reset(home);
            }
            int swaps = 1 + random.nextInt(kick);
            for (int k = 0; k < swaps && !evaluator.exhausted(); k++) {
                int slot = random.nextInt(size);
                int newcomer = RandomPortfolios.outsider(random, universe.size(), state);
                state.applySwap(slot, newcomer, state.trySwap(slot, newcomer));
            }
        }
    }

    /** Outsiders' gains sampled to cut the shortlist's ranking short. */
    private static final int SAMPLE = 1024;

    /**
     * Puts the {@code listed.capacity()} outsiders (strategies s with {@code !member.test(s)}) with the highest
     * {@code gains} in {@code listed}, as offering every outsider in index order would. Among many outsiders only
     * those at or above a cut are offered: the cut is taken from a sample of their gains (into {@code sample}) so that
     * about twice the capacity reach it, and if fewer than the capacity do, every outsider is offered. The result is
     * the same either way (an outsider below the cut has at least the capacity of outsiders above it, and those
     * above are offered in index order), but the ranking no longer pays for the outsiders that would only pass
     * through it: at production width, where the gains can grow along the strategies' order, most of them would.
     */
    static void shortlist(double[] gains, int outsiders, java.util.function.IntPredicate member, Ranked listed,
                          double[] sample) {
        int n = gains.length;
        double cut = Double.NEGATIVE_INFINITY;
        if (outsiders > 8 * listed.capacity() && sample.length > 0) {
            int stride = Math.max(1, n / sample.length);
            int taken = 0;
            for (int s = 0; s < n && taken < sample.length; s += stride) {
                if (!member.test(s)) {
                    sample[taken++] = gains[s];
                }
            }
            if (taken > 0) {
                java.util.Arrays.sort(sample, 0, taken);
                int above = (int) Math.min(taken - 1L, 2L * listed.capacity() * taken / outsiders);
                cut = sample[taken - 1 - above];
            }
        }
        listed.clear();
        int offered = 0;
        for (int s = 0; s < n; s++) {
            if (gains[s] >= cut && !member.test(s)) {
                listed.offer(s, gains[s]);
                offered++;
            }
        }
        if (offered < listed.capacity() && cut > Double.NEGATIVE_INFINITY) {
            listed.clear();
            for (int s = 0; s < n; s++) {
                if (!member.test(s)) {
                    listed.offer(s, gains[s]);
                }
            }
        }
    }

    /** The two rankings of a move and their scratch space, for one walk. */
    private final class Moves {
        private final double[] equity;
        private final int n;
        private final int days;
        private final int last;
        private final Windows windows;
        private final Ranked in;
        private final Ranked out;
        private final Ranked listed;
        /** Every strategy's gain from the last max-drawdown ranking, and the state it was ranked for. */
        private final double[] gains;
        /** Gains sampled to find the shortlist's cut. */
        private final double[] sample = new double[SAMPLE];
        private SwapState rankedState;
        private long rankedVersion = -1;

        Moves(StrategyUniverse universe, int size) {
            this.equity = universe.equity();
            this.n = universe.size();
            this.days = universe.days();
            this.last = (days - 1) * n;
            this.windows = new Windows(days);
            this.in = new Ranked(Math.min(incoming, n - size));
            this.out = new Ranked(Math.min(outgoing, size));
            this.listed = new Ranked(shortlist > 0 && n - size > shortlist ? shortlist : 0);
            this.gains = new double[n];
        }

        /** One move ranked by the max drawdown alone; false when none improves (or the budget ran out). */
        boolean byMaxDrawdown(SwapState state, Evaluator evaluator) {
            double lambda = windows.weigh(state.sumPnl(), 0);
            if (!charge(evaluator, n, windows.count())) {
                return false;
            }
            rankAll(state, lambda);
            rankedState = state;
            rankedVersion = state.version();
            return takeBest(state, evaluator);
        }

        /**
         * One move ranked by every drawdown; among more outsiders than the shortlist, only the shortlist (best by
         * the max drawdown) is ranked again. False when none improves (or the budget ran out).
         */
        boolean byEveryDrawdown(SwapState state, Evaluator evaluator) {
            if (listed.capacity() == 0) {
                double lambda = windows.weigh(state.sumPnl(), temperature);
                if (!charge(evaluator, n, windows.count())) {
                    return false;
                }
                rankAll(state, lambda);
                return takeBest(state, evaluator);
            }
            double lambda = windows.weigh(state.sumPnl(), 0);
            if (!charge(evaluator, n, windows.count())) {
                return false;
            }
            int[] rows = windows.rows(n);
            // the max-drawdown gains are those of the ranking just made when the portfolio has not moved since
            if (rankedState != state || rankedVersion != state.version()) {
                Windows.gains(equity, last, rows, windows.weights(), windows.count(), lambda, n, gains);
                rankedState = state;
                rankedVersion = state.version();
            }
            GuidedAscent.shortlist(gains, n - state.size(), state::contains, listed, sample);
            windows.weigh(state.sumPnl(), temperature);
            if (!charge(evaluator, listed.count() + state.size(), windows.count())) {
                return false;
            }
            rows = windows.rows(n);
            in.clear();
            out.clear();
            for (int i = 0; i < listed.count(); i++) {
                int s = listed.item(i);
                in.offer(s, Windows.gain(equity, last, rows, windows.weights(), windows.count(), lambda, s));
            }
            for (int slot = 0; slot < state.size(); slot++) {
                int s = state.member(slot);
                out.offer(s, -Windows.gain(equity, last, rows, windows.weights(), windows.count(), lambda, s));
            }
            return takeBest(state, evaluator);
        }

        /** Charges a ranking pass over {@code ranked} strategies and {@code weighted} days; false if over budget. */
        private boolean charge(Evaluator evaluator, long ranked, int weighted) {
            long cost = Math.max(1, ranked * Math.max(2, weighted) / (2L * days));
            if (evaluator.remaining() <= cost) {
                return false;
            }
            evaluator.charge(cost);
            return true;
        }

        private void rankAll(SwapState state, double lambda) {
            int[] rows = windows.rows(n);
            double[] weights = windows.weights();
            int used = windows.count();
            rankedState = null;
            in.clear();
            out.clear();
            Windows.gains(equity, last, rows, weights, used, lambda, n, gains);
            for (int s = 0; s < n; s++) {
                double g = gains[s];
                if (state.contains(s)) {
                    out.offer(s, -g);
                } else {
                    in.offer(s, g);
                }
            }
        }

        /** Scores every ranked member against every ranked outsider; takes the best swap if it improves. */
        private boolean takeBest(SwapState state, Evaluator evaluator) {
            double best = state.fitness();
            int bestSlot = -1;
            int bestIn = -1;
            for (int a = 0; a < out.count(); a++) {
                int slot = state.slotOf(out.item(a));
                for (int b = 0; b < in.count(); b++) {
                    if (evaluator.exhausted()) {
                        return false;
                    }
                    double f = state.trySwap(slot, in.item(b), best);
                    if (f > best) {
                        best = f;
                        bestSlot = slot;
                        bestIn = in.item(b);
                    }
                }
            }
            if (bestSlot < 0) {
                return false;
            }
            state.applySwap(bestSlot, bestIn, best);
            return true;
        }
    }

    /**
     * The drawdowns a move is ranked against, as weights per day of the cumulative P&amp;L: a drawdown from peak day
     * p to day t adds its weight at t and subtracts it at p, so a strategy's change over the weighted drawdowns is
     * the weighted sum of its cumulative P&amp;L on those days. Every day t below the running peak is the trough of
     * one drawdown, dip(t) deep; with temperature 0 only the deepest counts (weight 1), otherwise each counts
     * exp((dip(t) - maxDD) / (temperature x maxDD)), normalized to a sum of 1 (weights under 1e-4 of the deepest's
     * are dropped).
     */
    static final class Windows {
        private static final double NEGLIGIBLE = 1e-4;
        private final double[] dip;
        private final int[] peakDay;
        private final double[] perDay;
        private final int[] days;
        private final double[] weights;
        private final int[] rows;
        private int count;

        Windows(int dayCount) {
            dip = new double[dayCount];
            peakDay = new int[dayCount];
            perDay = new double[dayCount];
            days = new int[dayCount];
            weights = new double[dayCount];
            rows = new int[dayCount];
        }

        /**
         * Weighs the drawdowns of the summed P&amp;L {@code sumPnl}; returns lambda, its ROI / max drawdown (0 without
         * a drawdown).
         */
        double weigh(double[] sumPnl, double temperature) {
            double roi = 0;
            double peak = Double.NEGATIVE_INFINITY;
            int day = 0;
            for (int t = 0; t < dip.length; t++) {
                roi += sumPnl[t];
                if (roi > peak) {
                    peak = roi;
                    day = t;
                }
                dip[t] = peak - roi;
                peakDay[t] = day;
            }
            int dayCount = dip.length;
            double worst = 0;
            int worstDay = -1;
            for (int t = 0; t < dayCount; t++) {
                if (dip[t] > worst) {
                    worst = dip[t];
                    worstDay = t;
                }
            }
            count = 0;
            if (worstDay < 0) {
                return 0;
            }
            java.util.Arrays.fill(perDay, 0);
            if (temperature <= 0) {
                perDay[worstDay] = 1;
                perDay[peakDay[worstDay]] = -1;
            } else {
                double total = 0;
                double scale = temperature * worst;
                for (int t = 0; t < dayCount; t++) {
                    if (dip[t] > 0) {
                        double w = Math.exp((dip[t] - worst) / scale);
                        if (w >= NEGLIGIBLE) {
                            perDay[t] += w;
                            perDay[peakDay[t]] -= w;
                            total += w;
                        }
                    }
                }
                for (int t = 0; t < dayCount; t++) {
                    perDay[t] /= total;
                }
            }
            for (int t = 0; t < dayCount; t++) {
                if (perDay[t] != 0) {
                    days[count] = t;
                    weights[count++] = perDay[t];
                }
            }
            return roi / worst;
        }

        int count() { return count; }

        double[] weights() { return weights; }

        /**
         * The linear gain g(s) = ROI_s + lambda x (weighted change of E_s over the drawdowns) of strategy {@code s},
         * after {@link #weigh}; {@code rows} from {@link #rows}.
         */
        static double gain(double[] equity, int last, int[] rows, double[] weights, int count, double lambda, int s) {
            double change = 0; // over the weighted drawdowns: E_s(trough) - E_s(peak), negative for a loss
            for (int d = 0; d < count; d++) {
                change += weights[d] * equity[rows[d] + s];
            }
            return equity[last + s] + lambda * change;
        }

        /**
         * {@link #gain} of every strategy 0 .. {@code n - 1}, into {@code into}: the same additions in the same order
         * per strategy, so bit for bit the same values, but one weighted day's row at a time: the table is read in
         * sequential passes instead of one strategy at a time across rows a universe apart.
         */
        static void gains(double[] equity, int last, int[] rows, double[] weights, int count, double lambda, int n,
                          double[] into) {
            java.util.Arrays.fill(into, 0, n, 0);
            for (int d = 0; d < count; d++) {
                int row = rows[d];
                double weight = weights[d];
                for (int s = 0; s < n; s++) {
                    into[s] += weight * equity[row + s];
                }
            }
            for (int s = 0; s < n; s++) {
                into[s] = equity[last + s] + lambda * into[s];
            }
        }

        /** Offsets of the weighted days' rows in the day-major cumulative table of {@code strategies} columns. */
        int[] rows(int strategies) {
            for (int d = 0; d < count; d++) {
                rows[d] = days[d] * strategies;
            }
            return rows;
        }
    }

    /**
     * The {@code capacity} items with the highest keys offered since the last clear, best first (ties: the first
     * offered). Offers go into a heap whose root is the worst item kept, so an offer costs O(1) when it is rejected
     * and O(log capacity) when it is kept; the items are put in order on the first read after an offer.
     */
    static final class Ranked {
        private final int[] items;
        private final double[] keys;
        private final long[] order;
        private long offered;
        private int count;
        private boolean sorted = true;

        Ranked(int capacity) {
            items = new int[Math.max(capacity, 0)];
            keys = new double[items.length];
            order = new long[items.length];
        }

        void clear() {
            count = 0;
            offered = 0;
            sorted = true;
        }

        int count() { return count; }

        int capacity() { return items.length; }

        int item(int i) {
            if (!sorted) {
                sort();
            }
            return items[i];
        }

        void offer(int item, double key) {
            if (sorted) {
                if (count > 1) {
                    reverse();   // best first, reversed, is worst first: a heap again
                }
                sorted = false;
            }
            if (count == items.length && (count == 0 || !(key > keys[0]))) {
                return;   // not above the worst kept (an equal key offered later ranks below it)
            }
            long seq = offered++;
            if (count < items.length) {
                int i = count++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!worse(key, seq, keys[parent], order[parent])) {
                        break;
                    }
                    move(parent, i);
                    i = parent;
                }
                put(i, item, key, seq);
            } else {
                siftDown(0, count, item, key, seq);
            }
        }

        /** Whether (key a, offered at sa) ranks below (key b, offered at sb). */
        private static boolean worse(double a, long sa, double b, long sb) {
            return a < b || a == b && sa > sb;
        }

        private void siftDown(int i, int n, int item, double key, long seq) {
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && worse(keys[child + 1], order[child + 1], keys[child], order[child])) {
                    child++;
                }
                if (!worse(keys[child], order[child], key, seq)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            put(i, item, key, seq);
        }

        /** Heap sort: the worst item goes to the end, so the array ends best first. */
        private void sort() {
            for (int n = count - 1; n > 0; n--) {
                int item = items[n];
                double key = keys[n];
                long seq = order[n];
                move(0, n);
                siftDown(0, n, item, key, seq);
            }
            sorted = true;
        }

        private void reverse() {
            for (int i = 0, j = count - 1; i < j; i++, j--) {
                int item = items[i];
                double key = keys[i];
                long seq = order[i];
                move(j, i);
                put(j, item, key, seq);
            }
        }

        private void move(int from, int to) {
            items[to] = items[from];
            keys[to] = keys[from];
            order[to] = order[from];
        }

        private void put(int i, int item, double key, long seq) {
            items[i] = item;
            keys[i] = key;
            order[i] = seq;
        }
    }
}
