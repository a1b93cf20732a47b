package io.heavyingest.optimize;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FitnessFunctionTest {
    private static final double EPS = 1e-12;

    @Test
    void ratio_drawdownAboveThreshold_shouldDivideRoiByDrawdown() {
        // E = 10, 5, 25; P = 10, 10, 25; drawdowns 0, 5, 0
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {10, -5, 20}), new int[] {0});

        assertThat(m.roi()).isEqualTo(25.0);
        assertThat(m.maxDrawdown()).isEqualTo(5.0);
        assertThat(m.ratio()).isEqualTo(5.0);
        assertThat(m.fitness()).isEqualTo(5.0);
    }

    @Test
    void ratio_zeroDrawdownPositiveRoi_shouldBeHundredTimesRoi() {
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {1, 2, 3}), new int[] {0});

        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.ratio()).isEqualTo(600.0);
    }

    @Test
    void ratio_zeroDrawdownNegativeRoi_shouldBeTenTimesRoi() {
        // the peak starts at E_1 = -4, so the flat days after the loss are no drawdown
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {-4, 0, 0}), new int[] {0});

        assertThat(m.roi()).isEqualTo(-4.0);
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.ratio()).isEqualTo(-40.0);
    }

    @Test
    void ratio_zeroDrawdownZeroRoi_shouldBeZero() {
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {0, 0, 0}), new int[] {0});

        assertThat(m.ratio()).isZero();
        assertThat(m.fitness()).isZero();
    }

    @Test
    void ratio_drawdownAtOrBelowOneMillionth_shouldCountAsNoDrawdown() {
        assertThat(FitnessFunction.ratio(3, 1e-6)).isEqualTo(300.0);
        assertThat(FitnessFunction.ratio(3, 2e-6)).isEqualTo(1.5e6);
    }

    @Test
    void fitness_perfectlyOppositeStrategies_shouldAddTenForCorrelationMinusOne() {
        // r = 2, 2, 2: ROI 6, no drawdown -> ratio 600; corr(a, b) = -1 -> fitness 600 + 10
        PortfolioMetrics m = FitnessFunction.metrics(
                Matrices.universe(new double[] {1, 2, 3}, new double[] {3, 2, 1}), new int[] {0, 1});

        assertThat(m.meanCorrelation()).isCloseTo(-1.0, within(EPS));
        assertThat(m.fitness()).isCloseTo(610.0, within(1e-9));
    }

    @Test
    void fitness_perfectlyCorrelatedStrategies_shouldSubtractTen() {
        // r = 1.5, 3, 4.5: ROI 9, no drawdown -> ratio 900; corr = 1 -> fitness 890
        PortfolioMetrics m = FitnessFunction.metrics(
                Matrices.universe(new double[] {1, 2, 3}, new double[] {2, 4, 6}), new int[] {0, 1});

        assertThat(m.meanCorrelation()).isCloseTo(1.0, within(EPS));
        assertThat(m.fitness()).isCloseTo(890.0, within(1e-9));
    }

    @Test
    void fitness_threeStrategies_shouldAverageTheThreePairs() {
        // corr(a,b) = 1, corr(a,c) = -1, corr(b,c) = -1: mean -1/3
        StrategyUniverse u = Matrices.universe(new double[] {1, 2, 3}, new double[] {2, 4, 6}, new double[] {3, 2, 1});

        assertThat(FitnessFunction.metrics(u, new int[] {0, 1, 2}).meanCorrelation()).isCloseTo(-1.0 / 3, within(EPS));
    }

    @Test
    void correlation_constantSeries_shouldCountAsZero() {
        StrategyUniverse u = Matrices.universe(new double[] {1, 2, 3}, new double[] {5, 5, 5});

        assertThat(FitnessFunction.metrics(u, new int[] {0, 1}).meanCorrelation()).isZero();
    }

    @Test
    void metrics_mixedDays_shouldMatchHandComputedFigures() {
        // r = 10, -5, 20; mean 25/3; deviations 5/3, -40/3, 35/3 -> squares sum 2850/9, sample variance 1425/9
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {10, -5, 20}), new int[] {0});

        double mean = 25.0 / 3;
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.profitFactor()).isCloseTo(30.0 / 5, within(EPS));
        assertThat(m.expectancy()).isCloseTo(mean, within(EPS));
        assertThat(m.sharpe()).isCloseTo(mean / Math.sqrt(1425.0 / 9) * Math.sqrt(52), within(1e-9));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(25.0 / 3) * Math.sqrt(52), within(1e-9));
        assertThat(m.annualizedReturn()).isCloseTo(mean * 52, within(1e-9));
    }

    @Test
    void metrics_noLosingDay_shouldReportInfiniteProfitFactorAndSortino() {
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {1, 0, 2}), new int[] {0});

        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.profitFactor()).isInfinite();
        assertThat(m.sortino()).isInfinite();
    }

    @Test
    void metrics_flatPortfolio_shouldReportZeroRatios() {
        PortfolioMetrics m = FitnessFunction.metrics(Matrices.universe(new double[] {0, 0, 0}), new int[] {0});

        assertThat(m.profitFactor()).isZero();
        assertThat(m.sharpe()).isZero();
        assertThat(m.sortino()).isZero();
    }

    @Test
    void periodsPerYear_weeklyDates_shouldBeAboutFiftyTwo() {
        List<LocalDate> weekly = List.of(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 18));

        assertThat(StrategyUniverse.periodsPerYear(weekly)).isCloseTo(365.25 / 7, within(1e-9));
    }

    @Test
    void metrics_repeatedStrategy_shouldBeRejected() {
        StrategyUniverse u = Matrices.universe(new double[] {1, 2}, new double[] {2, 1});

        assertThatThrownBy(() -> FitnessFunction.metrics(u, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s1 appears twice");
    }

    private static StrategyUniverse floored(double floor, double[]... series) {
        return StrategyUniverse.of(Matrices.of(series), 52, floor);
    }

    @Test
    void drawdownFloor_noDrawdown_shouldDivideByTheFloorInsteadOfMultiplyingByHundred() {
        // r = 1, 2, 3: ROI 6, MaxDD 0, mean |r| = 2 -> floor 1 x 2 = 2 -> ratio 3 (legacy: 100 x 6 = 600)
        double[] steady = {1, 2, 3};

        assertThat(FitnessFunction.metrics(floored(0, steady), new int[] {0}).ratio()).isEqualTo(600.0);
        assertThat(FitnessFunction.metrics(floored(1, steady), new int[] {0}).ratio()).isEqualTo(3.0);
        assertThat(FitnessFunction.metrics(floored(0.5, steady), new int[] {0}).ratio()).isEqualTo(6.0);
    }

    @Test
    void drawdownFloor_roundingSizedDrawdown_shouldNotInflateTheRatio() {
        // r = 3, -2e-6, 3: ROI ~ 6, MaxDD 2e-6 just above the legacy threshold -> legacy ratio ~ 3e6;
        // mean |r| ~ 2, floor 1 -> drawdown ~ 2 -> ratio ~ 3
        double[] noisy = {3, -2e-6, 3};

        assertThat(FitnessFunction.metrics(floored(0, noisy), new int[] {0}).ratio()).isCloseTo(3e6, within(1.0));
        assertThat(FitnessFunction.metrics(floored(1, noisy), new int[] {0}).ratio())
                .isCloseTo((6 - 2e-6) / ((6 + 2e-6) / 3), within(1e-12));
    }

    @Test
    void drawdownFloor_realDrawdownAboveTheFloor_shouldKeepTheLegacyRatio() {
        // r = 10, -5, 20: ROI 25, MaxDD 5, mean |r| = 35/3; floor 0.25 -> 35/12 < 5 -> ratio 25 / 5 = 5
        double[] mixed = {10, -5, 20};

        assertThat(FitnessFunction.metrics(floored(0.25, mixed), new int[] {0}).ratio()).isEqualTo(5.0);
        // floor 1 -> 35/3 > 5 -> ratio 25 / (35/3) = 15/7
        assertThat(FitnessFunction.metrics(floored(1, mixed), new int[] {0}).ratio()).isCloseTo(15.0 / 7, within(EPS));
    }

    @Test
    void drawdownFloor_lossWithoutDrawdownOrNoMoveAtAll_shouldBeNegativeOrZero() {
        // r = -4, 0, 0: ROI -4, MaxDD 0 (the peak starts at E_1), mean |r| = 4/3 -> ratio -3 (legacy: -40)
        assertThat(FitnessFunction.metrics(floored(1, new double[] {-4, 0, 0}), new int[] {0}).ratio())
                .isCloseTo(-3.0, within(EPS));
        assertThat(FitnessFunction.metrics(floored(1, new double[] {0, 0, 0}), new int[] {0}).ratio()).isZero();
    }

    @Test
    void drawdownFloor_boundedByDaysOverFloor_forAnyPortfolio() {
        // every strategy climbs steadily except for one rounding-sized loss on day 10
        double[][] series = new double[30][40];
        for (int s = 0; s < series.length; s++) {
            for (int t = 0; t < 40; t++) {
                series[s][t] = t == 10 ? -3e-6 : 1 + 0.01 * s + 0.001 * t;
            }
        }
        StrategyUniverse legacy = floored(0, series);
        StrategyUniverse floor = floored(2, series);
        int[] all = java.util.stream.IntStream.range(0, 30).toArray();

        assertThat(FitnessFunction.metrics(legacy, all).ratio()).as("legacy: noise-sized drawdown").isGreaterThan(1e5);
        assertThat(FitnessFunction.metrics(floor, all).ratio()).isPositive().isLessThanOrEqualTo(40 / 2.0);
    }

    @Test
    void drawdownFloor_swapScoredIncrementally_shouldEqualTheFitnessFromScratch() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[][] series = new double[12][20];
        for (double[] s : series) {
            for (int t = 0; t < s.length; t++) {
                s[t] = random.nextDouble() < 0.2 ? 0 : 50 * random.nextGaussian() + 5;
            }
        }
        StrategyUniverse u = floored(1.5, series);
        Evaluator evaluator = new Evaluator(u, 4, 100);
        SwapState state = new SwapState(evaluator, new int[] {0, 1, 2, 3});

        assertThat(state.fitness()).isCloseTo(FitnessFunction.fitness(u, new int[] {0, 1, 2, 3}), within(1e-9));
        double swapped = state.trySwap(2, 9);
        assertThat(swapped).isCloseTo(FitnessFunction.fitness(u, new int[] {0, 1, 9, 3}), within(1e-9));
    }

    @Test
    void drawdownFloor_negativeOrNotFinite_shouldBeRejected() {
        assertThatThrownBy(() -> floored(-1, new double[] {1, 2})).hasMessageContaining("drawdown floor");
        assertThatThrownBy(() -> floored(Double.NaN, new double[] {1, 2})).hasMessageContaining("drawdown floor");
    }
}
