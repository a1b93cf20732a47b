package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * Tabu search over a core of candidate strategies: every move scores every swap of a member for a candidate that
 * is not a member, and takes the best one that is not tabu, even when it is worse than the current portfolio (so
 * the search walks on across plateaus and out of local optima instead of stopping there). A strategy just swapped
 * out may not come back, and one just swapped in may not leave, for a few moves ({@code tenure} plus a random
 * share, so the search does not cycle); a tabu swap is taken only when it beats the best portfolio seen (the
 * aspiration rule).
 *
 * <p>Scoring the whole neighbourhood every move is affordable because it is restricted to the core (on the real
 * data, the best portfolios of every size are subsets of the few hundred strategies the searches already chose) and
 * because each swap is scored against the best move found so far in the same pass: {@link SwapState} rules most
 * swaps out in O(1) without walking the days. Each swap scored costs one evaluation.
 */
final class TabuSearch implements LocalSearch {
    private final int[] candidates;
    private final int tenure;

    /**
     * @param candidates the strategies that may be swapped in (the core), distinct
     * @param tenure moves a strategy swapped out stays out (plus up to as many again at random); half of it for a
     *               strategy swapped in to stay in
     */
    TabuSearch(int[] candidates, int tenure) {
        if (tenure < 1) {
            throw new IllegalArgumentException("tabu tenure must be positive, got " + tenure);
        }
        this.candidates = candidates.clone();
        this.tenure = tenure;
    }

    @Override
    public void polish(Evaluator evaluator, int[] start, SplittableRandom random) {
        if (evaluator.exhausted() || candidates.length == 0) {
            return;
        }
        SwapState state = new SwapState(evaluator, start);
        int size = state.size();
        int[] tabuUntil = new int[evaluator.universe().size()];
        for (int move = 1; !evaluator.exhausted(); move++) {
            double bestFitness = Double.NEGATIVE_INFINITY;
            int bestSlot = -1;
            int bestIn = -1;
            int offset = random.nextInt(candidates.length);   // ties go to a random candidate, not always the first
            for (int slot = 0; slot < size && !evaluator.exhausted(); slot++) {
                boolean outTabu = tabuUntil[state.member(slot)] > move;
                for (int j = 0; j < candidates.length; j++) {
                    int incoming = candidates[(j + offset) % candidates.length];
                    if (state.contains(incoming)) {
                        continue;
                    }
                    if (evaluator.exhausted()) {
                        break;
                    }
                    boolean tabu = outTabu || tabuUntil[incoming] > move;
                    double record = evaluator.bestFitness();
                    double f = state.trySwap(slot, incoming, tabu ? record : bestFitness);
                    if (f > bestFitness && (!tabu || f > record)) {
                        bestFitness = f;
                        bestSlot = slot;
                        bestIn = incoming;
                    }
                }
            }
            if (bestSlot < 0) {
                return;   // every swap tabu and none a record, or no candidate outside the portfolio
            }
            int outgoing = state.member(bestSlot);
            state.applySwap(bestSlot, bestIn, bestFitness);
            tabuUntil[outgoing] = move + tenure + random.nextInt(tenure);
            tabuUntil[bestIn] = move + Math.max(1, tenure / 2) + random.nextInt(Math.max(1, tenure / 2));
        }
    }
}
