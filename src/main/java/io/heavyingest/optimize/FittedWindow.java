package io.heavyingest.optimize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations the surrogate is fitted to (the best ones, best first) and their intersection counts. The
 * counts carry over between iterations: an observation can only enter the window when it is new, and a new
 * observation's counts against the previous window were already computed when it was scored as a candidate.
 */
final class FittedWindow {
    private int[] ids = new int[0];
    private int[][] common = new int[0][0];

    int[] ids() { return ids; }

    int[][] common() { return common; }

    int size() { return ids.length; }

    /**
     * Moves to the window {@code newIds} (observation ids). {@code known} maps a new observation's id to its
     * intersection counts against the current window, in window order; pairs with no known count are merged.
     */
    void moveTo(int[] newIds, List<int[]> seen, Map<Integer, int[]> known) {
        Map<Integer, Integer> oldSlot = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            oldSlot.put(ids[i], i);
        }
        int m = newIds.length;
        int[][] next = new int[m][m];
        for (int i = 0; i < m; i++) {
            next[i][i] = seen.get(newIds[i]).length;
            for (int j = 0; j < i; j++) {
                next[i][j] = count(newIds[i], newIds[j], oldSlot, seen, known);
                next[j][i] = next[i][j];
            }
        }
        ids = newIds;
        common = next;
    }

    private int count(int a, int b, Map<Integer, Integer> oldSlot, List<int[]> seen, Map<Integer, int[]> known) {
        Integer sa = oldSlot.get(a);
        Integer sb = oldSlot.get(b);
        if (sa != null && sb != null) {
            return common[sa][sb];
        }
        if (sa != null && known.containsKey(b)) {
            return known.get(b)[sa];
        }
        if (sb != null && known.containsKey(a)) {
            return known.get(a)[sb];
        }
        return TanimotoProcess.common(seen.get(a), seen.get(b));
    }
}
