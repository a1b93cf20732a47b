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

    /**
     * Raises {@code known} with long climbs that do not depend on the sweep's settings: at every size of
     * {@code sizes}, from {@code randomStarts} random portfolios and from the best known of the size and its two
     * neighbours (one member added or dropped), a guided walk then late acceptance (history 5,000) with
     * {@code budget} evaluations each. The sizes are climbed in order, so each size starts from its smaller
     * neighbour's fresh result too.
     */
    public void climb(BestKnown known, SizeRange sizes, long budget, int randomStarts, long seed,
                      Consumer<String> progress) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            index.put(universe.name(i), i);
        }
        for (int size : sizes.sizes().toArray()) {
            if (size >= universe.size()) {
                continue;
            }
            long t0 = System.nanoTime();
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 1_000_003L + size);
            List<int[]> starts = new ArrayList<>();
            for (int k = 0; k < randomStarts; k++) {
                starts.add(RandomPortfolios.portfolio(random, universe.size(), size, new Marks(universe.size())));
            }
            for (int n = size - 1; n <= size + 1; n++) {
                known.entry(n).ifPresent(e -> starts.add(resized(
                        e.strategies().stream().mapToInt(index::get).toArray(), size, random)));
            }
            double before = known.fitness(size).orElse(Double.NaN);
            for (int[] start : starts) {
                Evaluator evaluator = new Evaluator(universe, size, budget);
                new GuidedAscent(8, 8, 3, 0.3, 256, new LateAcceptance(5_000)).polish(evaluator, start, random);
                int[] best = evaluator.best();
                java.util.Arrays.sort(best);
                List<String> names = new ArrayList<>();
                for (int m : best) {
                    names.add(universe.name(m));
                }
                known.offer(new RunResult(Algorithm.RS, size, budget, evaluator.used(), evaluator.bestAt(),
                        FitnessFunction.fitness(universe, best), best, List.copyOf(names), 0),
                        "climb " + budget + " seed " + seed);
            }
            progress.accept(String.format("climb size %d: %d starts x %,d evaluations, %,d ms: %.4f -> %.4f", size,
                    starts.size(), budget, (System.nanoTime() - t0) / 1_000_000, before,
                    known.fitness(size).orElse(Double.NaN)));
        }
    }

    /** {@code members} cut or grown (by random outsiders) to {@code size}. */
    private int[] resized(int[] members, int size, java.util.SplittableRandom random) {
        int[] out = java.util.Arrays.copyOf(members, size);
        if (members.length < size) {
            Marks marks = new Marks(universe.size());
            marks.of(members);
            for (int i = members.length; i < size; i++) {
                out[i] = RandomPortfolios.outsider(random, universe.size(), marks);
                marks.add(out[i]);
            }
        } else if (members.length > size) {
            // drop random members rather than the last ones
            int[] copy = members.clone();
            for (int i = 0; i < size; i++) {
                int j = i + random.nextInt(copy.length - i);
                int t = copy[i];
                copy[i] = copy[j];
                copy[j] = t;
            }
            out = java.util.Arrays.copyOf(copy, size);
        }
        return out;
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
        for (RunResult run : r.consolidated()) {
            if (known.offer(run, "consolidation from " + run.algorithm() + " " + source)) {
                raised++;
            }
        }
        return raised;
    }
}
