package io.heavyingest.optimize;

import java.util.List;

/**
 * The outcome of a size sweep.
 *
 * @param datasetId dataset optimized
 * @param strategyCount strategies in the dataset
 * @param days days (rows) in the dataset
 * @param nullCount NULL or absent cells of the dataset, read as 0 P&amp;L
 * @param periodsPerYear rows per year used to annualize
 * @param sizes portfolio sizes swept
 * @param seed seed of the run
 * @param threads worker threads used
 * @param best the best portfolio of the sweep: the best run over every algorithm and size (the first in
 *             algorithm-then-size order on ties), or the consolidation's best where that is fitter
 * @param bestMetrics every metric of the best portfolio
 * @param algorithms per-algorithm summaries, in request order
 * @param runs every run, in algorithm-then-size order, before the consolidation
 * @param consolidated the consolidation's best per size, smallest size first (each attributed to the algorithm
 *                     whose result it descends from); empty when the consolidation is off
 * @param prepareMillis time to standardize the dataset
 * @param searchMillis wall time of the sweep
 */
public record OptimizationResult(String datasetId, int strategyCount, int days, long nullCount, double periodsPerYear,
                                 SizeRange sizes, long seed, int threads, RunResult best, PortfolioMetrics bestMetrics,
                                 List<AlgorithmSummary> algorithms, List<RunResult> runs,
                                 List<RunResult> consolidated, long prepareMillis, long searchMillis) {

    /** Preparation plus sweep. */
    public long totalMillis() {
        return prepareMillis + searchMillis;
    }
}
