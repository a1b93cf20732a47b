package io.heavyingest.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The shared final stage of a sweep, after the eight algorithms and their own polish: every algorithm's best
 * portfolio of every size goes into one elite pool, and the pool's best of each size is improved in rounds. Each
 * round has two steps:
 * <ol>
 * <li>Two chains over the sizes, one upwards and one downwards, both from the round's starting bests: upwards, size
 * k starts from the chain's best of size k - 1 grown by the outsider that scores best (among those ranked best by
 * their linear gain, as in {@link GuidedAscent}), downwards from the best of size k + 1 shrunk by the member whose
 * removal scores best; the start gets a short climb (an eighth of the round's share) and replaces the size's best
 * if it ends fitter. A good portfolio found at one size can so reach every other size in one round.</li>
 * <li>An iterated local search per size (the configured {@link LocalSearch}: the guided walk with kicks, then late
 * acceptance) from the size's best, with the rest of the round's share; in the first round the size's
 * {@code elites} best distinct portfolios (of any algorithm) share it.</li>
 * </ol>
 * From the second round on, a size whose best and whose neighbours' bests did not move in the previous round gets
 * half a share for its climb, and the saving goes to the sizes that still move (the total stays the same).
 *
 * <p>Then, when configured ({@link Tabu}), a tabu stage: {@link TabuSearch} restricted to the core (every strategy of
 * the pool's portfolios and of the rounds' bests, which on real data holds nearly every member of the best
 * portfolios), in rounds of a climb per size and the two chains. Then, when configured ({@link Crossover}), a
 * crossover stage: per size, children of the best distinct portfolios, each climbed by the tabu search, then the two
 * chains. Then, when configured ({@link Pairs}), a pair stage: the two chains with a {@link PairAscent} (single and
 * double swaps) after each resize, until a pass improves no size. Last, settling: the two chains again, with short
 * climbs, until a pass improves no size.
 *
 * <p>Determinism: the chains and the climbs of a round work from snapshots of the bests, each with its own random
 * generator seeded from (seed, size, round), and are combined in a fixed order, so the result is the same on any
 * number of threads.
 */
final class Consolidation {
    /** Outsiders, ranked by their linear gain, that are scored exactly when a portfolio grows by one. */
    private static final int GROW_CANDIDATES = 16;
    /** The tabu stage's rounds are seeded as rounds from here on (the others come before). */
    private static final int TABU_ROUNDS = 1 << 20;
    /** The crossover stage is seeded as this round. */
    private static final int CROSSOVER_ROUND = 1 << 21;
    /** The pair stage's passes are seeded as rounds from here on. */
    private static final int PAIR_ROUNDS = 1 << 22;

    private final StrategyUniverse universe;
    private final LocalSearch climber;
    private final long budget;
    private final int rounds;
    private final int elites;
    private final double temperature;
    private final long settleProbe;
    private final int settlePasses;
    private final Tabu tabu;
    private final Crossover crossover;
    private final Pairs pairs;

    /**
     * The tabu stage after the rounds ({@link TabuSearch} over the core: every strategy of the pool's and the
     * rounds' portfolios).
     *
     * @param budget swap evaluations per size over all tabu rounds; 0: no tabu stage
     * @param rounds tabu rounds; each climbs every size from its best, then runs the two chains
     * @param tenure the tabu tenure
     * @param probe evaluations of the tabu climb after each resize of the chains; 0: no chains
     */
    record Tabu(long budget, int rounds, int tenure, long probe) {
        /** No tabu stage. */
        static final Tabu OFF = new Tabu(0, 1, 1, 0);

        Tabu {
            if (budget < 0 || rounds < 1 || tenure < 1 || probe < 0) {
                throw new IllegalArgumentException("the tabu stage needs a budget >= 0, positive rounds and tenure and"
                        + " a probe >= 0, got " + budget + ", " + rounds + ", " + tenure + ", " + probe);
            }
        }
    }

    /**
     * The crossover stage after the tabu stage: per size, a population of distinct portfolios (the size's best and
     * the pool's best others) whose children, climbed by {@link TabuSearch} over the core, replace its least fit.
     *
     * @param budget swap evaluations per size over all its children; 0: no crossover stage
     * @param climb evaluations of each child's tabu climb
     * @param population most portfolios in a size's population (the size's best among them)
     */
    record Crossover(long budget, long climb, int population) {
        /** No crossover stage. */
        static final Crossover OFF = new Crossover(0, 1, 2);

        Crossover {
            if (budget < 0 || climb < 1 || population < 2) {
                throw new IllegalArgumentException("the crossover stage needs a budget >= 0, a positive climb and a"
                        + " population of at least 2, got " + budget + ", " + climb + ", " + population);
            }
        }
    }

    /**
     * The pair stage after the crossover stage: the two chains over the sizes with a {@link PairAscent} (single and
     * double swaps) after each resize, over a core of the strategies of that size's and the nearest sizes' bests,
     * pass after pass until a pass improves no size. A resized start already climbed in an earlier pass is not
     * climbed again (the ascent is deterministic).
     *
     * @param probe most evaluations of the ascent after each resize; 0: no pair stage
     * @param passes most passes of the two chains
     * @param outsiders most strategies outside a size's portfolio in its core (the bests of that size and the
     *                  nearest ones, see {@link #pairCore})
     */
    record Pairs(long probe, int passes, int outsiders) {
        /** No pair stage. */
        static final Pairs OFF = new Pairs(0, 1, 1);

        Pairs {
            if (probe < 0 || passes < 1 || outsiders < 1) {
                throw new IllegalArgumentException("the pair stage needs a probe >= 0, positive passes and outsiders,"
                        + " got " + probe + ", " + passes + ", " + outsiders);
            }
        }
    }

    /**
     * @param budget swap evaluations per size over all rounds
     * @param rounds rounds of the chain over the sizes
     * @param elites distinct portfolios per size climbed in the first round
     * @param temperature how the outsiders a portfolio grows by are ranked (as {@link GuidedAscent}'s)
     * @param settleProbe evaluations of each short climb in the settling passes; 0: no settling
     * @param settlePasses most settling passes
     */
    Consolidation(StrategyUniverse universe, LocalSearch climber, long budget, int rounds, int elites,
                  double temperature, long settleProbe, int settlePasses) {
        this(universe, climber, budget, rounds, elites, temperature, settleProbe, settlePasses, Tabu.OFF,
                Crossover.OFF, Pairs.OFF);
    }

    /**
     * As above, with the tabu stage {@code tabu}, then the crossover stage {@code crossover}, then the pair stage
     * {@code pairs} between the rounds and the settling (the crossover stage climbs with the tabu stage's tenure and
     * probe).
     */
    Consolidation(StrategyUniverse universe, LocalSearch climber, long budget, int rounds, int elites,
                  double temperature, long settleProbe, int settlePasses, Tabu tabu, Crossover crossover,
                  Pairs pairs) {
        if (budget < 1 || rounds < 1 || elites < 1) {
            throw new IllegalArgumentException("consolidation needs a positive budget, rounds and elites, got "
                    + budget + ", " + rounds + ", " + elites);
        }
        if (settleProbe < 0 || settlePasses < 0) {
            throw new IllegalArgumentException("consolidation settling needs a probe and passes >= 0, got "
                    + settleProbe + ", " + settlePasses);
        }
        this.tabu = tabu;
        this.crossover = crossover;
        this.pairs = pairs;
        this.temperature = temperature;
        this.settleProbe = settleProbe;
        this.settlePasses = settlePasses;
        this.universe = universe;
        this.climber = climber;
        this.budget = budget;
        this.rounds = rounds;
        this.elites = elites;
    }

    /**
     * One portfolio of the pool.
     *
     * @param fitness its fitness
     * @param members its strategies
     * @param origin the algorithm whose own result it descends from
     */
    record Elite(double fitness, int[] members, Algorithm origin) {
    }

    /** A size's answer after consolidation. */
    record Outcome(int size, Elite best, long evaluations, long foundAt, long nanos) {
    }

    /**
     * Consolidates {@code pool}: {@code pool.get(i)} holds the candidates of size {@code minSize + i} (every
     * algorithm's best, in algorithm order). Runs the rounds with {@code runner} (which runs a list of jobs to
     * completion on the sweep's threads).
     */
    List<Outcome> run(int minSize, List<List<Elite>> pool, long seed, Consumer<List<Runnable>> runner) {
        int sizes = pool.size();
        Elite[] best = new Elite[sizes];
        List<List<Elite>> seeds = new ArrayList<>();
        for (int i = 0; i < sizes; i++) {
            List<Elite> distinct = distinctByFitness(pool.get(i));
            seeds.add(distinct.subList(0, Math.min(elites, distinct.size())));
            best[i] = distinct.get(0);
        }
        long[] evaluations = new long[sizes];
        long[] foundAt = new long[sizes];
        long[] nanos = new long[sizes];
        boolean[] moved = new boolean[sizes];
        Arrays.fill(moved, true);
        Elite[] previous = best.clone();
        long perRound = Math.max(1, budget / rounds);
        long probe = perRound / 8;
        for (int round = 0; round < rounds; round++) {
            int r = round;
            if (probe > 0 && sizes > 1) {
                chains(climber, best, minSize, probe, seed, r, runner, evaluations, foundAt, nanos);
            }
            Elite[] before = best.clone();
            boolean[] active = new boolean[sizes];
            int quiet = 0;
            for (int i = 0; i < sizes; i++) {
                active[i] = round == 0 || moved[i] || (i > 0 && moved[i - 1]) || (i + 1 < sizes && moved[i + 1]);
                if (!active[i]) {
                    quiet++;
                }
            }
            // a quiet size gets half a share; the other half is spread over the sizes that still move
            long climbShare = perRound - (sizes > 1 ? 2 * probe : 0);
            long half = climbShare / 2;
            long extra = sizes - quiet > 0 ? quiet * (climbShare - half) / (sizes - quiet) : 0;
            Elite[] next = new Elite[sizes];
            List<Runnable> jobs = new ArrayList<>();
            for (int i = 0; i < sizes; i++) {
                int index = i;
                int size = minSize + i;
                long share = active[i] ? climbShare + extra : half;
                jobs.add(() -> {
                    long start = System.nanoTime();
                    Climb c = climb(climber, size, before[index], r == 0 ? seeds.get(index) : List.of(), share,
                            new SplittableRandom(seedOf(seed, size, r)));
                    next[index] = c.best;
                    synchronized (evaluations) {
                        if (c.best.fitness() > before[index].fitness()) {
                            foundAt[index] = evaluations[index] + c.foundAt;
                        }
                        evaluations[index] += c.used;
                        nanos[index] += System.nanoTime() - start;
                    }
                });
            }
            runner.accept(jobs);
            for (int i = 0; i < sizes; i++) {
                // moved in this round: by a chain or by the climb
                moved[i] = next[i].fitness() > previous[i].fitness();
                best[i] = next[i];
            }
            previous = best.clone();
        }
        if (tabu.budget() > 0) {
            tabuStage(best, pool, minSize, seed, runner, evaluations, foundAt, nanos);
        }
        if (crossover.budget() > 0) {
            crossoverStage(best, pool, minSize, seed, runner, evaluations, foundAt, nanos);
        }
        if (pairs.probe() > 0 && sizes > 1) {
            pairStage(best, minSize, seed, runner, evaluations, foundAt, nanos);
        }
        // settling: chains over the sizes from the latest bests until a pass improves no size, so a portfolio
        // found late (in the last round's climbs) still reaches the sizes next to it
        for (int pass = 0; pass < settlePasses && settleProbe > 0 && sizes > 1; pass++) {
            if (!chains(climber, best, minSize, settleProbe, seed, rounds + pass, runner, evaluations, foundAt,
                    nanos)) {
                break;
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < sizes; i++) {
            out.add(new Outcome(minSize + i, best[i], evaluations[i], foundAt[i], nanos[i]));
        }
        return out;
    }

    private record Climb(Elite best, long used, long foundAt) {
    }

    /**
     * The tabu stage: {@link TabuSearch} over the core (every strategy of the pool's portfolios and of the current
     * bests) in rounds; each round climbs every size from its best with an equal share of the budget, then runs the
     * two chains over the sizes with a short tabu climb after each resize.
     */
    private void tabuStage(Elite[] best, List<List<Elite>> pool, int minSize, long seed,
                           Consumer<List<Runnable>> runner, long[] evaluations, long[] foundAt, long[] nanos) {
        LocalSearch search = new TabuSearch(core(best, pool), tabu.tenure());
        long share = Math.max(1, tabu.budget() / tabu.rounds());
        for (int round = 0; round < tabu.rounds(); round++) {
            int r = TABU_ROUNDS + round;
            Elite[] before = best.clone();
            List<Runnable> jobs = new ArrayList<>();
            for (int i = 0; i < best.length; i++) {
                int index = i;
                jobs.add(() -> {
                    long start = System.nanoTime();
                    Climb c = climb(search, minSize + index, before[index], List.of(), share,
                            new SplittableRandom(seedOf(seed, minSize + index, r)));
                    synchronized (evaluations) {
                        if (c.best.fitness() > before[index].fitness()) {
                            foundAt[index] = evaluations[index] + c.foundAt;
                            best[index] = c.best;
                        }
                        evaluations[index] += c.used;
                        nanos[index] += System.nanoTime() - start;
                    }
                });
            }
            runner.accept(jobs);
            if (tabu.probe() > 0 && best.length > 1) {
                chains(search, best, minSize, tabu.probe(), seed, r, runner, evaluations, foundAt, nanos);
            }
        }
    }

    /** Every strategy of the pool's portfolios and of the current bests, in index order. */
    private static int[] core(Elite[] best, List<List<Elite>> pool) {
        java.util.TreeSet<Integer> core = new java.util.TreeSet<>();
        for (List<Elite> size : pool) {
            for (Elite e : size) {
                for (int m : e.members()) {
                    core.add(m);
                }
            }
        }
        for (Elite e : best) {
            for (int m : e.members()) {
                core.add(m);
            }
        }
        return core.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The crossover stage: per size, a population of the size's best and its best distinct portfolios from the pool;
     * each step crosses two members drawn at random (as the GA does, {@link GeneticAlgorithm#crossover}), climbs the
     * child with {@link TabuSearch} over the core and puts it in place of the population's least fit member when it
     * is fitter and not already there.
     * A size whose pool holds no other distinct portfolio is left as it is. Then the two chains over the sizes carry
     * what the stage found to the neighbouring sizes.
     */
    private void crossoverStage(Elite[] best, List<List<Elite>> pool, int minSize, long seed,
                                Consumer<List<Runnable>> runner, long[] evaluations, long[] foundAt, long[] nanos) {
        LocalSearch search = new TabuSearch(core(best, pool), tabu.tenure());
        Elite[] before = best.clone();
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            int index = i;
            int size = minSize + i;
            if (size >= universe.size()) {
                continue;
            }
            jobs.add(() -> {
                long start = System.nanoTime();
                SplittableRandom random = new SplittableRandom(seedOf(seed, size, CROSSOVER_ROUND));
                Marks marks = new Marks(universe.size());
                List<Elite> population = new ArrayList<>();
                population.add(before[index]);
                for (Elite e : distinctByFitness(pool.get(index))) {
                    if (population.size() < crossover.population() && !contains(population, e.members())) {
                        population.add(e);
                    }
                }
                Elite top = before[index];
                long used = 0;
                long at = 0;
                while (used < crossover.budget() && population.size() > 1) {
                    int a = random.nextInt(population.size());
                    int b = random.nextInt(population.size() - 1);
                    int[] child = GeneticAlgorithm.crossover(population.get(a).members(),
                            population.get(b >= a ? b + 1 : b).members(), marks, random);
                    long climb = Math.min(crossover.climb(), crossover.budget() - used);
                    Evaluator leg = new Evaluator(universe, size, climb);
                    search.polish(leg, child, random);
                    used += leg.used();
                    int[] members = leg.best();
                    int worst = 0;
                    for (int p = 1; p < population.size(); p++) {
                        if (population.get(p).fitness() < population.get(worst).fitness()) {
                            worst = p;
                        }
                    }
                    if (members == null || leg.bestFitness() <= population.get(worst).fitness()
                            || contains(population, members)) {
                        continue;
                    }
                    Elite found = new Elite(FitnessFunction.fitness(universe, members), members,
                            population.get(a).origin());
                    population.set(worst, found);
                    if (found.fitness() > top.fitness()) {
                        top = found;
                        at = used - leg.used() + leg.bestAt();
                    }
                }
                synchronized (evaluations) {
                    if (top.fitness() > best[index].fitness()) {
                        foundAt[index] = evaluations[index] + at;
                        best[index] = top;
                    }
                    evaluations[index] += used;
                    nanos[index] += System.nanoTime() - start;
                }
            });
        }
        runner.accept(jobs);
        if (tabu.probe() > 0 && best.length > 1) {
            chains(search, best, minSize, tabu.probe(), seed, CROSSOVER_ROUND, runner, evaluations, foundAt, nanos);
        }
    }

    /**
     * The pair stage: passes of the two chains with a {@link PairAscent} per size over that size's core
     * ({@link #pairCore}, from the bests as they stand when the stage starts) until a pass improves no size.
     */
    private void pairStage(Elite[] best, int minSize, long seed, Consumer<List<Runnable>> runner, long[] evaluations,
                           long[] foundAt, long[] nanos) {
        LocalSearch[] bySize = new LocalSearch[best.length];
        for (int i = 0; i < best.length; i++) {
            bySize[i] = new Remembered(new PairAscent(pairCore(best, i, minSize + i)));
        }
        LocalSearch search = (evaluator, start, random) ->
                bySize[evaluator.size() - minSize].polish(evaluator, start, random);
        for (int pass = 0; pass < pairs.passes(); pass++) {
            if (!chains(search, best, minSize, pairs.probe(), seed, PAIR_ROUNDS + pass, runner, evaluations, foundAt,
                    nanos)) {
                break;
            }
        }
    }

    /**
     * The pair stage's core for the size at {@code index}: the strategies of its best, then of the bests of the sizes
     * next to it, nearest first (below before above), each portfolio whole and only while the core keeps at most
     * {@code size} + {@link Pairs#outsiders()} strategies; it stops at the first distance where neither side fits.
     * The bound keeps a pair move near a million scores however diverse the bests are (at production width the
     * bests of all sizes hold over 400 strategies, on the real sample under 100).
     */
    private int[] pairCore(Elite[] best, int index, int size) {
        java.util.TreeSet<Integer> core = new java.util.TreeSet<>();
        for (int m : best[index].members()) {
            core.add(m);
        }
        for (int d = 1; d < best.length; d++) {
            boolean grew = false;
            for (int j : new int[] {index - d, index + d}) {
                if (j < 0 || j >= best.length) {
                    continue;
                }
                int added = 0;
                for (int m : best[j].members()) {
                    added += core.contains(m) ? 0 : 1;
                }
                if (core.size() + added <= size + pairs.outsiders()) {
                    for (int m : best[j].members()) {
                        core.add(m);
                    }
                    grew = true;
                }
            }
            if (!grew) {
                break;
            }
        }
        return core.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A deterministic local search that remembers where each start (members in order) led and, given the same start
     * again, offers that portfolio instead of climbing again (free: nothing is charged, nothing is recomputed).
     * Only for a search whose result depends on nothing but the start and the budget, used with one budget.
     */
    private static final class Remembered implements LocalSearch {
        private final LocalSearch search;
        private final java.util.Map<List<Integer>, Elite> ends = new java.util.concurrent.ConcurrentHashMap<>();

        Remembered(LocalSearch search) {
            this.search = search;
        }

        @Override
        public void polish(Evaluator evaluator, int[] start, SplittableRandom random) {
            List<Integer> key = Arrays.stream(start).boxed().toList();
            Elite end = ends.get(key);
            if (end != null) {
                evaluator.offer(end.fitness(), end.members());
                return;
            }
            search.polish(evaluator, start, random);
            if (evaluator.best() != null) {
                ends.put(key, new Elite(evaluator.bestFitness(), evaluator.best(), null));
            }
        }
    }

    private static boolean contains(List<Elite> population, int[] members) {
        int[] key = sorted(members);
        return population.stream().anyMatch(e -> Arrays.equals(sorted(e.members()), key));
    }

    /**
     * The two chains over the sizes, upwards and downwards, each from a snapshot of {@code best}; every size keeps
     * the fitter of its best and the chains' (upwards first on ties). Returns whether any size improved.
     */
    private boolean chains(LocalSearch search, Elite[] best, int minSize, long probe, long seed, int round,
                           Consumer<List<Runnable>> runner, long[] evaluations, long[] foundAt, long[] nanos) {
        Elite[] start = best.clone();
        Chain[] chains = new Chain[2];
        runner.accept(List.of(
                () -> chains[0] = chain(search, start, minSize, true, probe, seed, round),
                () -> chains[1] = chain(search, start, minSize, false, probe, seed, round)));
        boolean improved = false;
        for (int i = 0; i < best.length; i++) {
            for (Chain c : chains) {
                if (c.best[i].fitness() > best[i].fitness()) {
                    foundAt[i] = evaluations[i] + c.foundAt[i];
                    best[i] = c.best[i];
                    improved = true;
                }
            }
            for (Chain c : chains) {
                evaluations[i] += c.used[i];
                nanos[i] += c.nanos[i];
            }
        }
        return improved;
    }

    /** The bests of a chain over the sizes, and what it spent at each. */
    private record Chain(Elite[] best, long[] used, long[] foundAt, long[] nanos) {
    }

    /**
     * One chain over the sizes: upwards, each size starts from the chain's best of the size below grown by its best
     * outsider; downwards, from the size above shrunk by its least useful member. The start gets a short climb of
     * {@code probe} evaluations and replaces the size's best when it ends fitter, so a good portfolio can travel
     * across every size in one chain.
     */
    private Chain chain(LocalSearch search, Elite[] start, int minSize, boolean upwards, long probe, long seed,
                        int round) {
        int sizes = start.length;
        Elite[] best = start.clone();
        long[] used = new long[sizes];
        long[] foundAt = new long[sizes];
        long[] nanos = new long[sizes];
        for (int step = 1; step < sizes; step++) {
            int i = upwards ? step : sizes - 1 - step;
            int size = minSize + i;
            if (size >= universe.size()) {
                continue;
            }
            long t0 = System.nanoTime();
            long[] spent = {0};
            Elite from = upwards ? grow(best[i - 1], spent) : shrink(best[i + 1], spent);
            Evaluator leg = new Evaluator(universe, size, probe);
            search.polish(leg, from.members(), new SplittableRandom(seedOf(seed, size, round) ^ (upwards ? 1 : 2)));
            Elite found = from;
            if (leg.bestFitness() > from.fitness()) {
                int[] members = leg.best();
                found = new Elite(FitnessFunction.fitness(universe, members), members, from.origin());
            }
            if (found.fitness() > best[i].fitness()) {
                best[i] = found;
                foundAt[i] = spent[0] + leg.bestAt();
            }
            used[i] = spent[0] + leg.used();
            nanos[i] = System.nanoTime() - t0;
        }
        return new Chain(best, used, foundAt, nanos);
    }

    /** One size's climb in one round, from its best and the extra starts; never returns worse than its best. */
    private Climb climb(LocalSearch search, int size, Elite own, List<Elite> extraStarts, long share,
                        SplittableRandom random) {
        if (size >= universe.size()) {
            return new Climb(own, 0, 0);
        }
        List<Elite> climbs = new ArrayList<>();
        climbs.add(own);
        for (Elite e : extraStarts) {
            if (climbs.stream().noneMatch(c -> Arrays.equals(sorted(c.members()), sorted(e.members())))) {
                climbs.add(e);
            }
        }
        Elite best = own;
        long foundAt = 0;
        long used = 0;
        long left = Math.max(climbs.size(), share);
        for (int c = 0; c < climbs.size(); c++) {
            long part = left / (climbs.size() - c);
            left -= part;
            Evaluator leg = new Evaluator(universe, size, part);
            search.polish(leg, climbs.get(c).members(), random);
            if (leg.bestFitness() > best.fitness()) {
                int[] members = leg.best();
                Elite found = new Elite(FitnessFunction.fitness(universe, members), members, climbs.get(c).origin());
                if (found.fitness() > best.fitness()) {
                    best = found;
                    foundAt = used + leg.bestAt();
                }
            }
            used += leg.used();
        }
        return new Climb(best, used, foundAt);
    }

    /**
     * {@code from} plus the outsider that scores best among the {@value #GROW_CANDIDATES} best ranked by their linear
     * gain (as in {@link GuidedAscent}); each exact score is added to {@code used[0]}.
     */
    private Elite grow(Elite from, long[] used) {
        int[] members = from.members();
        int n = universe.size();
        int days = universe.days();
        double[] sum = new double[days];
        for (int m : members) {
            for (int t = 0; t < days; t++) {
                sum[t] += universe.pnl(m, t);
            }
        }
        // the linear gain of each outsider for the current ratio over the current drawdowns
        GuidedAscent.Windows windows = new GuidedAscent.Windows(days);
        double lambda = windows.weigh(sum, temperature);
        int[] rows = windows.rows(n);
        double[] equity = universe.equity();
        Marks marks = new Marks(n).of(members);
        GuidedAscent.Ranked top = new GuidedAscent.Ranked(Math.min(GROW_CANDIDATES, n - members.length));
        for (int s = 0; s < n; s++) {
            if (!marks.has(s)) {
                top.offer(s, GuidedAscent.Windows.gain(equity, (days - 1) * n, rows, windows.weights(),
                        windows.count(), lambda, s));
            }
        }
        int[] candidate = Arrays.copyOf(members, members.length + 1);
        int[] bestGrown = null;
        double bestFitness = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < top.count(); k++) {
            candidate[members.length] = top.item(k);
            used[0]++;
            double f = FitnessFunction.fitness(universe, candidate);
            if (f > bestFitness) {
                bestFitness = f;
                bestGrown = candidate.clone();
            }
        }
        return new Elite(bestFitness, bestGrown, from.origin());
    }

    /** {@code from} less the member whose removal scores best; each score is added to {@code used[0]}. */
    private Elite shrink(Elite from, long[] used) {
        int[] members = from.members();
        int[] bestShrunk = null;
        double bestFitness = Double.NEGATIVE_INFINITY;
        int[] candidate = new int[members.length - 1];
        for (int drop = 0; drop < members.length; drop++) {
            for (int i = 0, j = 0; i < members.length; i++) {
                if (i != drop) {
                    candidate[j++] = members[i];
                }
            }
            used[0]++;
            double f = FitnessFunction.fitness(universe, candidate);
            if (f > bestFitness) {
                bestFitness = f;
                bestShrunk = candidate.clone();
            }
        }
        return new Elite(bestFitness, bestShrunk, from.origin());
    }

    private static int[] sorted(int[] members) {
        int[] s = members.clone();
        Arrays.sort(s);
        return s;
    }

    /** The candidates by decreasing fitness, one per distinct portfolio (the first in pool order on ties). */
    private static List<Elite> distinctByFitness(List<Elite> candidates) {
        List<Elite> order = new ArrayList<>(candidates);
        order.sort((a, b) -> Double.compare(b.fitness(), a.fitness()));   // stable: pool order on ties
        List<Elite> out = new ArrayList<>();
        List<int[]> seen = new ArrayList<>();
        for (Elite e : order) {
            int[] key = sorted(e.members());
            if (seen.stream().noneMatch(k -> Arrays.equals(k, key))) {
                seen.add(key);
                out.add(e);
            }
        }
        return out;
    }

    private static long seedOf(long seed, int size, int round) {
        return TaskSeeds.of(seed ^ 0x6A09E667F3BCC908L * (round + 1), Algorithm.RS, size) ^ 0x3C6EF372FE94F82BL;
    }
}
