package io.heavyingest.optimize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SwapStateTest {

    /**
     * The cut's promise: a swap that reaches the threshold is scored exactly (to the bit, as without a threshold);
     * one that does not is scored exactly or cut. Checked on the real sample, from random and from climbed
     * portfolios (where the cut engages most), at thresholds on both sides of each swap's fitness.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 2})
    void trySwap_thresholdsAroundEachSwapsFitness_shouldScoreExactlyEverySwapThatReachesIt(double floor) {
        StrategyUniverse u = Matrices.realSample(floor);
        SplittableRandom random = new SplittableRandom(11);
        int cut = 0;
        int checked = 0;
        for (int size : new int[] {2, 35, 60}) {
            Evaluator evaluator = new Evaluator(u, size, Long.MAX_VALUE);
            SwapState state = new SwapState(evaluator, RandomPortfolios.portfolio(random, u.size(), size,
                    new Marks(u.size())));
            for (int step = 0; step < 20_000; step++) {
                int slot = random.nextInt(size);
                int incoming = RandomPortfolios.outsider(random, u.size(), state);
                double exact = state.trySwap(slot, incoming);
                double ulp = Math.ulp(exact);
                for (double threshold : new double[] {exact - 1, exact - ulp, exact, exact + ulp, exact + 1e-6,
                        exact + 1, state.fitness(), Double.NEGATIVE_INFINITY}) {
                    double scored = state.trySwap(slot, incoming, Math.min(threshold, evaluator.bestFitness()));
                    checked++;
                    if (exact >= Math.min(threshold, evaluator.bestFitness())) {
                        assertThat(scored).as("swap %d of size %d at threshold %s", step, size, threshold)
                                .isEqualTo(exact);
                    } else if (scored == SwapState.CUT) {
                        cut++;
                    } else {
                        assertThat(scored).isEqualTo(exact);
                    }
                }
                if (exact >= state.fitness()) {   // a climb, so later swaps meet a good portfolio
                    state.applySwap(slot, incoming, exact);
                }
            }
        }
        assertThat(cut).as("swaps cut of %d scored", checked).isGreaterThan(checked / 10);
    }

    @Test
    void trySwap_randomSwapsOfAClimbedPortfolio_shouldCutMostOfThemEarly() {
        StrategyUniverse u = Matrices.realSample(0);
        SplittableRandom random = new SplittableRandom(5);
        Evaluator evaluator = new Evaluator(u, 40, 2_000_000);
        new GuidedAscent(8, 8, 3, 0.3, 256).polish(evaluator, RandomPortfolios.portfolio(random, u.size(), 40,
                new Marks(u.size())), random);
        SwapState state = new SwapState(new Evaluator(u, 40, Long.MAX_VALUE), evaluator.best());
        int cut = 0;
        for (int k = 0; k < 10_000; k++) {
            int slot = random.nextInt(40);
            int incoming = RandomPortfolios.outsider(random, u.size(), state);
            double exact = state.trySwap(slot, incoming);
            double scored = state.trySwap(slot, incoming, state.fitness());
            if (scored == SwapState.CUT) {
                cut++;
                assertThat(exact).isLessThan(state.fitness());
            } else {
                assertThat(scored).isEqualTo(exact);
            }
        }
        // a climbed portfolio of the real sample: almost every random swap loses, and most provably
        assertThat(cut).isGreaterThan(5_000);
    }

    @Test
    void trySwap_swapThatFlattensTheDrawdown_shouldBeScoredExactlyNotCut() {
        // s0 and s1 dip on day 2, s2 is flat then: {s0, s2} has a drawdown, {s1, s2} one 5e-9 deep (flat)
        StrategyUniverse u = Matrices.universe(
                new double[] {5, 5, -4, 5, 5},
                new double[] {5, 5, -1e-8, 5, 5},
                new double[] {1, 1, 0, 1, 1},
                new double[] {-3, -3, -3, -3, 20});
        int s0 = u.names().indexOf("s0");
        int s1 = u.names().indexOf("s1");
        int s2 = u.names().indexOf("s2");
        SwapState state = new SwapState(new Evaluator(u, 2, 1_000), new int[] {s0, s2});
        int slot = state.slotOf(s0);

        double exact = state.trySwap(slot, s1);

        // no drawdown beyond 1e-6: the legacy ratio is 100 x ROI, far above the current fitness
        assertThat(exact).isGreaterThan(state.fitness());
        assertThat(state.trySwap(slot, s1, state.fitness())).isEqualTo(exact);
        assertThat(state.trySwap(slot, s1, exact)).isEqualTo(exact);
    }

    @Test
    void trySwap_swapToALosingPortfolio_shouldBeCutAboveItsFitnessAndScoredBelow() {
        StrategyUniverse u = Matrices.universe(
                new double[] {5, 5, -4, 5, 5},
                new double[] {1, 2, 1, 2, 1},
                new double[] {-3, -3, -3, -3, -3});
        int s1 = u.names().indexOf("s1");
        int s2 = u.names().indexOf("s2");
        SwapState state = new SwapState(new Evaluator(u, 2, 1_000), new int[] {u.names().indexOf("s0"), s1});
        int slot = state.slotOf(u.names().indexOf("s0"));

        double exact = state.trySwap(slot, s2);

        assertThat(exact).isLessThan(0);
        assertThat(state.trySwap(slot, s2, state.fitness())).isEqualTo(SwapState.CUT);
        assertThat(state.trySwap(slot, s2, exact)).isEqualTo(exact);
        assertThat(state.trySwap(slot, s2, exact - 1)).isEqualTo(exact);
    }
}
