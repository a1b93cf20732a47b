package io.heavyingest.optimize;

/**
 * The seed of one (algorithm, size) search, a SplitMix64 hash of the run's seed, the algorithm and the size. It
 * depends on nothing else, so a search gives the same answer whatever else runs, on how many threads.
 */
final class TaskSeeds {
    private TaskSeeds() {
    }

    static long of(long seed, Algorithm algorithm, int size) {
        long h = mix(seed);
        h = mix(h ^ (algorithm.ordinal() + 1L) * 0x9E3779B97F4A7C15L);
        return mix(h ^ (size + 1L) * 0xC2B2AE3D27D4EB4FL);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
