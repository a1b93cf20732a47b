package io.heavyingest.optimize;


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
    public OptimizationResult optimizeCurrent(DatasetReader warehouse, OptimizationRequest request) {
        PnlMatrix matrix = warehouse.currentMatrix().orElseThrow(() -> new NoDatasetException(warehouse.location()));
        return optimize(matrix, request);
    }

    /** Optimizes {@code matrix}. */
    public OptimizationResult optimize(PnlMatrix matrix, OptimizationRequest request) {
        long t0 = System.nanoTime();
        StrategyUniverse universe = prepare(matrix);
        return optimize(universe, request, millis(System.nanoTime() - t0));
    }

    /**
     * How close {@code result} came to the best fitness known per size for {@code universe}, when the configured
     * best-known folder holds an estimate covering every swept size. An unreadable cache counts as none: the
     * ratio is an addition to the result, never a reason to lose it.
     */
    public java.util.Optional<Convergence> convergence(StrategyUniverse universe, OptimizationResult result) {
        try {
            return BestKnown.load(java.nio.file.Path.of(config.bestKnownDirectory()), universe)
                    .flatMap(known -> Convergence.of(result, known));
        } catch (BestKnownCacheException e) {
            return java.util.Optional.empty();
        }
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
        LocalSearch polish = localSearch(config.polish());
        int threads = threads();
        long t0 = System.nanoTime();
        Evaluator[] evaluators = new Evaluator[tasks.size()];
        long[] nanos = new long[tasks.size()];
        List<Runnable> searches = new ArrayList<>();
        List<Task> byCost = new ArrayList<>(tasks);
        // longest searches first, so no thread is left with a long one at the end
        byCost.sort(Comparator.comparingLong(Task::cost).reversed().thenComparingInt(Task::index));
        for (Task task : byCost) {
            searches.add(() -> {
                long start = System.nanoTime();
                evaluators[task.index()] = task.run(universe, request.seed());
                nanos[task.index()] += System.nanoTime() - start;
            });
        }
        runAll(searches, threads);
        if (request.polishBudget() > 0) {
            List<Runnable> chains = new ArrayList<>();
            int sizes = request.sizes().count();
            for (int a = 0; a < request.algorithms().size(); a++) {
                int first = a * sizes;
                Algorithm algorithm = request.algorithms().get(a);
                chains.add(() -> polishChain(universe, algorithm, request, polish, evaluators, nanos, first));
            }
            runAll(chains, threads);
        }
        RunResult[] results = new RunResult[tasks.size()];
        for (Task task : tasks) {
            results[task.index()] = task.result(universe, evaluators[task.index()], millis(nanos[task.index()]));
        }
        List<RunResult> runs = List.of(results);
        List<RunResult> consolidated = request.consolidationBudget() > 0
                ? consolidate(universe, request, polish, runs, threads) : List.of();
        long searchMillis = millis(System.nanoTime() - t0);
        RunResult best = runs.get(0);
        for (RunResult r : runs) {
            if (r.fitness() > best.fitness()) {
                best = r;
            }
        }
        for (RunResult r : consolidated) {
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
                FitnessFunction.metrics(universe, best.members()), List.copyOf(summaries), runs, consolidated,
                prepareMillis, searchMillis);
    }

    /**
     * The shared final stage (see {@link Consolidation}): every algorithm's best of every size in one pool, climbed
     * in rounds over the sizes. The per-algorithm runs are left as they are; the result is one run per size.
     */
    private List<RunResult> consolidate(StrategyUniverse universe, OptimizationRequest request, LocalSearch climber,
                                        List<RunResult> runs, int threads) {
        OptimizeConfig.Consolidation c = config.consolidation();
        int sizes = request.sizes().count();
        int min = request.sizes().min();
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int i = 0; i < sizes; i++) {
            pool.add(new ArrayList<>());
        }
        for (RunResult r : runs) {   // algorithm order, then size
            pool.get(r.size() - min).add(new Consolidation.Elite(r.fitness(), r.members(), r.algorithm()));
        }
        List<Consolidation.Outcome> outcomes = new Consolidation(universe, climber, request.consolidationBudget(),
                c.rounds(), c.elites(), config.polish().temperature(), c.settleProbe(), c.settlePasses(),
                new Consolidation.Tabu(c.tabuBudget(), c.tabuRounds(), c.tabuTenure(), c.tabuProbe()),
                new Consolidation.Crossover(c.crossoverBudget(), c.crossoverClimb(), c.crossoverPopulation()),
                new Consolidation.Pairs(c.pairProbe(), c.pairPasses(), c.pairOutsiders()))
                .run(min, pool, request.seed(), jobs -> runAll(jobs, threads));
        List<RunResult> out = new ArrayList<>();
        for (Consolidation.Outcome o : outcomes) {
            int[] members = o.best().members().clone();
            java.util.Arrays.sort(members);
            List<String> names = new ArrayList<>(members.length);
            for (int m : members) {
                names.add(universe.name(m));
            }
            out.add(new RunResult(o.best().origin(), o.size(), request.consolidationBudget(), o.evaluations(),
                    o.foundAt(), FitnessFunction.fitness(universe, members), members, List.copyOf(names),
                    millis(o.nanos())));
        }
        return List.copyOf(out);
    }

    private static LocalSearch localSearch(OptimizeConfig.Polish p) {
        return switch (p.method()) {
            case GUIDED -> new GuidedAscent(p.incoming(), p.outgoing(), p.kick(), p.temperature(),
                    p.shortlist(), new LateAcceptance(p.history()));
            case LATE_ACCEPTANCE -> new LateAcceptance(p.history());
        };
    }

    private int threads() {
        int p = config.parallelism();
        if (p < 0) {
            throw new IllegalArgumentException("optimizer parallelism must not be negative, got " + p);
        }
        return p == 0 ? Runtime.getRuntime().availableProcessors() : p;
    }

    /**
     * The polish of one algorithm's answers, as a chain over the sizes so good portfolios carry over: upwards, size
     * k starts from the better of its own best and the best of size k - 1 plus a random outsider, and climbs with
     * two thirds of the polish budget; downwards, size k starts from the better of its own best and the best of
     * size k + 1 less a random member, and climbs with the remaining third. Only this algorithm's portfolios take
     * part, and every step is charged to the size it improves, so the algorithms stay separate and comparable.
     */
    private static void polishChain(StrategyUniverse universe, Algorithm algorithm, OptimizationRequest request,
                                    LocalSearch polish, Evaluator[] evaluators, long[] nanos, int first) {
        int sizes = request.sizes().count();
        int min = request.sizes().min();
        long down = request.polishBudget() / 3;
        long up = request.polishBudget() - down;
        for (int pass = 0; pass < 2; pass++) {
            for (int step = 0; step < sizes; step++) {
                int i = pass == 0 ? step : sizes - 1 - step;
                int neighbour = pass == 0 ? i - 1 : i + 1;
                Evaluator evaluator = evaluators[first + i];
                int size = min + i;
                if (size >= universe.size()) {
                    continue;   // only one portfolio of this size exists
                }
                long start = System.nanoTime();
                SplittableRandom random = new SplittableRandom(TaskSeeds.of(request.seed(), algorithm, size)
                        ^ (pass == 0 ? 0x5DEECE66DL : 0xB5297A4DL));
                evaluator.grant(pass == 0 ? up : down);
                if (neighbour >= 0 && neighbour < sizes && !evaluator.exhausted()) {
                    int[] from = evaluators[first + neighbour].best();
                    evaluator.evaluate(pass == 0 ? grow(from, universe.size(), random) : shrink(from, random));
                }
                polish.polish(evaluator, evaluator.best(), random);
                nanos[first + i] += System.nanoTime() - start;
            }
        }
    }

    /** {@code members} plus one random outsider. */
    private static int[] grow(int[] members, int universeSize, SplittableRandom random) {
        Marks marks = new Marks(universeSize);
        marks.of(members);
        int[] out = java.util.Arrays.copyOf(members, members.length + 1);
        out[members.length] = RandomPortfolios.outsider(random, universeSize, marks);
        return out;
    }

    /** {@code members} less one random member. */
    private static int[] shrink(int[] members, SplittableRandom random) {
        int drop = random.nextInt(members.length);
        int[] out = new int[members.length - 1];
        for (int i = 0, j = 0; i < members.length; i++) {
            if (i != drop) {
                out[j++] = members[i];
            }
        }
        return out;
    }

    private static void runAll(List<Runnable> jobs, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "optimize-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
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

        Evaluator run(StrategyUniverse universe, long seed) {
            Evaluator evaluator = new Evaluator(universe, size, budget);
            if (size == universe.size()) {
                int[] all = java.util.stream.IntStream.range(0, size).toArray();
                evaluator.evaluate(all);   // only one portfolio exists
            } else {
                search.search(evaluator, new SplittableRandom(TaskSeeds.of(seed, algorithm, size)));
            }
            return evaluator;
        }

        RunResult result(StrategyUniverse universe, Evaluator evaluator, long millis) {
            int[] members = evaluator.best();
            java.util.Arrays.sort(members);
            List<String> names = new ArrayList<>(members.length);
            for (int m : members) {
                names.add(universe.name(m));
            }
            return new RunResult(algorithm, size, evaluator.budget(), evaluator.used(), evaluator.bestAt(),
                    FitnessFunction.fitness(universe, members), members, List.copyOf(names), millis);
        }
    }
}
