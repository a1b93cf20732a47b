package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * The polish every algorithm's answer gets: an iterated local search whose moves are guided by the fitness
 * itself. The legacy ratio is ROI / MaxDD, and both are sums over the members: for the current max drawdown
 * window [p, q] and the current ratio lambda, a swap of member o for outsider i changes ROI - lambda x (loss over
 * [p, q]) by exactly g(i) - g(o), where g(s) = ROI_s + lambda x (E_s(q) - E_s(p)) from each strategy's cumulative
 * P&amp;L E_s (the Dinkelbach view of a ratio). That linear estimate ranks every strategy in O(strategies); only the
 * {@code incoming} best-ranked outsiders against the {@code outgoing} worst-ranked members are scored exactly
 * (O(days) each, one evaluation each), and the best of them is taken if it improves the fitness. When no guided
 * swap improves, the portfolio is a local optimum: the walk returns to the best local optimum so far unless the
 * new one is at least as good, and is kicked by one to {@code kick} random swaps.
 *
 * <p>The guided walk gets the first half of the budget; late-acceptance hill climbing over random swaps
 * ({@link LateAcceptance}) continues from the best portfolio found with the second half, reaching the members a
 * one-window estimate does not rank high.
 *
 * <p>Cost: each exact score is one evaluation; each ranking pass reads two numbers per strategy and is charged
 * strategies / days evaluations (about the memory traffic of as many swap scores), so the budget stays honest
 * against searches that only score swaps.
 */
final class GuidedAscent implements LocalSearch {
    private final int incoming;
    private final int outgoing;
    private final int kick;
    private final LocalSearch finish;

    GuidedAscent(int incoming, int outgoing, int kick, LocalSearch finish) {
        if (incoming < 1 || outgoing < 1 || kick < 1) {
            throw new IllegalArgumentException("guided polish needs positive candidate counts and kick size, got "
                    + incoming + ", " + outgoing + ", " + kick);
        }
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.kick = kick;
        this.finish = finish;
    }

    GuidedAscent(int incoming, int outgoing, int kick) {
        this(incoming, outgoing, kick, null);
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
        long scanCost = Math.max(1, universe.size() / universe.days());
        Ranked in = new Ranked(Math.min(incoming, universe.size() - size));
        Ranked out = new Ranked(Math.min(outgoing, size));
        while (!evaluator.exhausted() && evaluator.used() < stop) {
            if (evaluator.remaining() > scanCost && step(state, evaluator, universe, scanCost, in, out)) {
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

    /** One guided move; false when none of the candidate swaps improves (or the budget ran out). */
    private boolean step(SwapState state, Evaluator evaluator, StrategyUniverse universe, long scanCost, Ranked in,
                         Ranked out) {
        evaluator.charge(scanCost);
        double[] w = state.drawdownWindow();
        int p = (int) w[0];
        int q = (int) w[1];
        double lambda = w[3] > 0 ? w[2] / w[3] : 0;
        double[] equity = universe.equity();
        int n = universe.size();
        int last = (universe.days() - 1) * n;
        int pRow = p * n;
        int qRow = q * n;
        in.clear();
        out.clear();
        for (int s = 0; s < n; s++) {
            double g = equity[last + s] + lambda * (equity[qRow + s] - equity[pRow + s]);
            if (state.contains(s)) {
                out.offer(s, -g);
            } else {
                in.offer(s, g);
            }
        }
        double best = state.fitness();
        int bestSlot = -1;
        int bestIn = -1;
        for (int a = 0; a < out.count(); a++) {
            int slot = state.slotOf(out.item(a));
            for (int b = 0; b < in.count(); b++) {
                if (evaluator.exhausted()) {
                    return false;
                }
                double f = state.trySwap(slot, in.item(b));
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

    /** The {@code capacity} items with the highest keys offered since the last clear (ties: the first offered). */
    static final class Ranked {
        private final int[] items;
        private final double[] keys;
        private int count;

        Ranked(int capacity) {
            items = new int[Math.max(capacity, 0)];
            keys = new double[items.length];
        }

        void clear() { count = 0; }

        int count() { return count; }

        int item(int i) { return items[i]; }

        void offer(int item, double key) {
            if (count == items.length && (count == 0 || key <= keys[count - 1])) {
                return;
            }
            int i = count < items.length ? count++ : count - 1;
            while (i > 0 && keys[i - 1] < key) {
                keys[i] = keys[i - 1];
                items[i] = items[i - 1];
                i--;
            }
            keys[i] = key;
            items[i] = item;
        }
    }
}
