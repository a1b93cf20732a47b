package io.heavyingest.optimize;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OptimizationResult} as the JSON document of {@code optimize --json}, written by Jackson from these
 * records; infinite figures become null.
 *
 * @param datasetId dataset optimized
 * @param strategies strategies in the universe
 * @param days days of the series
 * @param nullCount NULL cells read as 0
 * @param periodsPerYear periods a year used for annualized figures
 * @param sizes portfolio sizes swept, "min..max"
 * @param seed the seed
 * @param threads worker threads
 * @param best the best portfolio over every algorithm and size
 * @param algorithms one summary per algorithm
 * @param runs one entry per (algorithm, size) run, before the consolidation
 * @param consolidation the consolidation's best per size (left out when it is off)
 * @param prepareMillis time to prepare the universe
 * @param searchMillis time of the sweep
 * @param totalMillis both
 * @param convergence ratio to the best fitness known per size; null (left out) when no estimate exists
 * @param warehouse where the dataset was read from (the local command adds it; else left out)
 * @param readMillis time to read the dataset (the local command adds it; else left out)
 */
public record OptimizationReport(String datasetId, int strategies, int days, long nullCount, Double periodsPerYear,
                                 String sizes, long seed, int threads, Best best, List<Algorithm> algorithms,
                                 List<Run> runs,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Consolidated> consolidation,
                                 long prepareMillis, long searchMillis, long totalMillis,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) ConvergenceDoc convergence,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String warehouse,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Long readMillis) {

    /** The best portfolio: where it was found, its fitness and metrics, its members. */
    public record Best(String algorithm, int size, Double fitness, Metrics metrics, List<String> strategies) {
    }

    /** One algorithm's best over the sizes and what it spent. */
    public record Algorithm(String algorithm, long budget, Double bestFitness, int bestSize, long evaluations,
                            long millis) {
    }

    /** One (algorithm, size) run. */
    public record Run(String algorithm, int size, Double fitness, long evaluations, long foundAt, long millis) {
    }

    /** One size after the consolidation; {@code from} is the algorithm whose result it descends from. */
    public record Consolidated(int size, Double fitness, String from, long evaluations, long foundAt, long millis) {
    }

    /** How close the sweep got to the best fitness known per size. */
    public record ConvergenceDoc(Double minRatio, int minRatioSize, Double medianRatio, List<SizeRatio> sizes) {
    }

    /** One size's fitness against the best known. */
    public record SizeRatio(int size, Double fitness, Double bestKnown, Double ratio) {
    }

    /** The metrics of a portfolio. */
    public record Metrics(Double fitness, Double ratio, Double meanCorrelation, Double roi, Double maxDrawdown,
                          Double winRate, Double profitFactor, Double expectancy, Double sharpe, Double sortino,
                          Double annualizedReturn) {

        public static Metrics of(PortfolioMetrics p) {
            return new Metrics(finite(p.fitness()), finite(p.ratio()), finite(p.meanCorrelation()), finite(p.roi()),
                    finite(p.maxDrawdown()), finite(p.winRate()), finite(p.profitFactor()), finite(p.expectancy()),
                    finite(p.sharpe()), finite(p.sortino()), finite(p.annualizedReturn()));
        }

        /** The metrics by name, in declaration order (null for a figure that is not finite). */
        public Map<String, Double> byName() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("fitness", fitness);
            m.put("ratio", ratio);
            m.put("meanCorrelation", meanCorrelation);
            m.put("roi", roi);
            m.put("maxDrawdown", maxDrawdown);
            m.put("winRate", winRate);
            m.put("profitFactor", profitFactor);
            m.put("expectancy", expectancy);
            m.put("sharpe", sharpe);
            m.put("sortino", sortino);
            m.put("annualizedReturn", annualizedReturn);
            return m;
        }
    }

    /** The document of {@code result}, with its convergence when an estimate exists. */
    public static OptimizationReport of(OptimizationResult r, Optional<Convergence> convergence) {
        Best best = new Best(r.best().algorithm().name(), r.best().size(), finite(r.best().fitness()),
                Metrics.of(r.bestMetrics()), r.best().strategies());
        List<Algorithm> algorithms = r.algorithms().stream().map(a -> new Algorithm(a.algorithm().name(), a.budget(),
                finite(a.bestFitness()), a.bestSize(), a.evaluations(), a.millis())).toList();
        List<Run> runs = r.runs().stream().map(run -> new Run(run.algorithm().name(), run.size(),
                finite(run.fitness()), run.evaluations(), run.foundAt(), run.millis())).toList();
        List<Consolidated> consolidated = r.consolidated().stream().map(c -> new Consolidated(c.size(),
                finite(c.fitness()), c.algorithm().name(), c.evaluations(), c.foundAt(), c.millis())).toList();
        ConvergenceDoc doc = convergence.map(c -> new ConvergenceDoc(finite(c.minRatio()), c.minRatioSize(),
                finite(c.medianRatio()), c.sizes().stream().map(s -> new SizeRatio(s.size(), finite(s.fitness()),
                        finite(s.bestKnown()), finite(s.ratio()))).toList())).orElse(null);
        return new OptimizationReport(r.datasetId(), r.strategyCount(), r.days(), r.nullCount(),
                finite(r.periodsPerYear()), r.sizes().toString(), r.seed(), r.threads(), best, algorithms, runs,
                consolidated, r.prepareMillis(), r.searchMillis(), r.totalMillis(), doc, null, null);
    }

    /** The same document with where the dataset was read from and how long that took. */
    public OptimizationReport readFrom(String warehouseLocation, long millis) {
        return new OptimizationReport(datasetId, strategies, days, nullCount, periodsPerYear, sizes, seed, threads,
                best, algorithms, runs, consolidation, prepareMillis, searchMillis, totalMillis, convergence,
                warehouseLocation, millis);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
