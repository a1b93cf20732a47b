package io.heavyingest.optimize;

import java.util.SplittableRandom;

/**
 * ACO: a max-min ant system. Every iteration each ant builds a portfolio by drawing strategies without replacement
 * with probability proportional to tau_i x eta_i^beta, where tau is the pheromone and eta the heuristic
 * desirability (the strategy's stand-alone ratio clipped at 0, plus a tenth of its mean so every strategy stays
 * reachable). Then all pheromone evaporates by rho and the members of the iteration's best ant and of the best
 * ant so far each receive rho; pheromone stays within [tauMin, 1].
 */
final class AntColony implements SearchAlgorithm {
    private final int ants;
    private final double evaporation;
    private final double heuristicWeight;
    private final double minPheromone;

    AntColony(int ants, double evaporation, double heuristicWeight, double minPheromone) {
        if (ants < 1) {
            throw new IllegalArgumentException("ACO needs at least one ant, got " + ants);
        }
        if (!(evaporation > 0 && evaporation <= 1)) {
            throw new IllegalArgumentException("ACO evaporation must lie in (0, 1], got " + evaporation);
        }
        if (!(minPheromone > 0 && minPheromone <= 1)) {
            throw new IllegalArgumentException("ACO minimum pheromone must lie in (0, 1], got " + minPheromone);
        }
        if (heuristicWeight < 0) {
            throw new IllegalArgumentException("ACO heuristic weight must not be negative, got " + heuristicWeight);
        }
        this.ants = ants;
        this.evaporation = evaporation;
        this.heuristicWeight = heuristicWeight;
        this.minPheromone = minPheromone;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        StrategyUniverse u = evaluator.universe();
        int universe = u.size();
        int size = evaluator.size();
        double[] desirability = desirability(u);
        double[] pheromone = new double[universe];
        java.util.Arrays.fill(pheromone, 1.0);
        double[] weight = new double[universe];
        FenwickSampler sampler = new FenwickSampler(universe);
        Marks drawn = new Marks(universe);
        int[] bestSoFar = null;
        double bestSoFarFit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < universe; i++) {
            weight[i] = pheromone[i] * desirability[i];
        }
        while (!evaluator.exhausted()) {
            sampler.build(weight);
            int[] iterationBest = null;
            double iterationBestFit = Double.NEGATIVE_INFINITY;
            for (int ant = 0; ant < ants && !evaluator.exhausted(); ant++) {
                int[] tour = new int[size];
                drawn.clear();
                for (int k = 0; k < size; k++) {
                    int s = sampler.draw(random);
                    if (drawn.has(s)) {   // rounding left a tiny weight on a drawn strategy: take any other
                        s = RandomPortfolios.outsider(random, universe, drawn);
                    }
                    drawn.add(s);
                    sampler.set(s, 0);
                    tour[k] = s;
                }
                for (int s : tour) {
                    sampler.set(s, weight[s]);
                }
                double f = evaluator.evaluate(tour);
                if (f > iterationBestFit) {
                    iterationBestFit = f;
                    iterationBest = tour;
                }
            }
            if (iterationBest == null) {
                return;
            }
            if (iterationBestFit > bestSoFarFit) {
                bestSoFarFit = iterationBestFit;
                bestSoFar = iterationBest;
            }
            // evaporation and next weights in one pass over the universe; deposits then fix their own weights
            double keep = 1 - evaporation;
            for (int i = 0; i < universe; i++) {
                double tau = Math.max(minPheromone, pheromone[i] * keep);
                pheromone[i] = tau;
                weight[i] = tau * desirability[i];
            }
            deposit(pheromone, weight, desirability, iterationBest);
            deposit(pheromone, weight, desirability, bestSoFar);
        }
    }

    private void deposit(double[] pheromone, double[] weight, double[] desirability, int[] tour) {
        for (int s : tour) {
            pheromone[s] = Math.min(1.0, pheromone[s] + evaporation);
            weight[s] = pheromone[s] * desirability[s];
        }
    }

    /** eta^beta: stand-alone ratio clipped at 0 plus a tenth of the mean clipped ratio. */
    private double[] desirability(StrategyUniverse u) {
        int n = u.size();
        double[] eta = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            eta[i] = Math.max(0, u.standaloneRatio(i));
            sum += eta[i];
        }
        double floor = sum > 0 ? 0.1 * sum / n : 1;
        for (int i = 0; i < n; i++) {
            eta[i] = Math.pow(eta[i] + floor, heuristicWeight);
        }
        return eta;
    }
}
