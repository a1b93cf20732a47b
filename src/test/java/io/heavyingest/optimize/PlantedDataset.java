package io.heavyingest.optimize;

import io.heavyingest.optimize.PnlMatrix;

import java.util.SplittableRandom;

/**
 * Noise strategies (zero drift, Gaussian noise of standard deviation 4) with a few planted ones that have a
 * strong positive drift (1 a day plus independent uniform noise within +-0.5, so they never lose). The planted set
 * is the best portfolio by a wide margin: it never has a drawdown (ratio = 100 x ROI), while any noise member
 * brings losing days of real size, and a year of days leaves no noise strategy without them.
 */
final class PlantedDataset {
    static final int NOISE = 300;
    static final int PLANTED = 6;
    static final int DAYS = 250;

    private PlantedDataset() {
    }

    /** Planted strategies sit at indices 0..PLANTED-1 (names s0..s5). */
    static PnlMatrix matrix() {
        SplittableRandom random = new SplittableRandom(2024);
        double[][] series = new double[NOISE + PLANTED][DAYS];
        for (int s = 0; s < series.length; s++) {
            for (int t = 0; t < DAYS; t++) {
                series[s][t] = s < PLANTED ? 1 + (random.nextDouble() - 0.5) : 4 * random.nextGaussian();
            }
        }
        return Matrices.of(series);
    }

    /** Planted strategies among {@code names}. */
    static int plantedIn(java.util.List<String> names) {
        int n = 0;
        for (String name : names) {
            if (Integer.parseInt(name.substring(1)) < PLANTED) {
                n++;
            }
        }
        return n;
    }
}
