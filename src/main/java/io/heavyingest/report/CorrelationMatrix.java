package io.heavyingest.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A symmetric N x N matrix of Pearson correlations between named strategies, in the order they were selected
 * (best first). A cell is NaN when the correlation is undefined: a strategy whose series is constant has no
 * variance, so its row and column (diagonal included) are NaN; every other diagonal cell is 1.
 */
public final class CorrelationMatrix {
    private final List<String> names;
    private final double[] values;
    private final String definition;
    private Map<String, Integer> index;

    CorrelationMatrix(List<String> names, double[] values, String definition) {
        this.names = List.copyOf(names);
        this.values = values;
        this.definition = definition;
    }

    /** A matrix from given cells (row-major, N x N), e.g. computed elsewhere. The array is copied. */
    public static CorrelationMatrix of(List<String> names, double[] rowMajor, String definition) {
        int n = names.size();
        if (rowMajor.length != (long) n * n) {
            throw new IllegalArgumentException(rowMajor.length + " cells are not " + n + " x " + n);
        }
        return new CorrelationMatrix(names, rowMajor.clone(), definition);
    }

    public int size() {
        return names.size();
    }

    /** Strategy names, in matrix order. */
    public List<String> names() {
        return names;
    }

    /** How the strategies were chosen, as printed in the report. */
    public String definition() {
        return definition;
    }

    /** corr(i, j); NaN when undefined. */
    public double get(int i, int j) {
        return values[i * names.size() + j];
    }

    /** The matrix position of {@code name}, or -1. */
    public int indexOf(String name) {
        if (index == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.putIfAbsent(names.get(i), i);
            }
            index = m;
        }
        return index.getOrDefault(name, -1);
    }

    /**
     * {@code count} distinct unordered pairs (i &lt; j) drawn with {@code seed}, for a second computation (e.g. SQL
     * {@code CORR}) to be compared with this one. All pairs when there are fewer.
     */
    public List<int[]> samplePairs(int count, long seed) {
        int n = names.size();
        long total = (long) n * (n - 1) / 2;
        List<int[]> out = new ArrayList<>();
        if (total <= count) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    out.add(new int[] {i, j});
                }
            }
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (out.size() < count) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i == j) {
                continue;
            }
            int a = Math.min(i, j);
            int b = Math.max(i, j);
            if (seen.add((long) a * n + b)) {
                out.add(new int[] {a, b});
            }
        }
        return out;
    }

    /**
     * Block averages of the matrix into at most {@code maxCells} x {@code maxCells} cells, for drawing: block
     * {@code (p, q)} is the mean of the defined (non-NaN) cells it covers, NaN when none is defined. Returns the
     * matrix itself when it is small enough.
     *
     * @return {@code k x k} row-major cells; {@code k = ceil(N / ceil(N / maxCells))}
     */
    public double[][] downsampled(int maxCells) {
        int n = names.size();
        int block = Math.max(1, (n + maxCells - 1) / maxCells);
        int k = (n + block - 1) / block;
        double[][] out = new double[k][k];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double sum = 0;
                int count = 0;
                for (int i = p * block; i < Math.min(n, (p + 1) * block); i++) {
                    for (int j = q * block; j < Math.min(n, (q + 1) * block); j++) {
                        double v = values[i * n + j];
                        if (!Double.isNaN(v)) {
                            sum += v;
                            count++;
                        }
                    }
                }
                out[p][q] = count == 0 ? Double.NaN : sum / count;
            }
        }
        return out;
    }

    /** Strategies per block in {@link #downsampled(int)}. */
    public int blockSize(int maxCells) {
        return Math.max(1, (names.size() + maxCells - 1) / maxCells);
    }
}
