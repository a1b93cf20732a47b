package io.heavyingest.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * BO: batch Bayesian optimization with a Gaussian-process surrogate ({@link TanimotoProcess}) and expected
 * improvement. After {@code initialSamples} random portfolios, each iteration fits the process to the
 * {@code window} best observations (fitness standardized), proposes {@code candidates} neighbours of good
 * observations (one to three swaps, the incoming strategy taken from another good observation or at random; the
 * parent is the better of two fitted observations drawn uniformly), and evaluates the {@code batch} unseen
 * candidates with the highest expected improvement. A neighbour's intersections with the fitted portfolios are
 * derived from its parent's, so scoring a candidate costs O(window^2) for the posterior variance, not a pass over
 * every fitted portfolio's members.
 */
final class BayesianOptimization implements SearchAlgorithm {
    private final int initialSamples;
    private final int window;
    private final int candidates;
    private final int batch;
    private final double noise;
    private final double exploration;

    BayesianOptimization(int initialSamples, int window, int candidates, int batch, double noise, double exploration) {
        if (initialSamples < 2 || window < 2 || candidates < 1 || batch < 1 || batch > candidates) {
            throw new IllegalArgumentException("BO needs initial samples >= 2, window >= 2, candidates >= 1 and "
                    + "1 <= batch <= candidates");
        }
        if (!(noise > 0)) {
            throw new IllegalArgumentException("BO noise must be positive, got " + noise);
        }
        if (exploration < 0) {
            throw new IllegalArgumentException("BO exploration must not be negative, got " + exploration);
        }
        this.initialSamples = initialSamples;
        this.window = window;
        this.candidates = candidates;
        this.batch = batch;
        this.noise = noise;
        this.exploration = exploration;
    }

    @Override
    public void search(Evaluator evaluator, SplittableRandom random) {
        int universe = evaluator.universe().size();
        int size = evaluator.size();
        Marks marks = new Marks(universe);
        Marks parentMarks = new Marks(universe);
        ModelMembership membership = new ModelMembership(universe, window);
        List<int[]> seen = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Set<Key> known = new HashSet<>();
        for (int i = 0; i < initialSamples && !evaluator.exhausted(); i++) {
            observe(RandomPortfolios.portfolio(random, universe, size, marks), evaluator, seen, values, known);
        }
        FittedWindow window = new FittedWindow();
        Map<Integer, int[]> countsOfNew = new HashMap<>();
        while (!evaluator.exhausted()) {
            window.moveTo(bestObservations(values), seen, countsOfNew);
            countsOfNew.clear();
            int[] model = window.ids();
            int[][] points = points(model, seen);
            int[][] common = window.common();
            membership.index(points);
            TanimotoProcess gp = new TanimotoProcess(common, size, standardized(model, values), noise);
            double best = standardizedBest(model, values);
            List<int[]> proposals = new ArrayList<>();
            List<int[]> proposalCounts = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            Set<Key> proposed = new HashSet<>();
            for (int c = 0; c < candidates; c++) {
                int parent = Math.min(random.nextInt(model.length), random.nextInt(model.length));
                int[] candidate = neighbour(points, parent, marks, universe, random);
                Key key = new Key(candidate);
                if (known.contains(key) || !proposed.add(key)) {
                    continue;
                }
                int[] counts = common[parent].clone();
                marks.of(candidate);
                parentMarks.of(points[parent]);
                for (int s : points[parent]) {
                    if (!marks.has(s)) {
                        membership.add(s, -1, counts);
                    }
                }
                for (int s : candidate) {
                    if (!parentMarks.has(s)) {
                        membership.add(s, 1, counts);
                    }
                }
                proposals.add(candidate);
                proposalCounts.add(counts);
                scores.add(gp.expectedImprovement(counts, best, exploration));
            }
            if (proposals.isEmpty()) {   // every neighbour was seen: spend one evaluation on a random portfolio
                observe(RandomPortfolios.portfolio(random, universe, size, marks), evaluator, seen, values, known);
                continue;
            }
            double[] ei = scores.stream().mapToDouble(Double::doubleValue).toArray();
            Integer[] order = Ranking.descending(ei);
            for (int k = 0; k < Math.min(batch, order.length) && !evaluator.exhausted(); k++) {
                countsOfNew.put(seen.size(), proposalCounts.get(order[k]));
                observe(proposals.get(order[k]), evaluator, seen, values, known);
            }
        }
    }

    private static void observe(int[] portfolio, Evaluator evaluator, List<int[]> seen, List<Double> values,
                                Set<Key> known) {
        Arrays.sort(portfolio);
        values.add(evaluator.evaluate(portfolio));
        seen.add(portfolio);
        known.add(new Key(portfolio));
    }

    /** Indices (into the observations) of the best ones, best first. */
    private int[] bestObservations(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Integer[] order = Ranking.descending(v);
        int[] model = new int[Math.min(window, order.length)];
        for (int i = 0; i < model.length; i++) {
            model[i] = order[i];
        }
        return model;
    }

    private static int[][] points(int[] model, List<int[]> seen) {
        int[][] pts = new int[model.length][];
        for (int i = 0; i < model.length; i++) {
            pts[i] = seen.get(model[i]);
        }
        return pts;
    }

    /** The best fitted value on the standardized scale (the model is ordered best first). */
    private static double standardizedBest(int[] model, List<Double> values) {
        return standardized(model, values)[0];
    }

    private static double[] standardized(int[] model, List<Double> values) {
        double[] y = new double[model.length];
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = values.get(model[i]);
            mean += y[i];
        }
        mean /= y.length;
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / y.length);
        double scale = sd > 0 ? 1 / sd : 1;
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - mean) * scale;
        }
        return y;
    }

    /** One to three swaps away from fitted portfolio {@code parent}, sorted. */
    private static int[] neighbour(int[][] points, int parent, Marks marks, int universe, SplittableRandom random) {
        int[] child = points[parent].clone();
        marks.of(child);
        int swaps = 1 + random.nextInt(3);
        for (int k = 0; k < swaps; k++) {
            int incoming = -1;
            if (random.nextBoolean()) {
                int[] donor = points[random.nextInt(points.length)];
                int s = donor[random.nextInt(donor.length)];
                if (!marks.has(s)) {
                    incoming = s;
                }
            }
            if (incoming < 0) {
                incoming = RandomPortfolios.outsider(random, universe, marks);
            }
            int slot = random.nextInt(child.length);
            marks.remove(child[slot]);
            marks.add(incoming);
            child[slot] = incoming;
        }
        Arrays.sort(child);
        return child;
    }

    /** A sorted portfolio as a hash key. */
    private record Key(int[] members) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(members, k.members);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(members);
        }
    }
}
