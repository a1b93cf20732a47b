package io.heavyingest.optimize;

import java.util.SplittableRandom;

/** A search that improves one portfolio by swaps until the evaluator's budget is spent. */
interface LocalSearch {
    void polish(Evaluator evaluator, int[] start, SplittableRandom random);
}
