package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * The polish every algorithm's answer gets: late-acceptance hill climbing (Burke and Bykov) over single swaps,
 * scored incrementally in O(days). A swap is taken when it is no worse than the current portfolio or than the
 * current fitness of {@code history} steps ago; that memory lets the climb cross shallow valleys without a
 * temperature to tune, and it settles into plain hill climbing as the history fills with the same value.
 */
final class LateAcceptance implements LocalSearch {
    private final int history;

    LateAcceptance(int history) {
        if (history < 1) {
            throw new IllegalArgumentException("late-acceptance history must be positive, got " + history);
        }
        this.history = history;
    }

    /** Climbs from {@code start} until the evaluator's budget is spent; the evaluator keeps the best seen. */
    @Override
    public void polish(Evaluator evaluator, int[] start, SplittableRandom random) {
        if (evaluator.exhausted()) {
            return;
        }
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        if (size >= universe) {
            return;   // no outsider to swap in
        }
        SwapState state = new SwapState(evaluator, start);
        double[] past = new double[history];
        java.util.Arrays.fill(past, state.fitness());
        for (long step = 0; !evaluator.exhausted(); step++) {
            int slot = random.nextInt(size);
            int incoming = RandomPortfolios.outsider(random, universe, state);
            int k = (int) (step % history);
            double f = state.trySwap(slot, incoming, Math.min(state.fitness(), past[k]));
            if (f >= state.fitness() || f >= past[k]) {
                state.applySwap(slot, incoming, f);
            }
            past[k] = state.fitness();
        }
    }
}
