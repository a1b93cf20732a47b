package io.heavyingest.optimize;

import io.heavyingest.warehouse.PnlMatrix;
import io.heavyingest.warehouse.Warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the portfolio optimization: every requested algorithm at every requested size, keeping the best.
 *
 * <p>The (algorithm, size) searches run in parallel on {@code parallelism} threads. Each has its own random
 * generator seeded from (seed, algorithm, size) and results are combined in a fixed order, so the answer is the
 * same for a given seed whatever the thread count or scheduling.
 */
public final class OptimizationService {
    private final OptimizeConfig config;

    public OptimizationService(OptimizeConfig config) {
        this.config = config;
    }

    /** Optimizes the warehouse's current dataset. */
    public OptimizationResult optimizeCurrent(Warehouse warehouse, OptimizationRequest request) {
        PnlMatrix matrix = warehouse.currentMatrix().orElseThrow(() -> new NoDatasetException(warehouse.location()));
        return optimize(matrix, request);
    }

    /** Optimizes {@code matrix}. */
    public OptimizationResult optimize(PnlMatrix matrix, OptimizationRequest request) {
        long t0 = System.nanoTime();
        StrategyUniverse universe = prepare(matrix);
        return optimize(universe, request, millis(System.nanoTime() - t0));
    }

    /** Standardizes the dataset once, so several requests can share it. */
    public StrategyUniverse prepare(PnlMatrix matrix) {
        return StrategyUniverse.of(matrix, config.periodsPerYear(), config.drawdownFloor());
    }

    /** Optimizes a prepared dataset; {@code prepareMillis} is reported as the preparation time. */
    public OptimizationResult optimize(StrategyUniverse universe, OptimizationRequest request, long prepareMillis) {
        if (request.sizes().max() > universe.size()) {
            throw new IllegalArgumentException("portfolio size " + request.sizes().max() + " exceeds the "
                    + universe.size() + " strategies of the dataset");
        }
        List<Task> tasks = new ArrayList<>();
        for (Algorithm a : request.algorithms()) {
            SearchAlgorithm search = a.create(config);   // validates the settings before any thread starts
            request.sizes().sizes().forEach(size -> tasks.add(new Task(tasks.size(), a, search, size, request.budget(a))));
        }
        int threads = threads();
        long t0 = System.nanoTime();
        RunResult[] results = run(universe, tasks, request.seed(), threads);
        long searchMillis = millis(System.nanoTime() - t0);
        List<RunResult> runs = List.of(results);
        RunResult best = runs.get(0);
        for (RunResult r : runs) {
            if (r.fitness() > best.fitness()) {
                best = r;
            }
        }
        List<AlgorithmSummary> summaries = new ArrayList<>();
        for (Algorithm a : request.algorithms()) {
            summaries.add(summarize(a, request.budget(a), runs));
        }
        return new OptimizationResult(universe.datasetId(), universe.size(), universe.days(), universe.nullCount(),
                universe.periodsPerYear(), request.sizes(), request.seed(), threads, best,
                FitnessFunction.metrics(universe, best.members()), List.copyOf(summaries), runs, prepareMillis,
                searchMillis);
    }

    private int threads() {
        int p = config.parallelism();
        if (p < 0) {
            throw new IllegalArgumentException("optimizer parallelism must not be negative, got " + p);
        }
        return p == 0 ? Runtime.getRuntime().availableProcessors() : p;
    }

    private static RunResult[] run(StrategyUniverse universe, List<Task> tasks, long seed, int threads) {
        RunResult[] results = new RunResult[tasks.size()];
        // longest searches first, so no thread is left with a long one at the end
        List<Task> byCost = new ArrayList<>(tasks);
        byCost.sort(Comparator.comparingLong(Task::cost).reversed().thenComparingInt(Task::index));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "optimize-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : byCost) {
                futures.add(pool.submit(() -> {
                    results[task.index()] = task.run(universe, seed);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("optimization interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("optimization failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static AlgorithmSummary summarize(Algorithm a, long budget, List<RunResult> runs) {
        RunResult best = null;
        long evaluations = 0;
        long millis = 0;
        for (RunResult r : runs) {
            if (r.algorithm() != a) {
                continue;
            }
            evaluations += r.evaluations();
            millis += r.millis();
            if (best == null || r.fitness() > best.fitness()) {
                best = r;
            }
        }
        return new AlgorithmSummary(a, budget, best.fitness(), best.size(), evaluations, millis);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** One (algorithm, size) search; {@code index} is its place in the fixed result order. */
    private record Task(int index, Algorithm algorithm, SearchAlgorithm search, int size, long budget) {

        long cost() {
            return budget * size;
        }

        RunResult run(StrategyUniverse universe, long seed) {
            long t0 = System.nanoTime();
            Evaluator evaluator = new Evaluator(universe, size, budget);
            if (size == universe.size()) {
                int[] all = java.util.stream.IntStream.range(0, size).toArray();
                evaluator.evaluate(all);   // only one portfolio exists
            } else {
                search.search(evaluator, new SplittableRandom(TaskSeeds.of(seed, algorithm, size)));
            }
            int[] members = evaluator.best();
            java.util.Arrays.sort(members);
            List<String> names = new ArrayList<>(members.length);
            for (int m : members) {
                names.add(universe.name(m));
            }
            return new RunResult(algorithm, size, budget, evaluator.used(), evaluator.bestAt(),
                    FitnessFunction.fitness(universe, members), members, List.copyOf(names),
                    millis(System.nanoTime() - t0));
        }
    }
}
