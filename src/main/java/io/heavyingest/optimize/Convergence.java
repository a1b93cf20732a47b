package io.heavyingest.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How close a sweep came to the best fitness known at each size: per size, the sweep's best fitness (over every
 * algorithm) divided by the best known. Only defined where the best known is positive (a ratio to a non-positive
 * best says nothing).
 *
 * @param sizes one row per swept size
 * @param minRatio the smallest ratio over the sizes
 * @param minRatioSize the size where it occurs (the smallest such size)
 * @param medianRatio the median of the per-size ratios
 */
public record Convergence(List<SizeRatio> sizes, double minRatio, int minRatioSize, double medianRatio) {

    /**
     * One size.
     *
     * @param size portfolio size
     * @param fitness the sweep's best fitness at this size
     * @param bestKnown the best fitness known at this size
     * @param ratio fitness / bestKnown
     */
    public record SizeRatio(int size, double fitness, double bestKnown, double ratio) {
    }

    /** The result's convergence, when {@code known} has a positive best for every swept size. */
    public static Optional<Convergence> of(OptimizationResult result, BestKnown known) {
        double[] best = bestPerSize(result);
        List<SizeRatio> rows = new ArrayList<>();
        int min = result.sizes().min();
        for (int i = 0; i < best.length; i++) {
            OptionalDouble b = known.fitness(min + i);
            if (b.isEmpty() || !(b.getAsDouble() > 0)) {
                return Optional.empty();
            }
            rows.add(new SizeRatio(min + i, best[i], b.getAsDouble(), best[i] / b.getAsDouble()));
        }
        double[] ratios = rows.stream().mapToDouble(SizeRatio::ratio).toArray();
        int argMin = 0;
        for (int i = 1; i < ratios.length; i++) {
            if (ratios[i] < ratios[argMin]) {
                argMin = i;
            }
        }
        return Optional.of(new Convergence(List.copyOf(rows), ratios[argMin], rows.get(argMin).size(), median(ratios)));
    }

    /** The sweep's best fitness at each size (over all its algorithms and the consolidation), smallest size first. */
    public static double[] bestPerSize(OptimizationResult result) {
        double[] best = new double[result.sizes().count()];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (List<RunResult> runs : List.of(result.runs(), result.consolidated())) {
            for (RunResult r : runs) {
                int i = r.size() - result.sizes().min();
                best[i] = Math.max(best[i], r.fitness());
            }
        }
        return best;
    }

    /** Median of {@code values} (the mean of the middle two for an even count); NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
