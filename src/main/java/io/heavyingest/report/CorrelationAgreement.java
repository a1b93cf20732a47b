package io.heavyingest.report;

import java.util.List;
import java.util.Objects;

/**
 * How closely a second computation of some pairs (e.g. SQL {@code CORR} in the warehouse) agrees with the
 * in-function matrix.
 *
 * @param pairs pairs compared
 * @param maxAbsDifference largest |in-function - other| over pairs where both are defined (0 when none)
 * @param undefinedMismatches pairs where exactly one side is undefined (NaN or SQL NULL)
 * @param worstFirst first strategy of the pair with the largest difference, null when none
 * @param worstSecond second strategy of that pair, null when none
 */
public record CorrelationAgreement(int pairs, double maxAbsDifference, int undefinedMismatches, String worstFirst,
                                   String worstSecond) {

    /**
     * One pair's correlation from the other computation.
     *
     * @param first a strategy name
     * @param second another strategy name
     * @param value the correlation; null or NaN when undefined
     */
    public record Pair(String first, String second, Double value) {
        public Pair {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /**
     * Compares {@code others} with {@code matrix}.
     *
     * @throws IllegalArgumentException when a pair names a strategy that is not in the matrix
     */
    public static CorrelationAgreement compare(CorrelationMatrix matrix, List<Pair> others) {
        double max = 0;
        int undefined = 0;
        String wa = null;
        String wb = null;
        for (Pair p : others) {
            int i = matrix.indexOf(p.first());
            int j = matrix.indexOf(p.second());
            if (i < 0 || j < 0) {
                throw new IllegalArgumentException("pair (" + p.first() + ", " + p.second()
                        + ") names a strategy outside the correlation matrix");
            }
            double mine = matrix.get(i, j);
            double theirs = p.value() == null ? Double.NaN : p.value();
            boolean a = Double.isNaN(mine);
            boolean b = Double.isNaN(theirs);
            if (a || b) {
                if (a != b) {
                    undefined++;
                }
                continue;
            }
            double d = Math.abs(mine - theirs);
            if (d > max || wa == null) {
                max = Math.max(max, d);
                wa = p.first();
                wb = p.second();
            }
        }
        return new CorrelationAgreement(others.size(), max, undefined, wa, wb);
    }

    /** Whether every pair agrees within {@code tolerance} and none is defined on one side only. */
    public boolean agrees(double tolerance) {
        return undefinedMismatches == 0 && maxAbsDifference <= tolerance;
    }
}
