package io.heavyingest.optimize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * Settings of the portfolio optimizer. Budgets count fitness evaluations per algorithm per portfolio size; a swap
 * scored incrementally costs one evaluation like a portfolio scored from scratch.
 */
@ConfigMapping(prefix = "heavy-ingest.optimize")
public interface OptimizeConfig {

    /** Portfolio sizes swept, as "min..max" (inclusive) or a single size. */
    @WithDefault("35..60")
    @WithConverter(SizeRangeConverter.class)
    SizeRange sizes();

    /** Algorithms run for every size, comma-separated: GA, PSO, SA, DE, ACO, HC, BO, RS. */
    @WithDefault("GA,PSO,SA,DE,ACO,HC,BO,RS")
    List<@WithConverter(AlgorithmConverter.class) Algorithm> algorithms();

    /** Seed of every random choice; the same seed and settings give the same result on any machine. */
    @WithDefault("42")
    long seed();

    /** Worker threads for the (algorithm, size) runs; 0 uses every core. Does not change the result. */
    @WithDefault("0")
    int parallelism();

    /** Rows per year for Sharpe, Sortino and annualized return; 0 derives it from the dataset's dates. */
    @WithDefault("0")
    double periodsPerYear();

    /**
     * Floor of the max drawdown in the fitness, as a multiple of the portfolio's own mean absolute daily return;
     * 0 keeps the legacy ratio (a drawdown up to 1e-6 counts as none: 100 x ROI). See docs/optimizer.md.
     */
    @WithDefault("0")
    double drawdownFloor();

    /**
     * Folder of the best-known fitness caches that bench-convergence writes (one file per dataset); when one exists
     * for the optimized dataset, the result reports its ratio to the best known per size.
     */
    @WithDefault("target/convergence")
    String bestKnownDirectory();

    /** The local search that polishes every algorithm's best portfolio of each size. */
    Polish polish();

    /** The shared final stage: an elite pool of every algorithm's best portfolios, climbed in rounds over the sizes. */
    Consolidation consolidation();

    /** Genetic algorithm. */
    Ga ga();

    /** Particle swarm optimization. */
    Pso pso();

    /** Simulated annealing. */
    Sa sa();

    /** Differential evolution. */
    De de();

    /** Ant colony optimization. */
    Aco aco();

    /** Hill climbing with restarts. */
    Hc hc();

    /** Bayesian optimization. */
    Bo bo();

    /** Random search. */
    Rs rs();

    interface Polish {
        /** Swap evaluations per algorithm and size, on top of the algorithm's own budget; 0 turns the polish off. */
        @WithDefault("100000")
        long budget();

        /** Late-acceptance history: a swap is taken if no worse than the fitness this many steps ago. */
        @WithDefault("5000")
        int history();

        /** The local search: GUIDED (guided swaps with kicks) or LATE_ACCEPTANCE (random swaps). */
        @WithDefault("GUIDED")
        PolishMethod method();

        /** Guided polish: best-ranked outsiders scored exactly per move. */
        @WithDefault("8")
        int incoming();

        /** Guided polish: worst-ranked members scored exactly per move. */
        @WithDefault("8")
        int outgoing();

        /** Guided polish: largest number of random swaps that kick the walk out of a local optimum. */
        @WithDefault("3")
        int kick();

        /** Guided polish: weighing of every drawdown (a share of the max drawdown) for the second ranking; 0: none. */
        @WithDefault("0.3")
        double temperature();

        /** Guided polish: outsiders, best by the max drawdown, that the second ranking re-ranks; 0: every outsider. */
        @WithDefault("256")
        int shortlist();
    }

    interface Consolidation {
        /** Swap evaluations per size for the consolidation, over all its rounds; 0 turns it off. */
        @WithDefault("3200000")
        long budget();

        /** Rounds: each size climbs from its own best and its neighbours' bests resized by one strategy. */
        @WithDefault("4")
        int rounds();

        /** Distinct portfolios per size, over all algorithms, climbed in the first round. */
        @WithDefault("8")
        int elites();

        /** Settling after the rounds: evaluations of the short climb after each resize; 0: no settling. */
        @WithDefault("50000")
        long settleProbe();

        /** Settling: most passes of chains over the sizes; it stops at the first pass that improves no size. */
        @WithDefault("8")
        int settlePasses();

        /** Tabu stage after the rounds: swap evaluations per size, over the core of chosen strategies; 0: none. */
        @WithDefault("8000000")
        long tabuBudget();

        /** Tabu stage: rounds, each a tabu climb of every size from its best, then chains over the sizes. */
        @WithDefault("8")
        int tabuRounds();

        /** Tabu stage: moves a strategy swapped out stays out (plus up to as many again at random). */
        @WithDefault("5")
        int tabuTenure();

        /** Tabu stage: evaluations of the tabu climb after each resize of the chains; 0: no chains. */
        @WithDefault("100000")
        long tabuProbe();

        /** Crossover stage after the tabu stage: swap evaluations per size over all its children; 0: none. */
        @WithDefault("16000000")
        long crossoverBudget();

        /** Crossover stage: evaluations of the tabu climb of each child. */
        @WithDefault("200000")
        long crossoverClimb();

        /** Crossover stage: most distinct portfolios per size that are crossed (the size's best among them). */
        @WithDefault("8")
        int crossoverPopulation();

        /** Pair stage: most evaluations of the single-and-double-swap ascent after each resize; 0: no pair stage. */
        @WithDefault("1000000")
        long pairProbe();

        /** Pair stage: most passes of the chains over the sizes; it stops at the first pass that improves no size. */
        @WithDefault("2")
        int pairPasses();

        /** Pair stage: most strategies outside a size's portfolio among the candidates of its ascent. */
        @WithDefault("48")
        int pairOutsiders();
    }

    interface Ga {
        /** Evaluations per portfolio size. */
        @WithDefault("20000")
        long budget();

        /** Individuals per generation. */
        @WithDefault("64")
        int population();

        /** Contestants per tournament selection. */
        @WithDefault("3")
        int tournament();

        /** Probability that a child is bred by crossover rather than copied from its first parent. */
        @WithDefault("0.9")
        double crossoverRate();

        /** Probability that each member of a child is replaced by a random outsider. */
        @WithDefault("0.02")
        double mutationRate();

        /** Best individuals copied unchanged into the next generation. */
        @WithDefault("2")
        int elites();
    }

    interface Pso {
        /** Evaluations per portfolio size. */
        @WithDefault("12000")
        long budget();

        /** Particles in the swarm. */
        @WithDefault("24")
        int particles();

        /** Inertia weight w applied to the previous velocity. */
        @WithDefault("0.7")
        double inertia();

        /** Cognitive weight c1 (pull toward the particle's own best). */
        @WithDefault("1.5")
        double cognitive();

        /** Social weight c2 (pull toward the swarm's best). */
        @WithDefault("1.5")
        double social();

        /** Velocity bound: every component stays within [-maxVelocity, maxVelocity]. */
        @WithDefault("4.0")
        double maxVelocity();

        /** Probability that each chosen member is replaced by a random outsider (turbulence). */
        @WithDefault("0.02")
        double turbulence();
    }

    interface Sa {
        /** Evaluations per portfolio size. */
        @WithDefault("60000")
        long budget();

        /** Random moves sampled first to measure typical fitness losses, which set the initial temperature. */
        @WithDefault("200")
        int calibrationMoves();

        /** Probability of accepting an average losing move at the initial temperature. */
        @WithDefault("0.5")
        double initialAcceptance();

        /** Final temperature as a fraction of the initial one (geometric cooling in between). */
        @WithDefault("0.0001")
        double finalTemperatureRatio();
    }

    interface De {
        /** Evaluations per portfolio size. */
        @WithDefault("15000")
        long budget();

        /** Individuals in the population. */
        @WithDefault("40")
        int population();

        /** Differential weight F: probability that each move of the difference vector is applied. */
        @WithDefault("0.5")
        double differentialWeight();

        /** Crossover rate CR: probability that the trial takes a mutant member where mutant and target differ. */
        @WithDefault("0.7")
        double crossoverRate();

        /** Probability that each mutant member is replaced by a random outsider, so new strategies enter. */
        @WithDefault("0.05")
        double jitter();
    }

    interface Aco {
        /** Evaluations per portfolio size (one per ant). */
        @WithDefault("16000")
        long budget();

        /** Ants per iteration. */
        @WithDefault("32")
        int ants();

        /** Pheromone evaporation rate per iteration. */
        @WithDefault("0.05")
        double evaporation();

        /** Exponent of the heuristic desirability (stand-alone ratio of each strategy). */
        @WithDefault("1.0")
        double heuristicWeight();

        /** Lower pheromone bound as a fraction of the upper bound (max-min ant system). */
        @WithDefault("0.0001")
        double minPheromone();
    }

    interface Hc {
        /** Evaluations per portfolio size. */
        @WithDefault("60000")
        long budget();

        /** Consecutive non-improving swaps after which the climb restarts from a random portfolio. */
        @WithDefault("2000")
        int patience();
    }

    interface Bo {
        /** Evaluations per portfolio size (the surrogate costs more than a fitness evaluation here). */
        @WithDefault("1000")
        long budget();

        /** Random portfolios evaluated before the surrogate is first fitted. */
        @WithDefault("64")
        int initialSamples();

        /** Observations the Gaussian process is fitted to (the best ones). */
        @WithDefault("96")
        int window();

        /** Candidates scored by expected improvement per iteration. */
        @WithDefault("128")
        int candidates();

        /** Candidates with the highest expected improvement evaluated per iteration. */
        @WithDefault("16")
        int batch();

        /** Observation noise variance of the Gaussian process, on standardized fitness. */
        @WithDefault("0.01")
        double noise();

        /** Exploration margin xi of expected improvement, on standardized fitness. */
        @WithDefault("0.01")
        double exploration();
    }

    interface Rs {
        /** Evaluations per portfolio size. */
        @WithDefault("10000")
        long budget();
    }
}
