package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * Sampled tabu search over single swaps: each step scores {@code sample} random swaps incrementally and takes the
 * best one that is not tabu, even when it loses fitness; a strategy that left may not come back, and one that
 * entered may not leave, for {@code tenure} steps (a tabu move is still taken if it beats the best ever seen).
 */
final class TabuSearch implements LocalSearch {
    private final int sample;
    private final int tenure;

    TabuSearch(int sample, int tenure) {
        if (sample < 1 || tenure < 0) {
            throw new IllegalArgumentException("tabu sample must be positive and tenure >= 0, got " + sample + ", " + tenure);
        }
        this.sample = sample;
        this.tenure = tenure;
    }

    @Override
    public void polish(Evaluator evaluator, int[] start, SplittableRandom random) {
        if (evaluator.exhausted()) {
            return;
        }
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        if (size >= universe) {
            return;
        }
        SwapState state = new SwapState(evaluator, start);
        long[] freeAt = new long[universe];
        for (long step = 1; !evaluator.exhausted(); step++) {
            int bestSlot = -1;
            int bestIn = -1;
            double bestF = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < sample && !evaluator.exhausted(); k++) {
                int slot = random.nextInt(size);
                int incoming = RandomPortfolios.outsider(random, universe, state);
                double before = evaluator.bestFitness();
                double f = state.trySwap(slot, incoming);
                boolean tabu = freeAt[incoming] > step || freeAt[state.member(slot)] > step;
                if ((!tabu || f > before) && f > bestF) {
                    bestF = f;
                    bestSlot = slot;
                    bestIn = incoming;
                }
            }
            if (bestSlot < 0) {
                continue;
            }
            int out = state.member(bestSlot);
            state.applySwap(bestSlot, bestIn, bestF);
            freeAt[out] = step + tenure;
            freeAt[bestIn] = step + tenure / 2;
        }
    }
}
