package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * One search over portfolios of {@code evaluator.size()} strategies. It spends the evaluator's budget (never more:
 * the evaluator refuses) and the evaluator remembers the best portfolio seen. All randomness comes from
 * {@code random}, so a run is reproducible from its seed.
 */
interface SearchAlgorithm {
    void search(Evaluator evaluator, SplittableRandom random);
}
