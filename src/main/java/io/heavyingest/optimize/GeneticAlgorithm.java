package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * GA: a generational genetic algorithm over fixed-size portfolios. Parents are picked by tournament selection;
 * crossover keeps the strategies both parents share and fills the remaining places with a uniform draw from the
 * strategies only one parent holds; mutation replaces each member with a random outsider at a small rate; the
 * best {@code elites} individuals pass to the next generation unchanged.
 */
final class GeneticAlgorithm implements SearchAlgorithm {
    private final int population;
    private final int tournament;
    private final double crossoverRate;
    private final double mutationRate;
    private final int elites;

    GeneticAlgorithm(int population, int tournament, double crossoverRate, double mutationRate, int elites) {
        if (population < 2) {
            throw new IllegalArgumentException("GA population must be at least 2, got " + population);
        }
        if (tournament < 1) {
            throw new IllegalArgumentException("GA tournament size must be positive, got " + tournament);
        }
        if (elites < 0 || elites >= population) {
            throw new IllegalArgumentException("GA elites must lie in 0.." + (population - 1) + ", got " + elites);
        }
        Probabilities.check("GA crossover rate", crossoverRate);
        Probabilities.check("GA mutation rate", mutationRate);
        this.population = population;
        this.tournament = tournament;
        this.crossoverRate = crossoverRate;
        this.mutationRate = mutationRate;
        this.elites = elites;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        Marks marks = new Marks(universe);
        int[][] pop = new int[population][];
        double[] fit = new double[population];
        for (int i = 0; i < population; i++) {
            if (evaluator.exhausted()) {
                return;
            }
            pop[i] = RandomPortfolios.portfolio(random, universe, size, marks);
            fit[i] = evaluator.evaluate(pop[i]);
        }
        int[][] next = new int[population][];
        double[] nextFit = new double[population];
        while (!evaluator.exhausted()) {
            Integer[] order = Ranking.descending(fit);
            for (int e = 0; e < elites; e++) {
                next[e] = pop[order[e]];
                nextFit[e] = fit[order[e]];
            }
            for (int i = elites; i < population; i++) {
                if (evaluator.exhausted()) {
                    return;
                }
                int[] first = pop[select(fit, random)];
                int[] child = random.nextDouble() < crossoverRate
                        ? crossover(first, pop[select(fit, random)], marks, random)
                        : first.clone();
                mutate(child, marks, universe, random);
                next[i] = child;
                nextFit[i] = evaluator.evaluate(child);
            }
            int[][] swapPop = pop;
            pop = next;
            next = swapPop;
            double[] swapFit = fit;
            fit = nextFit;
            nextFit = swapFit;
        }
    }

    /** Tournament selection: the fittest of {@code tournament} uniformly drawn individuals. */
    private int select(double[] fit, SplittableRandom random) {
        int best = random.nextInt(fit.length);
        for (int k = 1; k < tournament; k++) {
            int other = random.nextInt(fit.length);
            if (fit[other] > fit[best]) {
                best = other;
            }
        }
        return best;
    }

    /**
     * Shared members stay; the other places are drawn uniformly from the members only one parent has. Also the
     * consolidation's crossover stage. {@code marks} is working space.
     */
    static int[] crossover(int[] a, int[] b, Marks marks, SplittableRandom random) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("crossover needs parents of one size, got " + a.length + " and "
                    + b.length);
        }
        int size = a.length;
        int[] child = new int[size];
        int[] pool = new int[2 * size];
        marks.of(a);
        int filled = 0;
        int pooled = 0;
        for (int s : b) {
            if (marks.has(s)) {
                child[filled++] = s;
            } else {
                pool[pooled++] = s;
            }
        }
        marks.of(b);
        for (int s : a) {
            if (!marks.has(s)) {
                pool[pooled++] = s;
            }
        }
        for (int i = 0; filled < size; i++) {
            int j = i + random.nextInt(pooled - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
            child[filled++] = pool[i];
        }
        return child;
    }

    private void mutate(int[] child, Marks marks, int universe, SplittableRandom random) {
        marks.of(child);
        for (int slot = 0; slot < child.length; slot++) {
            if (random.nextDouble() < mutationRate) {
                int incoming = RandomPortfolios.outsider(random, universe, marks);
                marks.remove(child[slot]);
                marks.add(incoming);
                child[slot] = incoming;
            }
        }
    }
}
