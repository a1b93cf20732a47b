package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The full portfolio optimization run on the dataset.
 *
 * @param sizeFrom smallest portfolio size swept
 * @param sizeTo largest portfolio size swept
 * @param seed seed of the run
 * @param threads worker threads
 * @param best the best portfolio over every algorithm and size
 * @param algorithms one result per algorithm, in the order run
 * @param totalMillis preparation plus sweep, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record OptimizerSection(int sizeFrom, int sizeTo, long seed, int threads, BestPortfolio best,
                               List<AlgorithmResult> algorithms, long totalMillis) {

    public OptimizerSection {
        Objects.requireNonNull(best, "best");
        algorithms = List.copyOf(algorithms);
        if (sizeFrom < 1 || sizeTo < sizeFrom) {
            throw new IllegalArgumentException("size range " + sizeFrom + ".." + sizeTo + " is empty");
        }
    }

    /**
     * The best portfolio found.
     *
     * @param algorithm the algorithm that found it
     * @param size its number of strategies
     * @param fitness its fitness
     * @param strategies its strategies' names
     * @param metrics every portfolio metric by name (roi, maxDrawdown, sharpe, ...), sorted by name; an
     *                undefined metric (infinite or NaN, e.g. a profit factor without a losing day) is null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record BestPortfolio(String algorithm, int size, double fitness, List<String> strategies,
                                Map<String, Double> metrics) {
        public BestPortfolio {
            Objects.requireNonNull(algorithm, "algorithm");
            strategies = List.copyOf(strategies);
            if (size != strategies.size()) {
                throw new IllegalArgumentException("best portfolio of size " + size + " lists " + strategies.size()
                        + " strategies");
            }
            if (!Double.isFinite(fitness)) {
                throw new IllegalArgumentException("best portfolio fitness " + fitness + " is not finite");
            }
            TreeMap<String, Double> sorted = new TreeMap<>();
            if (metrics != null) {
                metrics.forEach((k, v) -> sorted.put(k, v == null || !Double.isFinite(v) ? null : v));
            }
            metrics = Collections.unmodifiableMap(sorted);
        }
    }

    /**
     * One algorithm over the whole size sweep.
     *
     * @param algorithm its name, e.g. {@code SA}
     * @param bestFitness best fitness over all sizes
     * @param bestSize size of that portfolio
     * @param evaluations fitness evaluations spent over all sizes
     * @param millis its searches' wall time added up
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record AlgorithmResult(String algorithm, double bestFitness, int bestSize, long evaluations, long millis) {
        public AlgorithmResult {
            Objects.requireNonNull(algorithm, "algorithm");
            if (!Double.isFinite(bestFitness)) {
                throw new IllegalArgumentException("algorithm " + algorithm + ": best fitness " + bestFitness
                        + " is not finite");
            }
        }
    }
}
