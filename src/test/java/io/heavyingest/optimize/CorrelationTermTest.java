package io.heavyingest.optimize;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorrelationTermTest {

    /** 40 strategies x 25 days of noise with shared factors, plus a constant and an all-zero series. */
    private static double[][] series() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] s = new double[42][25];
        double[] factor = new double[25];
        for (int t = 0; t < 25; t++) {
            factor[t] = random.nextGaussian();
        }
        for (int i = 0; i < 40; i++) {
            double loading = random.nextDouble() * 2 - 1;
            for (int t = 0; t < 25; t++) {
                s[i][t] = 100 * (loading * factor[t] + random.nextGaussian()) + 3 * i;
            }
        }
        java.util.Arrays.fill(s[40], 12.5);
        return s;
    }

    /**
     * Textbook Pearson over all unordered pairs of the universe's {@code members} (named s0, s1, ... after their
     * series); a pair with a constant series counts as 0.
     */
    private static double bruteForceMeanCorrelation(StrategyUniverse u, double[][] series, int[] universeMembers) {
        int[] members = new int[universeMembers.length];
        for (int i = 0; i < members.length; i++) {
            members[i] = Integer.parseInt(u.name(universeMembers[i]).substring(1));
        }
        double[][] s = series;
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < members.length; a++) {
            for (int b = a + 1; b < members.length; b++) {
                sum += pearson(s[members[a]], s[members[b]]);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < n; t++) {
            mx += x[t] / n;
            my += y[t] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = 0; t < n; t++) {
            sxy += (x[t] - mx) * (y[t] - my);
            sxx += (x[t] - mx) * (x[t] - mx);
            syy += (y[t] - my) * (y[t] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void meanCorrelation_randomPortfolios_shouldMatchBruteForcePairwisePearson() {
        double[][] s = series();
        StrategyUniverse u = Matrices.universe(s);
        SplittableRandom random = new SplittableRandom(11);
        Marks marks = new Marks(u.size());
        for (int trial = 0; trial < 200; trial++) {
            int size = 2 + random.nextInt(20);
            int[] members = RandomPortfolios.portfolio(random, u.size(), size, marks);

            double expected = bruteForceMeanCorrelation(u, s, members);

            assertThat(FitnessFunction.metrics(u, members).meanCorrelation()).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void meanCorrelation_portfolioWithConstantAndZeroSeries_shouldMatchBruteForce() {
        double[][] s = series();
        StrategyUniverse u = Matrices.universe(s);
        int[] members = java.util.stream.Stream.of("s0", "s1", "s40", "s41", "s2")
                .mapToInt(name -> u.names().indexOf(name)).toArray();

        assertThat(FitnessFunction.metrics(u, members).meanCorrelation())
                .isCloseTo(bruteForceMeanCorrelation(u, s, members), within(1e-12));
    }

    @Test
    void trySwap_manySwaps_shouldAgreeWithScoringFromScratch() {
        StrategyUniverse u = Matrices.universe(series());
        SplittableRandom random = new SplittableRandom(3);
        Evaluator evaluator = new Evaluator(u, 8, 10_000);
        SwapState state = new SwapState(evaluator, RandomPortfolios.portfolio(random, u.size(), 8, new Marks(u.size())));
        for (int k = 0; k < 2_000; k++) {
            int slot = random.nextInt(8);
            int incoming = RandomPortfolios.outsider(random, u.size(), state);
            double incremental = state.trySwap(slot, incoming);
            int[] swapped = state.members();
            swapped[slot] = incoming;

            double exact = FitnessFunction.fitness(u, swapped);

            // the running sums carry rounding from earlier swaps: agreement to 1e-10 relative
            assertThat(incremental).isCloseTo(exact, within(1e-10 * Math.max(1, Math.abs(exact))));

            if (random.nextBoolean()) {
                state.applySwap(slot, incoming, incremental);
            }
        }
        double best = FitnessFunction.fitness(u, evaluator.best());
        assertThat(evaluator.bestFitness()).isCloseTo(best, within(1e-10 * Math.max(1, Math.abs(best))));
    }
}
