package io.heavyingest.optimize;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * PSO: binary particle swarm (Kennedy and Eberhart's discrete model) adapted to fixed-size portfolios. Each
 * particle has a velocity v_i per strategy; with x, p and g the 0/1 memberships of strategy i in the particle's
 * position, its own best and the swarm's best, v_i = w v_i + c1 r1 (p_i - x_i) + c2 r2 (g_i - x_i), clamped to
 * [-vmax, vmax], and sigmoid(v_i) is how strongly strategy i wants to be held. The next position draws the
 * portfolio's strategies without replacement from x, p and g with weights sigmoid(v_i); strategies outside those
 * three sets feel no pull, so their velocity is forgotten (0) and they enter only through turbulence, which
 * replaces each drawn member by a random outsider with a small probability.
 */
final class ParticleSwarm implements SearchAlgorithm {
    private final int particles;
    private final double inertia;
    private final double cognitive;
    private final double social;
    private final double maxVelocity;
    private final double turbulence;

    ParticleSwarm(int particles, double inertia, double cognitive, double social, double maxVelocity,
                  double turbulence) {
        if (particles < 2) {
            throw new IllegalArgumentException("PSO needs at least 2 particles, got " + particles);
        }
        if (!(maxVelocity > 0)) {
            throw new IllegalArgumentException("PSO max velocity must be positive, got " + maxVelocity);
        }
        if (inertia < 0 || cognitive < 0 || social < 0) {
            throw new IllegalArgumentException("PSO weights must not be negative");
        }
        Probabilities.check("PSO turbulence", turbulence);
        this.particles = particles;
        this.inertia = inertia;
        this.cognitive = cognitive;
        this.social = social;
        this.maxVelocity = maxVelocity;
        this.turbulence = turbulence;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        Marks inPosition = new Marks(universe);
        Marks inOwnBest = new Marks(universe);
        Marks inSwarmBest = new Marks(universe);
        Marks inSupport = new Marks(universe);
        int[][] position = new int[particles][];
        int[][] ownBest = new int[particles][];
        double[] ownBestFit = new double[particles];
        double[][] velocity = new double[particles][universe];
        int[][] support = new int[particles][0];
        int[] swarmBest = null;
        double swarmBestFit = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < particles; p++) {
            if (evaluator.exhausted()) {
                return;
            }
            position[p] = RandomPortfolios.portfolio(random, universe, size, inPosition);
            ownBest[p] = position[p];
            ownBestFit[p] = evaluator.evaluate(position[p]);
            if (ownBestFit[p] > swarmBestFit) {
                swarmBestFit = ownBestFit[p];
                swarmBest = position[p];
            }
        }
        int[] candidates = new int[3 * size];
        double[] keys = new double[3 * size];
        double[] sortedKeys = new double[3 * size];
        while (!evaluator.exhausted()) {
            for (int p = 0; p < particles && !evaluator.exhausted(); p++) {
                inPosition.of(position[p]);
                inOwnBest.of(ownBest[p]);
                inSwarmBest.of(swarmBest);
                inSupport.clear();
                int m = 0;
                for (int[] set : new int[][] {position[p], ownBest[p], swarmBest}) {
                    for (int s : set) {
                        if (!inSupport.has(s)) {
                            inSupport.add(s);
                            candidates[m++] = s;
                        }
                    }
                }
                double[] v = velocity[p];
                for (int s : support[p]) {
                    if (!inSupport.has(s)) {
                        v[s] = 0;
                    }
                }
                for (int i = 0; i < m; i++) {
                    int s = candidates[i];
                    double x = inPosition.has(s) ? 1 : 0;
                    double pull = cognitive * random.nextDouble() * ((inOwnBest.has(s) ? 1 : 0) - x)
                            + social * random.nextDouble() * ((inSwarmBest.has(s) ? 1 : 0) - x);
                    v[s] = Math.max(-maxVelocity, Math.min(maxVelocity, inertia * v[s] + pull));
                    // Efraimidis-Spirakis key: the n largest keys are a weighted draw without replacement
                    keys[i] = Math.log(random.nextDouble()) / sigmoid(v[s]);
                }
                support[p] = Arrays.copyOf(candidates, m);
                int[] next = drawLargest(candidates, keys, sortedKeys, m, size);
                inPosition.of(next);
                for (int slot = 0; slot < size; slot++) {
                    if (random.nextDouble() < turbulence) {
                        int incoming = RandomPortfolios.outsider(random, universe, inPosition);
                        inPosition.remove(next[slot]);
                        inPosition.add(incoming);
                        next[slot] = incoming;
                    }
                }
                position[p] = next;
                double f = evaluator.evaluate(next);
                if (f > ownBestFit[p]) {
                    ownBestFit[p] = f;
                    ownBest[p] = next;
                }
                if (f > swarmBestFit) {
                    swarmBestFit = f;
                    swarmBest = next;
                }
            }
        }
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** The {@code size} candidates with the largest keys, in candidate order. */
    private static int[] drawLargest(int[] candidates, double[] keys, double[] sortedKeys, int m, int size) {
        System.arraycopy(keys, 0, sortedKeys, 0, m);
        Arrays.sort(sortedKeys, 0, m);
        double threshold = sortedKeys[m - size];
        int[] out = new int[size];
        int filled = 0;
        for (int i = 0; i < m && filled < size; i++) {
            if (keys[i] > threshold) {
                out[filled++] = candidates[i];
            }
        }
        for (int i = 0; i < m && filled < size; i++) {
            if (keys[i] == threshold) {
                out[filled++] = candidates[i];
            }
        }
        return out;
    }
}
