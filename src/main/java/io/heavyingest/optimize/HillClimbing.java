package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * HC: stochastic first-improvement hill climbing over single swaps (a random member out, a random outsider in;
 * taken only if it raises the fitness), restarted from a fresh random portfolio after {@code patience}
 * consecutive swaps that did not improve.
 */
final class HillClimbing implements SearchAlgorithm {
    private final int patience;

    HillClimbing(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("hill-climbing patience must be positive, got " + patience);
        }
        this.patience = patience;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        Marks scratch = new Marks(universe);
        SwapState state = null;
        while (!evaluator.exhausted()) {
            int[] start = RandomPortfolios.portfolio(random, universe, size, scratch);
            if (state == null) {
                state = new SwapState(evaluator, start);
            } else {
                state.reset(start);
            }
            int failures = 0;
            while (failures < patience && !evaluator.exhausted()) {
                int slot = random.nextInt(size);
                int incoming = RandomPortfolios.outsider(random, universe, state);
                double f = state.trySwap(slot, incoming, state.fitness());
                if (f > state.fitness()) {
                    state.applySwap(slot, incoming, f);
                    failures = 0;
                } else {
                    failures++;
                }
            }
        }
    }
}
