package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * Steepest ascent over single and double swaps within a core of candidate strategies: each move scores every swap of
 * a member for a candidate that is not a member and every pair of such swaps (two members out, two candidates in),
 * and takes the best one if it improves the portfolio; it stops at a portfolio that no single or double swap
 * improves, or when the budget is spent.
 *
 * <p>Why pairs: on real data the best portfolio of a size is often a double swap or two from where a single-swap
 * search ends (for example the best of size k grown by any strategy, then this ascent, gives the best of size k + 1,
 * where a tabu climb of the same start goes elsewhere). A move scores about size^2 x (core - size)^2 / 4 pairs,
 * which is affordable only over a small core (the consolidation bounds it to 48 strategies outside the portfolio: a
 * move is then about a million scores) and because most pairs are ruled out in O(1) by {@link SwapState}'s cut
 * against the best move found so far. Each swap or pair scored costs one evaluation; the search uses no randomness,
 * so it gives the same answer for the same start and budget.
 */
final class PairAscent implements LocalSearch {
    private final int[] candidates;

    /** @param candidates the strategies that may be swapped in (the core), distinct and in ascending order */
    PairAscent(int[] candidates) {
        for (int i = 1; i < candidates.length; i++) {
            if (candidates[i] <= candidates[i - 1]) {
                throw new IllegalArgumentException("pair ascent candidates must be distinct and ascending");
            }
        }
        this.candidates = candidates.clone();
    }

    @Override
    public void polish(Evaluator evaluator, int[] start, SplittableRandom random) {
        if (evaluator.exhausted() || candidates.length == 0) {
            return;
        }
        SwapState state = new SwapState(evaluator, start);
        int size = state.size();
        while (!evaluator.exhausted()) {
            double current = state.fitness();
            double best = current;
            int firstSlot = -1;
            int firstIn = -1;
            int secondSlot = -1;
            int secondIn = -1;
            for (int s1 = 0; s1 < size && !evaluator.exhausted(); s1++) {
                int out = state.member(s1);
                for (int in1 : candidates) {
                    if (state.contains(in1) || evaluator.exhausted()) {
                        continue;
                    }
                    double single = state.trySwap(s1, in1, best);
                    if (single > best) {
                        best = single;
                        firstSlot = s1;
                        firstIn = in1;
                        secondSlot = -1;
                    }
                    // the pairs that take this swap first: a later slot, a later candidate (each pair once)
                    state.applySwap(s1, in1, single);
                    for (int s2 = s1 + 1; s2 < size && !evaluator.exhausted(); s2++) {
                        for (int in2 : candidates) {
                            if (in2 <= in1 || state.contains(in2)) {
                                continue;
                            }
                            if (evaluator.exhausted()) {
                                break;
                            }
                            double pair = state.trySwap(s2, in2, best);
                            if (pair > best) {
                                best = pair;
                                firstSlot = s1;
                                firstIn = in1;
                                secondSlot = s2;
                                secondIn = in2;
                            }
                        }
                    }
                    state.applySwap(s1, out, current);
                }
            }
            if (firstSlot < 0) {
                return;   // no single or double swap improves: a local optimum of both neighbourhoods
            }
            // the move is applied without scoring it again: its fitness is known
            state.applySwap(firstSlot, firstIn, secondSlot < 0 ? best : Double.NaN);
            if (secondSlot >= 0) {
                state.applySwap(secondSlot, secondIn, best);
            }
        }
    }
}
