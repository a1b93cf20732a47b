package io.heavyingest.optimize;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuidedAscentTest {

    @Test
    void drawdownWindow_handComputedSeries_shouldGivePeakTroughRoiAndDrawdown() {
        // summed P&L 1, 2, -1, -2, 3, -1 -> equity 1, 3, 2, 0, 3, 2: peak 3 on day 1, trough 0 on day 3
        StrategyUniverse u = Matrices.universe(
                new double[] {1, 1, 0, -1, 2, 0},
                new double[] {0, 1, -1, -1, 1, -1},
                new double[] {5, 5, 5, 5, 5, 5});
        SwapState state = new SwapState(new Evaluator(u, 2, 10), new int[] {0, 1});

        assertThat(state.drawdownWindow()).containsExactly(1, 3, 2, 3);
    }

    @Test
    void drawdownWindow_neverDown_shouldBeEmpty() {
        StrategyUniverse u = Matrices.universe(new double[] {1, 0, 2}, new double[] {3, 3, 3});
        SwapState state = new SwapState(new Evaluator(u, 1, 10), new int[] {0});

        assertThat(state.drawdownWindow()).containsExactly(0, 0, 3, 0);
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

        new GuidedAscent(8, 8, 3).polish(evaluator, start, random);

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
    void polish_realSampleFromRandomStarts_shouldBeatLateAcceptanceAtTheSameBudget() throws IOException {
        StrategyUniverse u = realSample();
        for (int size : new int[] {35, 50}) {
            for (long seed = 1; seed <= 2; seed++) {
                SplittableRandom r1 = new SplittableRandom(seed);
                int[] start = RandomPortfolios.portfolio(r1, u.size(), size, new Marks(u.size()));
                Evaluator guided = new Evaluator(u, size, 100_000);
                new GuidedAscent(8, 8, 3).polish(guided, start, new SplittableRandom(seed));
                Evaluator late = new Evaluator(u, size, 100_000);
                new LateAcceptance(5_000).polish(late, start, new SplittableRandom(seed));

                assertThat(guided.bestFitness()).as("size %d seed %d", size, seed)
                        .isGreaterThan(late.bestFitness());
            }
        }
    }

    @Test
    void create_nonPositiveSettings_shouldBeRejected() {
        assertThatThrownBy(() -> new GuidedAscent(0, 8, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuidedAscent(8, 8, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] polished(StrategyUniverse u, int size, long budget, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Evaluator evaluator = new Evaluator(u, size, budget);
        new GuidedAscent(8, 8, 3).polish(evaluator, RandomPortfolios.portfolio(random, u.size(), size,
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

    /** The real 500-strategy sample, read plainly (no empty cells in it). */
    private static StrategyUniverse realSample() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/data/sensex_500x82.csv"));
        String[] header = lines.get(0).split(",");
        int strategies = header.length - 2;
        int days = lines.size() - 1;
        double[] values = new double[strategies * days];
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            String[] f = lines.get(t + 1).split(",", -1);
            dates.add(LocalDate.parse(f[0]));
            for (int s = 0; s < strategies; s++) {
                values[s * days + t] = Double.parseDouble(f[s + 2]);
            }
        }
        return StrategyUniverse.of(new PnlMatrix("sample", dates, List.of(Arrays.copyOfRange(header, 2, header.length)),
                values, 0), 0);
    }
}
