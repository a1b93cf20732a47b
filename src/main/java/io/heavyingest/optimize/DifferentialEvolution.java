package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * DE (rand/1/bin) on sets. The difference x_r2 - x_r3 is the list of swaps that would turn x_r3 into x_r2
 * (strategies of r2 that r3 lacks, paired with strategies of r3 that r2 lacks); the mutant is x_r1 with each of
 * those swaps applied with probability F (the differential weight). Binomial crossover then builds the trial from
 * the target: where target and mutant differ, each place takes the mutant's strategy with probability CR, and at
 * least one does. The trial replaces the target when it is at least as fit. A small jitter swaps random outsiders
 * into mutants so strategies absent from the initial population can enter.
 */
final class DifferentialEvolution implements SearchAlgorithm {
    private final int population;
    private final double differentialWeight;
    private final double crossoverRate;
    private final double jitter;

    DifferentialEvolution(int population, double differentialWeight, double crossoverRate, double jitter) {
        if (population < 4) {
            throw new IllegalArgumentException("DE population must be at least 4, got " + population);
        }
        Probabilities.check("DE differential weight", differentialWeight);
        Probabilities.check("DE crossover rate", crossoverRate);
        Probabilities.check("DE jitter", jitter);
        this.population = population;
        this.differentialWeight = differentialWeight;
        this.crossoverRate = crossoverRate;
        this.jitter = jitter;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        Marks a = new Marks(universe);
        Marks b = new Marks(universe);
        Marks m = new Marks(universe);
        int[][] pop = new int[population][];
        double[] fit = new double[population];
        for (int i = 0; i < population; i++) {
            if (evaluator.exhausted()) {
                return;
            }
            pop[i] = RandomPortfolios.portfolio(random, universe, size, a);
            fit[i] = evaluator.evaluate(pop[i]);
        }
        while (!evaluator.exhausted()) {
            for (int target = 0; target < population && !evaluator.exhausted(); target++) {
                int r1 = other(random, target, -1, -1);
                int r2 = other(random, target, r1, -1);
                int r3 = other(random, target, r1, r2);
                int[] mutant = mutant(pop[r1], pop[r2], pop[r3], a, b, m, universe, random);
                int[] trial = crossover(pop[target], mutant, a, random);
                double f = evaluator.evaluate(trial);
                if (f >= fit[target]) {
                    pop[target] = trial;
                    fit[target] = f;
                }
            }
        }
    }

    private int other(SplittableRandom random, int x, int y, int z) {
        int r;
        do {
            r = random.nextInt(population);
        } while (r == x || r == y || r == z);
        return r;
    }

    /** x_r1 + F (x_r2 - x_r3), then jitter. */
    private int[] mutant(int[] r1, int[] r2, int[] r3, Marks in2, Marks in3, Marks inMutant, int universe,
                         SplittableRandom random) {
        int size = r1.length;
        int[] mutant = r1.clone();
        inMutant.of(mutant);
        in3.of(r3);
        int[] adds = new int[size];
        int k = 0;
        for (int s : r2) {
            if (!in3.has(s)) {
                adds[k++] = s;
            }
        }
        in2.of(r2);
        int[] removes = new int[size];
        int j = 0;
        for (int s : r3) {
            if (!in2.has(s)) {
                removes[j++] = s;
            }
        }
        shuffle(adds, k, random);
        shuffle(removes, j, random);
        for (int i = 0; i < k; i++) {
            if (random.nextDouble() >= differentialWeight || inMutant.has(adds[i])) {
                continue;
            }
            int slot = indexOf(mutant, removes[i]);
            if (slot < 0) {
                // r1 lacks the strategy the move removes: drop a member that r2 does not hold instead
                slot = random.nextInt(size);
                if (in2.has(mutant[slot])) {
                    continue;
                }
            }
            inMutant.remove(mutant[slot]);
            inMutant.add(adds[i]);
            mutant[slot] = adds[i];
        }
        for (int slot = 0; slot < size; slot++) {
            if (random.nextDouble() < jitter) {
                int incoming = RandomPortfolios.outsider(random, universe, inMutant);
                inMutant.remove(mutant[slot]);
                inMutant.add(incoming);
                mutant[slot] = incoming;
            }
        }
        return mutant;
    }

    /** Binomial crossover of the places where target and mutant differ; at least one comes from the mutant. */
    private int[] crossover(int[] target, int[] mutant, Marks marks, SplittableRandom random) {
        int size = target.length;
        int[] trial = new int[size];
        int[] onlyMutant = new int[size];
        int[] onlyTarget = new int[size];
        marks.of(target);
        int filled = 0;
        int k = 0;
        for (int s : mutant) {
            if (marks.has(s)) {
                trial[filled++] = s;
            } else {
                onlyMutant[k++] = s;
            }
        }
        marks.of(mutant);
        int j = 0;
        for (int s : target) {
            if (!marks.has(s)) {
                onlyTarget[j++] = s;
            }
        }
        shuffle(onlyMutant, k, random);
        int forced = k == 0 ? -1 : random.nextInt(k);
        for (int i = 0; i < k; i++) {
            trial[filled++] = i == forced || random.nextDouble() < crossoverRate ? onlyMutant[i] : onlyTarget[i];
        }
        return trial;
    }

    private static int indexOf(int[] members, int strategy) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == strategy) {
                return i;
            }
        }
        return -1;
    }

    private static void shuffle(int[] items, int count, SplittableRandom random) {
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = items[i];
            items[i] = items[j];
            items[j] = tmp;
        }
    }
}
