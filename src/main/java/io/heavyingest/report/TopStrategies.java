package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Picks the "top N" strategies of a dataset. The original targets never defined "top"; {@link Definition} names
 * the choices and {@link Definition#describe(int)} prints the one used in the report.
 *
 * <p>Order: best score first; equal scores in column (header) order; a strategy whose score is undefined (NaN,
 * e.g. the Sharpe ratio of a constant series) after every defined one. The result is deterministic.
 */
public final class TopStrategies {
    private TopStrategies() {
    }

    /** What "top" means. */
    public enum Definition {
        /** Highest total P&amp;L over all days (the default). */
        TOTAL_PNL("the %,d strategies with the highest total P&L over all days"),
        /** Highest Sharpe-like ratio of daily P&amp;L: mean over sample standard deviation. */
        SHARPE("the %,d strategies with the highest ratio of mean daily P&L to its sample standard deviation"),
        /** The first N columns of the file. */
        FILE_ORDER("the first %,d strategies in file (header) order");

        private final String template;

        Definition(String template) {
            this.template = template;
        }

        /**
         * The definition as the report prints it, e.g. "the 1,000 strategies with the highest total P&amp;L over
         * all days (missing values count as 0; ties in header order)".
         */
        public String describe(int n) {
            return String.format(Locale.ROOT, template, n)
                    + (this == FILE_ORDER ? "" : " (missing values count as 0; ties in header order)");
        }

        double score(PnlMatrix m, int strategy) {
            int days = m.days();
            double sum = 0;
            for (int t = 0; t < days; t++) {
                sum += MatrixCells.valueOrZero(m, t, strategy);
            }
            return switch (this) {
                case TOTAL_PNL -> sum;
                case FILE_ORDER -> -strategy;
                case SHARPE -> {
                    if (days < 2) {
                        yield Double.NaN;
                    }
                    double mean = sum / days;
                    double ss = 0;
                    for (int t = 0; t < days; t++) {
                        double d = MatrixCells.valueOrZero(m, t, strategy) - mean;
                        ss += d * d;
                    }
                    double sd = Math.sqrt(ss / (days - 1));
                    yield sd > 0 ? mean / sd : Double.NaN;
                }
            };
        }
    }

    /**
     * The column indices of the top {@code n} strategies (all of them when the dataset has fewer), best first.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static int[] select(PnlMatrix matrix, int n, Definition definition) {
        if (n < 1) {
            throw new IllegalArgumentException("top N needs N >= 1, not " + n);
        }
        int count = matrix.strategyCount();
        double[] score = new double[count];
        Integer[] order = new Integer[count];
        for (int s = 0; s < count; s++) {
            score[s] = definition.score(matrix, s);
            order[s] = s;
        }
        Comparator<Integer> byScore = (a, b) -> {
            boolean na = Double.isNaN(score[a]);
            boolean nb = Double.isNaN(score[b]);
            if (na != nb) {
                return na ? 1 : -1;
            }
            int c = na || score[a] == score[b] ? 0 : score[a] > score[b] ? -1 : 1;
            return c != 0 ? c : Integer.compare(a, b);
        };
        Arrays.sort(order, byScore);
        int k = Math.min(n, count);
        int[] top = new int[k];
        for (int i = 0; i < k; i++) {
            top[i] = order[i];
        }
        return top;
    }
}
