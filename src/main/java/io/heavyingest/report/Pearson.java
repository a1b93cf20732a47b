package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Pearson correlation of selected strategies, computed in the function.
 *
 * <p>Method: each selected series (missing values as 0, see {@link PnlMatrix}) is standardized once,
 * {@code z = (x - mean) / ||x - mean||}; then {@code corr(i, j) = z_i . z_j}, one dot product of length
 * {@code days} per pair, clamped to [-1, 1]. For 1000 strategies x 82 days that is 499,500 dot products of 82
 * terms. A constant series (every day the same value, exactly) has no variance: its correlations are NaN, as
 * SQL's {@code CORR} leaves them undefined.
 */
public final class Pearson {
    private Pearson() {
    }

    /** The correlation matrix of the top {@code n} strategies by {@code definition}. */
    public static CorrelationMatrix topN(PnlMatrix matrix, int n, TopStrategies.Definition definition) {
        int[] top = TopStrategies.select(matrix, n, definition);
        return matrix(matrix, top, definition.describe(top.length));
    }

    /**
     * The correlation matrix of the strategies at {@code columns}, in that order.
     *
     * @param definition how the columns were chosen, carried for the report
     */
    public static CorrelationMatrix matrix(PnlMatrix matrix, int[] columns, String definition) {
        int k = columns.length;
        int days = matrix.days();
        double[] z = new double[k * days];
        boolean[] constant = new boolean[k];
        List<String> names = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            names.add(matrix.strategies().get(columns[c]));
            constant[c] = !standardize(matrix, columns[c], z, c * days);
        }
        double[] r = new double[k * k];
        for (int i = 0; i < k; i++) {
            if (constant[i]) {
                for (int j = 0; j < k; j++) {
                    r[i * k + j] = Double.NaN;
                    r[j * k + i] = Double.NaN;
                }
                continue;
            }
            r[i * k + i] = 1.0;
            int oi = i * days;
            for (int j = i + 1; j < k; j++) {
                if (constant[j]) {
                    continue;
                }
                double v = dot(z, oi, j * days, days);
                v = v > 1.0 ? 1.0 : v < -1.0 ? -1.0 : v;
                r[i * k + j] = v;
                r[j * k + i] = v;
            }
        }
        return new CorrelationMatrix(names, r, definition);
    }

    /** Writes the standardized series of {@code strategy} at {@code offset}; false when it is constant. */
    private static boolean standardize(PnlMatrix matrix, int strategy, double[] z, int offset) {
        int days = matrix.days();
        MatrixCells.copyColumn(matrix, strategy, z, offset);
        if (days == 0) {
            return false;
        }
        double first = z[offset];
        boolean varies = false;
        double sum = 0;
        for (int t = 0; t < days; t++) {
            double v = z[offset + t];
            varies |= v != first;
            sum += v;
        }
        if (!varies) {
            java.util.Arrays.fill(z, offset, offset + days, 0.0);
            return false;
        }
        double mean = sum / days;
        double ss = 0;
        for (int t = 0; t < days; t++) {
            double d = z[offset + t] - mean;
            z[offset + t] = d;
            ss += d * d;
        }
        double norm = Math.sqrt(ss);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("strategy \"" + matrix.strategies().get(strategy)
                    + "\" has a variance that cannot be computed in double precision");
        }
        double inv = 1.0 / norm;
        for (int t = 0; t < days; t++) {
            z[offset + t] *= inv;
        }
        return true;
    }

    /** Dot product with four independent accumulators (lets the CPU overlap the additions). */
    private static double dot(double[] z, int a, int b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += z[a + t] * z[b + t];
            s1 += z[a + t + 1] * z[b + t + 1];
            s2 += z[a + t + 2] * z[b + t + 2];
            s3 += z[a + t + 3] * z[b + t + 3];
        }
        for (; t < len; t++) {
            s0 += z[a + t] * z[b + t];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
