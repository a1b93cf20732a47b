package io.heavyingest.optimize;

/**
 * One algorithm over the whole size sweep.
 *
 * @param algorithm the search
 * @param budget evaluations allowed per size
 * @param bestFitness best fitness over all sizes
 * @param bestSize size of that portfolio (the smallest one on ties)
 * @param evaluations evaluations spent over all sizes
 * @param millis wall time of its searches added up (they run in parallel with other searches)
 */
public record AlgorithmSummary(Algorithm algorithm, long budget, double bestFitness, int bestSize, long evaluations,
                               long millis) {
}
