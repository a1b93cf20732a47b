package io.heavyingest.optimize;

import java.util.SplittableRandom;

/** Uniform random choices of strategies: whole portfolios and outsiders to swap in. */
final class RandomPortfolios {
    private RandomPortfolios() {
    }

    /** {@code size} distinct strategies, uniformly; uses {@code scratch} as working marks. */
    static int[] portfolio(SplittableRandom random, int universeSize, int size, Marks scratch) {
        int[] out = new int[size];
        scratch.clear();
        if (size * 2 > universeSize) {
            // dense draw: partial Fisher-Yates over all indices
            int[] all = new int[universeSize];
            for (int i = 0; i < universeSize; i++) {
                all[i] = i;
            }
            for (int i = 0; i < size; i++) {
                int j = i + random.nextInt(universeSize - i);
                int tmp = all[i];
                all[i] = all[j];
                all[j] = tmp;
                out[i] = all[i];
            }
            return out;
        }
        for (int i = 0; i < size; i++) {
            int s;
            do {
                s = random.nextInt(universeSize);
            } while (scratch.has(s));
            scratch.add(s);
            out[i] = s;
        }
        return out;
    }

    /** A uniformly random strategy that {@code state} does not hold; needs at least one outsider. */
    static int outsider(SplittableRandom random, int universeSize, SwapState state) {
        int s;
        do {
            s = random.nextInt(universeSize);
        } while (state.contains(s));
        return s;
    }

    /** A uniformly random strategy not in {@code members}; needs at least one outsider. */
    static int outsider(SplittableRandom random, int universeSize, Marks members) {
        int s;
        do {
            s = random.nextInt(universeSize);
        } while (members.has(s));
        return s;
    }
}
