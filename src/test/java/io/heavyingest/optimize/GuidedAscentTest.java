package io.heavyingest.optimize;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuidedAscentTest {

    @Test
    void weigh_handComputedSeries_shouldWeighTheMaxDrawdownsPeakAndTroughWithRoiOverDrawdown() {
        // summed P&L 1, 2, -1, -2, 3, -1 -> equity 1, 3, 2, 0, 3, 2: peak 3 on day 1, trough 0 on day 3
        StrategyUniverse u = Matrices.universe(
                new double[] {1, 1, 0, -1, 2, 0},
                new double[] {0, 1, -1, -1, 1, -1},
                new double[] {5, 5, 5, 5, 5, 5});
        SwapState state = new SwapState(new Evaluator(u, 2, 10), new int[] {0, 1});
        GuidedAscent.Windows windows = new GuidedAscent.Windows(6);

        // ROI 2 over a max drawdown of 3, from day 1 to day 3
        assertThat(windows.weigh(state.sumPnl(), 0)).isEqualTo(2.0 / 3);
        assertThat(windows.count()).isEqualTo(2);
        assertThat(Arrays.copyOf(windows.rows(1), 2)).containsExactly(1, 3);
        assertThat(Arrays.copyOf(windows.weights(), 2)).containsExactly(-1, 1);
    }

    @Test
    void gains_realSampleEveryDrawdown_shouldEqualEachStrategysGainBitForBit() {
        StrategyUniverse u = Matrices.realSample(0);
        int n = u.size();
        int last = (u.days() - 1) * n;
        double[] equity = u.equity();
        SplittableRandom random = new SplittableRandom(3);
        for (double temperature : new double[] {0, 0.3, 2}) {
            int[] members = random.ints(0, n).distinct().limit(40).toArray();
            SwapState state = new SwapState(new Evaluator(u, 40, 10), members);
            GuidedAscent.Windows windows = new GuidedAscent.Windows(u.days());
            double lambda = windows.weigh(state.sumPnl(), temperature);
            int[] rows = windows.rows(n);
            assertThat(windows.count()).as("weighted days at temperature %s", temperature).isPositive();
            double[] all = new double[n];
            Arrays.fill(all, Double.NaN);   // must be overwritten, not added to
            GuidedAscent.Windows.gains(equity, last, rows, windows.weights(), windows.count(), lambda, n, all);
            for (int s = 0; s < n; s++) {
                double one = GuidedAscent.Windows.gain(equity, last, rows, windows.weights(), windows.count(),
                        lambda, s);
                assertThat(Double.doubleToRawLongBits(all[s])).as("strategy %d at temperature %s", s, temperature)
                        .isEqualTo(Double.doubleToRawLongBits(one));
            }
        }
    }

    @Test
    void weigh_neverDown_shouldWeighNoDay() {
        StrategyUniverse u = Matrices.universe(new double[] {1, 0, 2}, new double[] {3, 3, 3});
        SwapState state = new SwapState(new Evaluator(u, 1, 10), new int[] {0});
        GuidedAscent.Windows windows = new GuidedAscent.Windows(3);

        assertThat(windows.weigh(state.sumPnl(), 0)).isZero();
        assertThat(windows.count()).isZero();
    }

    @Test
    void equity_twoStrategies_shouldBeDayMajorRunningSums() {
        StrategyUniverse u = Matrices.universe(new double[] {1, -2, 4}, new double[] {10, 20, -5});

        assertThat(u.equity()).containsExactly(1, 10, -1, 30, 3, 25);
    }

    @Test
    void polish_anyStart_shouldSpendExactlyItsBudgetAndNeverEndBelowTheStart() {
        StrategyUniverse u = randomUniverse(60, 30, 7);
        SplittableRandom random = new SplittableRandom(3);
        int[] start = RandomPortfolios.portfolio(random, u.size(), 10, new Marks(u.size()));
        double startFitness = FitnessFunction.fitness(u, start);
        Evaluator evaluator = new Evaluator(u, 10, 5_000);

        new GuidedAscent(8, 8, 3, 0.3, 256).polish(evaluator, start, random);

        assertThat(evaluator.used()).isEqualTo(5_000);
        assertThat(evaluator.bestFitness()).isGreaterThan(startFitness);
        assertThat(FitnessFunction.fitness(u, evaluator.best())).isCloseTo(evaluator.bestFitness(),
                org.assertj.core.api.Assertions.within(1e-9 * Math.abs(evaluator.bestFitness())));
    }

    @Test
    void polish_sameSeed_shouldGiveTheSamePortfolio() {
        StrategyUniverse u = randomUniverse(80, 40, 11);
        int[] a = polished(u, 12, 20_000, 5);
        int[] b = polished(u, 12, 20_000, 5);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void polish_realSampleFromRandomStarts_shouldBeatLateAcceptanceAtTheSameBudget() {
        StrategyUniverse u = Matrices.realSample(0);
        for (int size : new int[] {35, 50}) {
            for (long seed = 1; seed <= 2; seed++) {
                SplittableRandom r1 = new SplittableRandom(seed);
                int[] start = RandomPortfolios.portfolio(r1, u.size(), size, new Marks(u.size()));
                Evaluator guided = new Evaluator(u, size, 100_000);
                new GuidedAscent(8, 8, 3, 0.3, 256).polish(guided, start, new SplittableRandom(seed));
                Evaluator late = new Evaluator(u, size, 100_000);
                new LateAcceptance(5_000).polish(late, start, new SplittableRandom(seed));

                assertThat(guided.bestFitness()).as("size %d seed %d", size, seed)
                        .isGreaterThan(late.bestFitness());
            }
        }
    }

    @Test
    void weigh_temperatureZero_shouldWeighOnlyTheMaxDrawdownsPeakAndTrough() {
        // equity 10, 6, 9, 7, 12: dips 0, 4, 1, 3, 0 below the peak of day 0; max drawdown 4 (day 0 to day 1)
        SwapState state = oneStrategy(10, -4, 3, -2, 5);
        GuidedAscent.Windows windows = new GuidedAscent.Windows(5);

        double lambda = windows.weigh(state.sumPnl(), 0);

        assertThat(lambda).isEqualTo(12.0 / 4);
        assertThat(windows.count()).isEqualTo(2);
        assertThat(Arrays.copyOf(windows.rows(1), 2)).containsExactly(0, 1);
        assertThat(Arrays.copyOf(windows.weights(), 2)).containsExactly(-1, 1);
    }

    @Test
    void weigh_positiveTemperature_shouldWeighEveryDrawdownByItsDepth() {
        SwapState state = oneStrategy(10, -4, 3, -2, 5);
        GuidedAscent.Windows windows = new GuidedAscent.Windows(5);

        double lambda = windows.weigh(state.sumPnl(), 0.5);

        // troughs on days 1, 2, 3 (dips 4, 1, 3), all from the peak of day 0; weight exp((dip - 4) / (0.5 x 4))
        double w1 = 1;
        double w2 = Math.exp(-1.5);
        double w3 = Math.exp(-0.5);
        double total = w1 + w2 + w3;
        assertThat(lambda).isEqualTo(3);
        assertThat(windows.count()).isEqualTo(4);
        assertThat(Arrays.copyOf(windows.rows(1), 4)).containsExactly(0, 1, 2, 3);
        assertThat(Arrays.copyOf(windows.weights(), 4)).usingComparatorWithPrecision(1e-12)
                .containsExactly(-1, w1 / total, w2 / total, w3 / total);
    }

    @Test
    void weigh_noDrawdown_shouldGiveNoWeightsAndLambdaZero() {
        SwapState state = oneStrategy(1, 2, 0, 3);
        GuidedAscent.Windows windows = new GuidedAscent.Windows(4);

        assertThat(windows.weigh(state.sumPnl(), 0.3)).isZero();
        assertThat(windows.count()).isZero();
    }

    @Test
    void polish_realSampleFromRandomStarts_shouldClimbHigherWithEveryDrawdownThanWithTheMaxAlone() {
        StrategyUniverse u = Matrices.realSample(0);
        for (int shortlist : new int[] {0, 256}) {    // 256 < the 465 outsiders or fewer: the shortlist is used
            double every = 0;
            double maxOnly = 0;
            for (int size : new int[] {35, 45, 55}) {
                for (long seed = 1; seed <= 3; seed++) {
                    int[] start = RandomPortfolios.portfolio(new SplittableRandom(seed), u.size(), size,
                            new Marks(u.size()));
                    Evaluator a = new Evaluator(u, size, 100_000);
                    new GuidedAscent(8, 8, 3, 0.3, shortlist).polish(a, start, new SplittableRandom(seed));
                    Evaluator b = new Evaluator(u, size, 100_000);
                    new GuidedAscent(8, 8, 3, 0, shortlist).polish(b, start, new SplittableRandom(seed));
                    assertThat(a.used()).isEqualTo(100_000);
                    every += a.bestFitness();
                    maxOnly += b.bestFitness();
                }
            }

            assertThat(every).as("shortlist %d", shortlist).isGreaterThan(1.1 * maxOnly);
        }
    }

    @Test
    void polish_shortlistShorterThanTheOutsiders_shouldGiveTheSamePortfolioForTheSameSeed() {
        StrategyUniverse u = randomUniverse(120, 40, 13);
        int[] a = polished(u, 12, 20_000, 5, 16);
        int[] b = polished(u, 12, 20_000, 5, 16);
        int[] full = polished(u, 12, 20_000, 5, 0);

        assertThat(a).isEqualTo(b);
        assertThat(FitnessFunction.fitness(u, a)).isGreaterThan(0);
        assertThat(full).hasSize(12);
    }

    @Test
    void create_nonPositiveSettings_shouldBeRejected() {
        assertThatThrownBy(() -> new GuidedAscent(0, 8, 3, 0.3, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuidedAscent(8, 8, 0, 0.3, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuidedAscent(8, 8, 3, -0.1, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuidedAscent(8, 8, 3, Double.NaN, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuidedAscent(8, 8, 3, 0.3, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SwapState oneStrategy(double... returns) {
        StrategyUniverse u = Matrices.universe(returns);
        return new SwapState(new Evaluator(u, 1, 10), new int[] {0});
    }

    private static int[] polished(StrategyUniverse u, int size, long budget, long seed) {
        return polished(u, size, budget, seed, 256);
    }

    private static int[] polished(StrategyUniverse u, int size, long budget, long seed, int shortlist) {
        SplittableRandom random = new SplittableRandom(seed);
        Evaluator evaluator = new Evaluator(u, size, budget);
        new GuidedAscent(8, 8, 3, 0.3, shortlist).polish(evaluator, RandomPortfolios.portfolio(random, u.size(), size,
                new Marks(u.size())), random);
        int[] best = evaluator.best();
        Arrays.sort(best);
        return best;
    }

    private static StrategyUniverse randomUniverse(int strategies, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] series = new double[strategies][days];
        for (double[] s : series) {
            double drift = random.nextGaussian() * 0.3;
            for (int t = 0; t < days; t++) {
                s[t] = drift + random.nextGaussian();
            }
        }
        return Matrices.universe(series);
    }

    @Test
    void ranked_manyOffersWithTies_shouldKeepTheHighestKeysFirstOfferedFirstAmongEqualKeys() {
        SplittableRandom random = new SplittableRandom(17);
        for (int capacity : new int[] {1, 3, 8, 256}) {
            GuidedAscent.Ranked ranked = new GuidedAscent.Ranked(capacity);
            for (int round = 0; round < 20; round++) {
                ranked.clear();
                int offers = random.nextInt(600);
                double[] keys = new double[offers];
                for (int i = 0; i < offers; i++) {
                    keys[i] = random.nextInt(40) / 4.0;   // many equal keys
                    ranked.offer(i, keys[i]);
                    if (random.nextInt(50) == 0 && ranked.count() > 0) {
                        ranked.item(0);   // a read between offers must not disturb the ranking
                    }
                }
                Integer[] expected = new Integer[offers];
                for (int i = 0; i < offers; i++) {
                    expected[i] = i;
                }
                Arrays.sort(expected, (a, b) -> keys[a] != keys[b] ? Double.compare(keys[b], keys[a]) : a - b);

                assertThat(ranked.count()).isEqualTo(Math.min(capacity, offers));
                for (int i = 0; i < ranked.count(); i++) {
                    assertThat(ranked.item(i)).as("capacity %d, round %d, rank %d", capacity, round, i)
                            .isEqualTo(expected[i]);
                }
            }
        }
    }

    @Test
    void shortlist_manyOutsiders_shouldListWhatOfferingEveryOutsiderInOrderLists() {
        int n = 30_000;
        SplittableRandom random = new SplittableRandom(23);
        boolean[] member = new boolean[n];
        for (int k = 0; k < 50; k++) {
            member[random.nextInt(n)] = true;
        }
        int members = 0;
        for (boolean m : member) {
            members += m ? 1 : 0;
        }
        int stride = n / 1024;
        java.util.List<double[]> cases = java.util.List.of(
                java.util.stream.IntStream.range(0, n).mapToDouble(s -> s / 7).toArray(),           // growing, ties
                java.util.stream.IntStream.range(0, n).mapToDouble(s -> -(s / 5)).toArray(),        // falling, ties
                java.util.stream.IntStream.range(0, n).mapToDouble(s -> 1.0).toArray(),             // all equal
                java.util.stream.IntStream.range(0, n).mapToDouble(s -> random.nextInt(1000)).toArray(),
                // the sampled positions far above the rest: the cut lets too few through, so all are offered
                java.util.stream.IntStream.range(0, n).mapToDouble(s -> s % stride == 0 ? 1e6 + s : s % 97).toArray());
        for (int c = 0; c < cases.size(); c++) {
            double[] gains = cases.get(c);
            GuidedAscent.Ranked reference = new GuidedAscent.Ranked(256);
            for (int s = 0; s < n; s++) {
                if (!member[s]) {
                    reference.offer(s, gains[s]);
                }
            }
            GuidedAscent.Ranked listed = new GuidedAscent.Ranked(256);

            GuidedAscent.shortlist(gains, n - members, s -> member[s], listed, new double[1024]);

            assertThat(listed.count()).isEqualTo(256);
            for (int i = 0; i < 256; i++) {
                assertThat(listed.item(i)).as("case %d, rank %d", c, i).isEqualTo(reference.item(i));
            }
        }
    }
}
