package io.heavyingest.optimize;

/** A set of strategy indices that clears in O(1): a mark is valid only for the current epoch. */
final class Marks {
    private final int[] stamp;
    private int epoch = 1;

    Marks(int universeSize) {
        this.stamp = new int[universeSize];
    }

    void clear() {
        if (++epoch == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            epoch = 1;
        }
    }

    void add(int strategy) { stamp[strategy] = epoch; }

    void remove(int strategy) { stamp[strategy] = 0; }

    boolean has(int strategy) { return stamp[strategy] == epoch; }

    /** Clears, then marks every member. */
    Marks of(int[] members) {
        clear();
        for (int m : members) {
            add(m);
        }
        return this;
    }
}
