package io.heavyingest.optimize;

import java.util.Arrays;

/** Orders of scored items. */
final class Ranking {
    private Ranking() {
    }

    /** Indices of {@code scores}, highest score first; ties keep index order so the result is reproducible. */
    static Integer[] descending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        return order;
    }
}
