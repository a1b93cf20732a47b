package io.heavyingest.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures how well a sweep converges on one dataset: estimates the best reachable fitness per size with long
 * runs (every algorithm at a multiple of its budget, several seeds, the best of all), then runs the sweep under
 * test with several seeds and compares each seed's per-size best with that estimate. Every run's portfolios also
 * raise the estimate, so a ratio never exceeds 1.
 */
public final class ConvergenceBenchmark {
    private final OptimizationService service;
    private final StrategyUniverse universe;

    public ConvergenceBenchmark(OptimizationService service, StrategyUniverse universe) {
        this.service = service;
        this.universe = universe;
    }

    /**
     * One seed's sweep.
     *
     * @param seed the sweep's seed
     * @param millis wall time of the sweep (search only; the dataset is prepared once)
     * @param cpuMillis processor time the whole process spent during the sweep (all threads), which does not
     *                  grow when other programs share the machine
     * @param bestPerSize its best fitness at each size, smallest size first
     * @param result the whole result
     */
    public record SeedRun(long seed, long millis, long cpuMillis, double[] bestPerSize, OptimizationResult result) {
    }

    /**
     * Raises {@code known} with long runs: {@code request} with every budget multiplied by {@code budgetFactor},
     * once per seed of {@code seeds}.
     */
    public void estimate(BestKnown known, OptimizationRequest request, List<Long> seeds, long budgetFactor,
                         Consumer<String> progress) {
        OptimizationRequest longRuns = request.withBudgetsScaledBy(budgetFactor);
        for (long seed : seeds) {
            OptimizationResult r = service.optimize(universe, longRuns.withSeed(seed), 0);
            int raised = offerAll(known, r, "x" + budgetFactor + " seed " + seed);
            progress.accept(String.format("reference seed %d (budgets x%d): %,d ms, best %.4f, raised %d sizes",
                    seed, budgetFactor, r.searchMillis(), r.best().fitness(), raised));
        }
    }

    /** Runs {@code request} once per seed; every run also raises {@code known}. */
    public List<SeedRun> measure(BestKnown known, OptimizationRequest request, List<Long> seeds,
                                 Consumer<String> progress) {
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : seeds) {
            long cpu0 = cpuMillis();
            OptimizationResult r = service.optimize(universe, request.withSeed(seed), 0);
            long cpu = cpuMillis() - cpu0;
            offerAll(known, r, "sweep seed " + seed);
            runs.add(new SeedRun(seed, r.searchMillis(), cpu, Convergence.bestPerSize(r), r));
            progress.accept(String.format("sweep seed %d: %,d ms wall, %,d ms CPU, best %.4f (%s, size %d)", seed,
                    r.searchMillis(), cpu, r.best().fitness(), r.best().algorithm(), r.best().size()));
        }
        return runs;
    }

    /** Processor time of this process so far, in milliseconds (0 where the platform cannot tell). */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    private static int offerAll(BestKnown known, OptimizationResult r, String source) {
        int raised = 0;
        for (RunResult run : r.runs()) {
            if (known.offer(run, run.algorithm() + " " + source)) {
                raised++;
            }
        }
        return raised;
    }
}
