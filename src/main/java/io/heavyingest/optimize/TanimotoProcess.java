package io.heavyingest.optimize;

/**
 * A Gaussian process over portfolios of one size n with the Tanimoto kernel k(A, B) = |A n B| / |A u B| =
 * c / (2n - c) for c = |A n B| (positive definite on sets; 1 for equal portfolios, 0 for disjoint ones), zero
 * prior mean and homoscedastic noise, fitted to standardized fitness values. It sees portfolios only through
 * their intersection counts, which the caller supplies.
 */
final class TanimotoProcess {
    private final int size;
    private final int count;
    private final double[] lower;   // Cholesky factor of K + noise I, row-major, lower triangle
    private final double[] alpha;   // (K + noise I)^-1 y
    private final double[] scratch;

    /**
     * @param common common[i][j] = |P_i n P_j| for the fitted portfolios (at least the lower triangle)
     * @param size portfolio size n
     * @param y standardized fitness of each portfolio
     * @param noise observation noise variance
     */
    TanimotoProcess(int[][] common, int size, double[] y, double noise) {
        this.size = size;
        this.count = y.length;
        this.lower = new double[count * count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j <= i; j++) {
                double k = kernel(common[i][j], size);
                lower[i * count + j] = i == j ? k + noise : k;
            }
        }
        cholesky();
        this.alpha = y.clone();
        solveLower(alpha);
        solveUpper(alpha);
        this.scratch = new double[count];
    }

    static double kernel(int common, int size) {
        return (double) common / (2 * size - common);
    }

    /** Intersection size of two sorted portfolios. */
    static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                c++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return c;
    }

    /**
     * Expected improvement over {@code best} + {@code xi} (standardized scale) of a portfolio whose intersection
     * with fitted portfolio i is {@code common[i]}.
     */
    double expectedImprovement(int[] common, double best, double xi) {
        double mean = 0;
        for (int i = 0; i < count; i++) {
            scratch[i] = kernel(common[i], size);
            mean += scratch[i] * alpha[i];
        }
        solveLower(scratch);
        double explained = 0;
        for (int i = 0; i < count; i++) {
            explained += scratch[i] * scratch[i];
        }
        double sd = Math.sqrt(Math.max(1e-12, 1 - explained));
        double gain = mean - best - xi;
        double z = gain / sd;
        return gain * Normal.cdf(z) + sd * Normal.pdf(z);
    }

    private void cholesky() {
        for (int j = 0; j < count; j++) {
            double d = lower[j * count + j];
            for (int k = 0; k < j; k++) {
                d -= lower[j * count + k] * lower[j * count + k];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("kernel matrix is not positive definite (raise the BO noise)");
            }
            double root = Math.sqrt(d);
            lower[j * count + j] = root;
            for (int i = j + 1; i < count; i++) {
                double s = lower[i * count + j];
                for (int k = 0; k < j; k++) {
                    s -= lower[i * count + k] * lower[j * count + k];
                }
                lower[i * count + j] = s / root;
            }
        }
    }

    private void solveLower(double[] b) {
        for (int i = 0; i < count; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i * count + k] * b[k];
            }
            b[i] = s / lower[i * count + i];
        }
    }

    private void solveUpper(double[] b) {
        for (int i = count - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < count; k++) {
                s -= lower[k * count + i] * b[k];
            }
            b[i] = s / lower[i * count + i];
        }
    }
}
