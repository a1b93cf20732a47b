package io.heavyingest.optimize;

import java.util.Arrays;

/**
 * Which of the surrogate's fitted portfolios hold a strategy: one bit per fitted portfolio and strategy. Lets a
 * neighbour's intersection with every fitted portfolio follow from its parent's in O(fitted x swaps).
 */
final class ModelMembership {
    private final int words;
    private final long[] bits;
    private int[][] indexed = new int[0][];

    ModelMembership(int universeSize, int maxPortfolios) {
        this.words = (maxPortfolios + 63) / 64;
        this.bits = new long[universeSize * words];
    }

    /** Indexes {@code portfolios}, replacing the previous ones. */
    void index(int[][] portfolios) {
        for (int[] p : indexed) {
            for (int s : p) {
                Arrays.fill(bits, s * words, (s + 1) * words, 0L);
            }
        }
        for (int i = 0; i < portfolios.length; i++) {
            for (int s : portfolios[i]) {
                bits[s * words + (i >>> 6)] |= 1L << (i & 63);
            }
        }
        indexed = portfolios;
    }

    /** Adds {@code delta} to {@code counts[i]} for every indexed portfolio i that holds {@code strategy}. */
    void add(int strategy, int delta, int[] counts) {
        int base = strategy * words;
        for (int w = 0; w < words; w++) {
            long word = bits[base + w];
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                counts[(w << 6) + bit] += delta;
                word &= word - 1;
            }
        }
    }
}
