package io.heavyingest.optimize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabuSearchTest {
    private static final int SIZE = 40;

    private static StrategyUniverse universe;
    /** Guided-polished portfolios of the real sample from random starts, and the union of their members. */
    private static int[][] polished;
    private static int[] core;

    @BeforeAll
    static void polishSomeStarts() {
        universe = Matrices.realSample(0);
        polished = new int[6][];
        TreeSet<Integer> union = new TreeSet<>();
        for (int i = 0; i < polished.length; i++) {
            SplittableRandom random = new SplittableRandom(100 + i);
            Evaluator evaluator = new Evaluator(universe, SIZE, 200_000);
            new GuidedAscent(8, 8, 3, 0.3, 256).polish(evaluator,
                    RandomPortfolios.portfolio(random, universe.size(), SIZE, new Marks(universe.size())), random);
            polished[i] = evaluator.best();
            Arrays.stream(polished[i]).forEach(union::add);
        }
        core = union.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Evaluator tabu(int[] start, long budget, long seed) {
        Evaluator evaluator = new Evaluator(universe, SIZE, budget);
        new TabuSearch(core, 5).polish(evaluator, start, new SplittableRandom(seed));
        return evaluator;
    }

    @Test
    void polish_polishedStartsOfTheRealSample_shouldClimbHigherThanTheGuidedPolishAtTheSameBudget() {
        double tabuTotal = 0;
        double guidedTotal = 0;
        for (int i = 0; i < polished.length; i++) {
            Evaluator byTabu = tabu(polished[i], 500_000, i);
            Evaluator byGuided = new Evaluator(universe, SIZE, 500_000);
            new GuidedAscent(8, 8, 3, 0.3, 256, new LateAcceptance(5_000))
                    .polish(byGuided, polished[i], new SplittableRandom(i));

            double start = FitnessFunction.fitness(universe, polished[i]);
            assertThat(byTabu.bestFitness()).isGreaterThanOrEqualTo(start);
            tabuTotal += byTabu.bestFitness() - start;
            guidedTotal += byGuided.bestFitness() - start;
        }
        // what the tabu search adds to an already polished portfolio, against what more guided polish adds
        assertThat(tabuTotal).isGreaterThan(1.5 * guidedTotal);
    }

    @Test
    void polish_anyStart_shouldSwapInOnlyCandidatesAndReportTheFitnessOfItsBest() {
        int[] start = RandomPortfolios.portfolio(new SplittableRandom(9), universe.size(), SIZE,
                new Marks(universe.size()));

        Evaluator evaluator = tabu(start, 100_000, 3);

        int[] best = evaluator.best();
        TreeSet<Integer> allowed = new TreeSet<>();
        Arrays.stream(start).forEach(allowed::add);
        Arrays.stream(core).forEach(allowed::add);
        assertThat(best).hasSize(SIZE).doesNotHaveDuplicates();
        assertThat(allowed).contains(Arrays.stream(best).boxed().toArray(Integer[]::new));
        assertThat(evaluator.bestFitness()).isCloseTo(FitnessFunction.fitness(universe, best),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(evaluator.used()).isEqualTo(100_000);
    }

    @Test
    void polish_sameSeed_shouldGiveTheSamePortfolio() {
        assertThat(tabu(polished[0], 100_000, 7).best()).isEqualTo(tabu(polished[0], 100_000, 7).best());
    }

    @Test
    void polish_everyCandidateAlreadyAMember_shouldStopAtTheStart() {
        int[] start = IntStream.range(0, SIZE).toArray();
        Evaluator evaluator = new Evaluator(universe, SIZE, 1_000_000);

        new TabuSearch(Arrays.copyOf(start, 10), 5).polish(evaluator, start, new SplittableRandom(1));

        assertThat(evaluator.used()).isEqualTo(1);   // scoring the start
        assertThat(evaluator.best()).isEqualTo(start);
    }

    @Test
    void create_tenureBelowOne_shouldBeRejected() {
        assertThatThrownBy(() -> new TabuSearch(core, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenure");
    }
}
