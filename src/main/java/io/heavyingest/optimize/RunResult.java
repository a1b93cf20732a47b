package io.heavyingest.optimize;

import java.util.List;

/**
 * One search: one algorithm at one portfolio size.
 *
 * @param algorithm the search
 * @param size portfolio size
 * @param budget evaluations allowed
 * @param evaluations evaluations spent
 * @param foundAt evaluations spent when the best portfolio was first seen
 * @param fitness fitness of the best portfolio, recomputed from scratch
 * @param members the best portfolio's strategy indices, ascending
 * @param strategies the best portfolio's strategy names, in index order
 * @param millis wall time of this search on its worker thread
 */
public record RunResult(Algorithm algorithm, int size, long budget, long evaluations, long foundAt, double fitness,
                        int[] members, List<String> strategies, long millis) {
}
